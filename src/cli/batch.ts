import fs from "node:fs";
import path from "node:path";
import { otherTablesMessage } from "../core/otherTables";
import { formatNumber } from "../core/rules/format";
import { NATIONAL_PROFILE } from "../core/profile";
import { NOT_SCORED } from "../core/totals";
import {
  buildSummaryWorkbook,
  countBySeverity,
  fileOutcome,
  isFailedFile,
  OUTCOME_LABELS,
  SUMMARY_HEADERS,
  type CheckedFileSummary,
  type FileSummary,
} from "../xlsx/summary";
import { expandInputs } from "./files";
import { isFailed, isSkipped, type FileJobOptions, type FileJobResult, type FileLine } from "./fileJob";
import { checkFiles, defaultJobs } from "./pool";
import { createProgress, fitPathStart } from "./progress";
import { displayWidth, padEnd, padStart, painter, truncate, useColour } from "./text";
import type { CheckCliOptions } from "./index";

type Lang = "zh" | "en";

const collator = new Intl.Collator("zh-CN", { numeric: true });

/** Orders paths folder by folder (so a folder's files stay together), names in Chinese collation with numbers as numbers. */
export function comparePaths(a: string, b: string): number {
  const sa = a.split(/[\\/]+/);
  const sb = b.split(/[\\/]+/);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const c = collator.compare(sa[i], sb[i]);
    if (c !== 0) return c;
  }
  return sa.length - sb.length;
}

/** The hyperlink from the summary workbook to a checked file: relative, forward slashes, URI-special characters escaped. */
export function relativeLink(summaryFile: string, file: string): string {
  const rel = path.relative(path.dirname(path.resolve(summaryFile)), path.resolve(file));
  // A file on another Windows drive has no relative path.
  const target = path.isAbsolute(rel) ? `file:///${rel.replace(/\\/g, "/").replace(/^\/+/, "")}` : rel.split(path.sep).join("/");
  return target.replace(/%/g, "%25").replace(/#/g, "%23").replace(/\?/g, "%3F").replace(/ /g, "%20");
}

function message(lang: Lang, m: { zh: string; en: string }): string {
  return lang === "en" ? m.en : m.zh;
}

/** The files of a batch, each once, in path order; the summary workbook itself is never one of them. */
export function batchFiles(inputs: string[], summary: string | undefined): { files: string[]; missing: string[] } {
  const { files, missing } = expandInputs(inputs);
  const seen = new Set<string>();
  if (summary) seen.add(path.resolve(summary));
  const unique = files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique.sort(comparePaths), missing };
}

/** Keeps only what the table and the summary show: the rows and the second-language messages are dropped. */
function slim(line: FileLine): FileSummary {
  if (isFailed(line)) return line;
  return {
    file: line.file,
    unit: line.unit,
    sheet: line.sheet,
    config: line.config,
    ...(line.configNote ? { configNote: line.configNote } : {}),
    ...(line.otherTableSheets.length > 0 ? { otherTableSheets: line.otherTableSheets } : {}),
    totals: line.totals,
    findings: line.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      row: f.row,
      cell: f.cell,
      message: f.message,
      ...("sheet" in f ? { sheet: f.sheet } : {}),
      ...("paragraph" in f ? { paragraph: f.paragraph } : {}),
    })),
  };
}

/**
 * Checks many files: a table (or one JSON line per file, in path order), optionally a summary workbook.
 * Exit status: 2 if any file could not be read (or holds no table), else 1 if any file has an error finding, else 0.
 */
export async function runBatch(inputs: string[], o: CheckCliOptions): Promise<number> {
  const lang: Lang = o.lang;
  const err = (m: { zh: string; en: string }) =>
    process.stderr.write(`scorecheck: ${lang === "en" ? `${m.en} / ${m.zh}` : `${m.zh} / ${m.en}`}\n`);

  let jobsAsked: number | undefined;
  if (o.jobs !== undefined) {
    jobsAsked = Number(o.jobs);
    if (!Number.isInteger(jobsAsked) || jobsAsked < 1) {
      err({ zh: `--jobs 应为正整数，而不是“${o.jobs}”`, en: `--jobs takes a positive whole number, not "${o.jobs}"` });
      return 2;
    }
  }
  // Refused before the batch runs, not after minutes of checking.
  if (o.summary && !/\.xlsx$/i.test(o.summary)) {
    err({ zh: `汇总文件应以 .xlsx 结尾：${o.summary}`, en: `The summary file must end in .xlsx: ${o.summary}` });
    return 2;
  }
  if (o.summary && !isDirectory(path.dirname(path.resolve(o.summary)))) {
    const dir = path.dirname(o.summary);
    err({ zh: `汇总文件所在的文件夹不存在：${dir}`, en: `The summary's folder does not exist: ${dir}` });
    return 2;
  }

  const { files, missing } = batchFiles(inputs, o.summary);
  const jobs = jobsAsked === undefined ? defaultJobs(files.length) : Math.min(jobsAsked, Math.max(1, files.length));

  const job: FileJobOptions = {
    sheet: o.sheet,
    profile: o.profile,
    configFile: o.config,
    lang,
    writeFlags: o.flags,
    fixTotals: Boolean(o.fixTotals),
    writeGrade: Boolean(o.writeGrade),
    maxXmlMb: o.maxXmlMb === undefined ? undefined : Number(o.maxXmlMb),
  };

  const notFound: FileLine[] = missing.map((m) => ({
    file: m,
    error: message(lang, { zh: `找不到文件：${m}`, en: `No such file: ${m}` }),
    code: "NOT_FOUND",
  }));
  const results: (FileSummary | undefined)[] = new Array(files.length);
  // Results that finished ahead of an earlier file wait here, so the output order does not depend on the workers.
  const waiting = new Map<number, FileJobResult>();
  let nextToPrint = 0;
  const printLine = (line: FileLine) => process.stdout.write(JSON.stringify(line) + "\n");
  if (o.json) notFound.forEach(printLine);

  const progress = createProgress(files.length, !o.json && Boolean(process.stdout.isTTY), lang);
  try {
    await checkFiles(files, job, jobs, {
      started: (_i, file) => progress.started(file),
      finished: (i, result) => {
        progress.finished();
        results[i] = isSkipped(result) ? undefined : slim(result);
        if (!o.json) return;
        waiting.set(i, result);
        while (waiting.has(nextToPrint)) {
          const r = waiting.get(nextToPrint) as FileJobResult;
          if (!isSkipped(r)) printLine(r);
          waiting.delete(nextToPrint++);
        }
      },
    });
  } finally {
    progress.stop();
  }

  const all: FileSummary[] = [...notFound.map(slim), ...results.filter((r): r is FileSummary => r !== undefined)];
  if (!o.json) process.stdout.write(renderBatchTable(all, lang, useColour(process.stdout), process.stdout.isTTY ? process.stdout.columns : undefined));

  if (o.summary) {
    const summaryFile = o.summary;
    const tmp = `${summaryFile}.${process.pid}.tmp`;
    try {
      const wb = buildSummaryWorkbook(all, { lang, link: (f) => (fs.existsSync(f) ? relativeLink(summaryFile, f) : undefined) });
      await wb.xlsx.writeFile(tmp);
      fs.renameSync(tmp, summaryFile);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      const code = (e as NodeJS.ErrnoException).code;
      const locked = code === "EBUSY" || code === "EPERM" || code === "EACCES";
      err({
        zh: `无法写出汇总工作簿 ${summaryFile}：${(e as Error).message}${locked ? "（该文件是否正在 Excel 中打开？）" : ""}`,
        en: `Cannot write the summary workbook ${summaryFile}: ${(e as Error).message}${locked ? " (is it open in Excel?)" : ""}`,
      });
      return 2;
    }
    if (!o.json) process.stdout.write(message(lang, { zh: `已写出汇总工作簿：${summaryFile}`, en: `Wrote the summary workbook: ${summaryFile}` }) + "\n");
  }
  return batchExitCode(all);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function batchExitCode(files: FileSummary[]): number {
  if (files.some(isFailedFile)) return 2;
  if (files.some((f) => fileOutcome(f) === "errors")) return 1;
  return 0;
}

/** Which rules checked the files: "规则配置：national 3 个文件；forms/乙/scorecheck.config.json 2 个文件". */
function configLine(files: FileSummary[], lang: Lang): string | undefined {
  const counts = new Map<string, number>();
  for (const f of files) if (!isFailedFile(f) && f.config) counts.set(f.config, (counts.get(f.config) ?? 0) + 1);
  // Said only when some file was checked with other rules than the default.
  if (counts.size === 0 || (counts.size === 1 && counts.has(NATIONAL_PROFILE.name))) return undefined;
  const parts = [...counts].map(([c, n]) => (lang === "en" ? `${c} (${n} file${n === 1 ? "" : "s"})` : `${c}（${n} 个文件）`));
  return lang === "en" ? `Rules: ${parts.join("; ")}` : `规则配置：${parts.join("；")}`;
}

/** A line per file that has something to say once, under the table: "file：note". */
function fileNoteLines(files: FileSummary[], lang: Lang, noteOf: (f: CheckedFileSummary) => string | undefined): string[] {
  return files.flatMap((f) => {
    const note = isFailedFile(f) ? undefined : noteOf(f);
    return note === undefined ? [] : [`${f.file}${lang === "en" ? ": " : "："}${note}`];
  });
}

/** The batch as a terminal table, one line per file, then a count line and the rules used. */
export function renderBatchTable(files: FileSummary[], lang: Lang, colour: boolean, columns?: number): string {
  const p = painter(colour);
  const head = SUMMARY_HEADERS[lang];
  const labels = OUTCOME_LABELS[lang];
  const sep = lang === "en" ? ": " : "：";
  const rows: string[][] = files.map((f) => {
    const outcome = labels[fileOutcome(f)];
    if (isFailedFile(f)) {
      const reason = f.error.startsWith(outcome) ? f.error : `${outcome}${sep}${f.error}`;
      return [f.file, "", "", "", "", "", "", "", "", "", reason];
    }
    const t = f.totals;
    return [
      f.file,
      f.unit ?? "",
      f.sheet,
      formatNumber(t.weight),
      t.score === null ? NOT_SCORED.score[lang] : formatNumber(t.score),
      t.statedScore === null || t.statedScore === undefined ? "" : formatNumber(t.statedScore),
      t.grade ?? NOT_SCORED.grade[lang],
      t.statedGrade ?? "",
      String(countBySeverity(f, "error")),
      String(countBySeverity(f, "warning")),
      outcome,
    ];
  });
  const limits = [40, 24, 12, 8, 8, 8, 8, 8, 4, 4, 0];
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  limits.forEach((l, i) => l > 0 && (widths[i] = Math.min(widths[i], Math.max(l, displayWidth(head[i])))));
  // On a terminal the last column takes what is left (at least 20), so a failure's reason does not wrap; piped, it is whole.
  if (columns) {
    const used = widths.slice(0, -1).reduce((s, w) => s + w + 2, 0);
    const last = widths.length - 1;
    widths[last] = Math.max(displayWidth(head[last]), Math.min(widths[last], Math.max(20, columns - used)));
  }
  const numeric = new Set([3, 4, 5, 8, 9]);
  const fit = (c: string, i: number) => (i === 0 ? fitPathStart(c, widths[i]) : truncate(c, widths[i]));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? padStart(fit(c, i), widths[i]) : padEnd(fit(c, i), widths[i])))
      .join("  ")
      .trimEnd();
  const out = [p("bold", line(head))];
  rows.forEach((r, i) => {
    const outcome = fileOutcome(files[i]);
    const text = line(r);
    out.push(outcome === "errors" ? p("red", text) : outcome === "ok" ? text : p("magenta", text));
  });
  const n = (o: string) => files.filter((f) => fileOutcome(f) === o).length;
  out.push(
    lang === "en"
      ? `${files.length} files: ${n("ok")} ok, ${n("errors")} with errors, ${n("noTable")} without a table, ${n("unreadable")} unreadable`
      : `共 ${files.length} 个文件：通过 ${n("ok")}，有错误 ${n("errors")}，未找到指标表 ${n("noTable")}，无法读取 ${n("unreadable")}`,
  );
  const configs = configLine(files, lang);
  if (configs) out.push(configs);
  // Stored rules set aside or unusable, then other sheets with a table: none is passed over unseen.
  out.push(...fileNoteLines(files, lang, (f) => f.configNote));
  out.push(...fileNoteLines(files, lang, (f) => otherTablesMessage(f.otherTableSheets)?.[lang]));
  return out.join("\n") + "\n";
}
