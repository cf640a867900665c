import fs from "node:fs";
import path from "node:path";

/** Names of the formats a folder's walk picks up (.xlsx, .xlsm, .xls, .et, .ods); each file is read by its content. */
const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|et|ods)$/i;

/** Expands the CLI's inputs: files as given, folders to every workbook under them (sorted), simple globs (* ?). */
export function expandInputs(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const matched = matchGlob(input);
      if (matched.length === 0) missing.push(input);
      files.push(...matched);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) files.push(...walkXlsx(input));
    else files.push(input);
  }
  return { files, missing };
}

export function walkXlsx(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      // ~$ files are Excel's lock files of open workbooks.
      else if (e.isFile() && WORKBOOK_NAME.test(e.name) && !e.name.startsWith("~$")) out.push(p);
    }
  };
  visit(dir);
  return out;
}

function matchGlob(pattern: string): string[] {
  const dir = path.dirname(pattern);
  const base = path.basename(pattern);
  if (/[*?]/.test(dir)) return [];
  const re = new RegExp(
    "^" + base.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$",
    "i",
  );
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => re.test(n) && !n.startsWith("~$"))
    .sort((a, b) => a.localeCompare(b, "zh-CN"))
    .map((n) => path.join(dir, n))
    .filter((p) => fs.statSync(p).isFile());
}
