import fs from "node:fs";
import { excelJs } from "../xlsx/exceljs";
import type { CheckOptions, Message } from "../core/types";
import { RuleResolver, withStoredRules } from "./ruleConfig";
import { isSummaryWorkbook } from "../xlsx/summary";
import { checkFile } from "./checkFile";
import { resultJson } from "./json";

/** What a batch needs to check one file; plain data, so it crosses into a worker thread. */
export interface FileJobOptions {
  sheet?: string;
  /** --profile: a preset for every file. */
  profile?: string;
  /** --config: one config for every file; without either, each file's nearest scorecheck.config.json. */
  configFile?: string;
  lang: "zh" | "en";
  writeFlags: boolean;
  fixTotals: boolean;
  writeGrade: boolean;
  /** --max-xml-mb: the uncompressed size above which a package is refused. */
  maxXmlMb?: number;
}

/**
 * The single-file JSON line, and which rules checked the file (a preset's name, a config file's
 * path, or the workbook's stored rules); `configNote` when the workbook's own rules were set aside.
 */
export type CheckedFileLine = ReturnType<typeof resultJson> & { config: string; configNote?: string; configNoteMessages?: Message };

/** The JSON of a note on the stored rules, as a finding's message: in the chosen language, and both. */
export function configNoteJson(note: Message, lang: "zh" | "en"): { configNote: string; configNoteMessages: Message } {
  return { configNote: lang === "en" ? note.en : note.zh, configNoteMessages: note };
}

/** A file that could not be checked: `code` is the reader's or the locator's (NOT_XLSX, CORRUPT, NO_TABLE …). */
export interface FailedFileLine {
  file: string;
  error: string;
  code: string;
}

/** One line of the batch's `--json`: the single-file shape of SPEC §7, or `{ file, error }`. */
export type FileLine = CheckedFileLine | FailedFileLine;

/** A summary workbook written by an earlier batch into the same folder: not a form, left out of the batch. */
export interface SkippedFile {
  file: string;
  skipped: "summary";
}

export type FileJobResult = FileLine | SkippedFile;

export function isFailed(line: FileLine): line is FailedFileLine {
  return "error" in line;
}

export function isSkipped(r: FileJobResult): r is SkippedFile {
  return "skipped" in r;
}

const NO_TABLE_CODES = new Set(["NO_TABLE", "EMPTY_WORKBOOK"]);

/** Read again only when a file has no table, so forms pay nothing for this. */
async function isEarlierSummary(file: string): Promise<boolean> {
  try {
    const wb = new (excelJs().Workbook)();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    return isSummaryWorkbook(wb);
  } catch {
    return false;
  }
}

export function toCheckOptions(o: FileJobOptions, profile: CheckOptions["profile"]): CheckOptions {
  return {
    sheet: o.sheet,
    profile,
    lang: o.lang,
    writeFlags: o.writeFlags,
    fixTotals: o.fixTotals,
    writeGrade: o.writeGrade,
    // A batch writes no annotated copy: its lines need only the marks a write-back would leave out.
    planWrites: false,
  };
}

/** One resolver a thread: each config file is read once however many files it governs. */
let resolver: { key: string; rules: RuleResolver } | undefined;

function rulesFor(file: string, o: FileJobOptions) {
  const key = JSON.stringify([o.configFile, o.profile]);
  if (resolver?.key !== key) resolver = { key, rules: new RuleResolver({ configFile: o.configFile, profile: o.profile }) };
  return resolver.rules.forFile(file);
}

/** Reads and checks one file and keeps only its JSON line: the workbook is dropped here, so memory stays flat. */
export async function checkFileLine(file: string, o: FileJobOptions): Promise<FileJobResult> {
  try {
    const rules = rulesFor(file, o);
    if (!rules.ok) return { file, error: o.lang === "en" ? rules.message.en : rules.message.zh, code: rules.code };
    const outcome = await checkFile(file, toCheckOptions(o, rules.profile), { maxUncompressedMB: o.maxXmlMb }, (stored) => withStoredRules(rules, stored));
    if (!outcome.ok && NO_TABLE_CODES.has(outcome.code) && (await isEarlierSummary(file))) return { file, skipped: "summary" };
    if (!outcome.ok) return { file, error: o.lang === "en" ? outcome.message.en : outcome.message.zh, code: outcome.code };
    const used = outcome.rules!; // chooseRules was given
    const line = { ...resultJson(file, outcome.result, o.lang), config: used.source };
    return used.note ? { ...line, ...configNoteJson(used.note, o.lang) } : line;
  } catch (e) {
    // An engine bug on one file must not stop the batch; report it as that file's failure.
    const m = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return {
      file,
      error: o.lang === "en" ? `Internal error while checking: ${m}` : `检查时出现内部错误：${m}`,
      code: "INTERNAL",
    };
  }
}
