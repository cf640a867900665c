/**
 * The summary workbook of a batch: one row per file (sortable, filterable, each
 * file a hyperlink) and one row per finding of every file. Host-neutral: it takes
 * the plain per-file results (the `--json` lines) and returns an exceljs
 * Workbook, so the CLI and the browser page build the same file.
 */
import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs";
import { NOT_SCORED } from "../core/totals";
import { otherTablesMessage } from "../core/otherTables";

type Lang = "zh" | "en";

export interface SummaryFinding {
  code: string;
  severity: "error" | "warning" | "info";
  row: number | null;
  cell: string | null;
  message: string;
  /** A narrative finding: the sheet of its cell (when not the table's), or its paragraph of the report file. */
  sheet?: string;
  paragraph?: number;
}

/** A file that was checked: the fields of the SPEC §7 JSON line that a summary shows. */
export interface CheckedFileSummary {
  file: string;
  unit?: string | null;
  sheet: string;
  /** The rules it was checked with: a preset's name, a config file's path, or the workbook's stored rules. */
  config?: string;
  /** Why the workbook's own stored rules were set aside or not used, when they were. */
  configNote?: string;
  /** Other sheets of the workbook that hold an indicator table too, not checked. */
  otherTableSheets?: string[];
  totals: {
    weight: number;
    /** False for a form no row of which carries a score: then score and grade are null. */
    scored?: boolean;
    score: number | null;
    statedWeight?: number | null;
    statedScore?: number | null;
    grade: string | null;
    statedGrade?: string | null;
  };
  findings: SummaryFinding[];
}

/** A file that could not be checked: unreadable, or holding no indicator table. */
export interface FailedFileSummary {
  file: string;
  error: string;
  code?: string;
}

export type FileSummary = CheckedFileSummary | FailedFileSummary;

export type FileOutcome = "ok" | "errors" | "noTable" | "unreadable";

const NO_TABLE_CODES = new Set(["NO_TABLE", "EMPTY_WORKBOOK", "SHEET_NOT_FOUND"]);

export function isFailedFile(f: FileSummary): f is FailedFileSummary {
  return "error" in f;
}

export function countBySeverity(f: CheckedFileSummary, severity: SummaryFinding["severity"]): number {
  return f.findings.filter((x) => x.severity === severity).length;
}

export function fileOutcome(f: FileSummary): FileOutcome {
  if (isFailedFile(f)) return f.code && NO_TABLE_CODES.has(f.code) ? "noTable" : "unreadable";
  return countBySeverity(f, "error") > 0 ? "errors" : "ok";
}

export const OUTCOME_LABELS: Record<Lang, Record<FileOutcome, string>> = {
  zh: { ok: "通过", errors: "有错误", noTable: "未找到指标表", unreadable: "无法读取" },
  en: { ok: "ok", errors: "errors", noTable: "no table", unreadable: "unreadable" },
};

/** Column headers shared by the terminal table and the summary sheet. */
export const SUMMARY_HEADERS: Record<Lang, string[]> = {
  zh: ["文件", "填报单位", "工作表", "权重合计", "得分合计", "填写总分", "等级", "填写等级", "错误", "警告", "结论"],
  en: ["File", "Unit", "Sheet", "Σweight", "Σscore", "Stated score", "Grade", "Stated grade", "Errors", "Warnings", "Outcome"],
};

const DETAIL_HEADER: Record<Lang, string> = { zh: "说明", en: "Detail" };
const CONFIG_HEADER: Record<Lang, string> = { zh: "规则配置", en: "Rules" };

const FINDING_HEADERS: Record<Lang, string[]> = {
  zh: ["文件", "填报单位", "工作表", "单元格", "行", "级别", "代码", "说明"],
  en: ["File", "Unit", "Sheet", "Cell", "Row", "Severity", "Code", "Message"],
};

const SEVERITY_LABELS: Record<Lang, Record<SummaryFinding["severity"] | "failed", string>> = {
  zh: { error: "错误", warning: "警告", info: "提示", failed: "无法检查" },
  en: { error: "error", warning: "warning", info: "info", failed: "not checked" },
};

const SHEET_NAMES: Record<Lang, { files: string; findings: string }> = {
  zh: { files: "汇总", findings: "问题清单" },
  en: { files: "Summary", findings: "Findings" },
};

/**
 * Text that a spreadsheet would run as a formula once the sheet is saved as CSV
 * (= + - @, or a leading tab / CR) gets a leading apostrophe, OWASP's advice for
 * CSV injection. In the .xlsx itself every string is already a string, never a
 * formula; the apostrophe is what survives an export. It is visible in the cell,
 * which a reviewer reads as "this was text", and it keeps sorting and filtering honest
 * (a zero-width prefix would be invisible and would be lost or mis-sorted by other tools).
 */
export function escapeFormulaText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** Marks a summary workbook (core properties), so that a later batch over the same folder skips it. */
export const SUMMARY_KEYWORDS = "scorecheck-summary";

export function isSummaryWorkbook(wb: ExcelJS.Workbook): boolean {
  return wb.keywords === SUMMARY_KEYWORDS;
}

export interface SummaryOptions {
  lang: Lang;
  /** Hyperlink target of a file (a relative path from the summary workbook); none when undefined. */
  link?: (file: string) => string | undefined;
}

const FILL: Record<FileOutcome, string> = { ok: "FFC6EFCE", errors: "FFFFC7CE", noTable: "FFFFEB9C", unreadable: "FFFFEB9C" };
const SEVERITY_FILL: Record<SummaryFinding["severity"] | "failed", string | undefined> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: undefined,
  failed: "FFFFEB9C",
};

function text(s: string | null | undefined): string | null {
  return s === null || s === undefined || s === "" ? null : escapeFormulaText(s);
}

function round2(n: number | null | undefined): number | null {
  return n === null || n === undefined || !Number.isFinite(n) ? null : Math.round(n * 100) / 100;
}

function fileCell(file: string, options: SummaryOptions): ExcelJS.CellValue {
  const label = escapeFormulaText(file);
  const href = options.link?.(file);
  return href ? { text: label, hyperlink: href, tooltip: file } : label;
}

function styleHeader(ws: ExcelJS.Worksheet, columns: number, rows: number): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  for (let c = 1; c <= columns; c++) {
    header.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  }
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows), column: columns } };
}

function styleLink(cell: ExcelJS.Cell): void {
  if (typeof cell.value === "object" && cell.value !== null && "hyperlink" in cell.value) {
    cell.font = { color: { argb: "FF0563C1" }, underline: true };
  }
}

/** Builds the two-sheet summary workbook; files appear in the order given. */
export function buildSummaryWorkbook(files: FileSummary[], options: SummaryOptions): ExcelJS.Workbook {
  const { lang } = options;
  const wb = new (excelJs().Workbook)();
  wb.creator = "scorecheck";
  wb.keywords = SUMMARY_KEYWORDS;
  wb.title = lang === "en" ? "Self-evaluation tables: summary of the check" : "绩效自评表核查汇总";
  const names = SHEET_NAMES[lang];

  const summary = wb.addWorksheet(names.files);
  const head = [...SUMMARY_HEADERS[lang], DETAIL_HEADER[lang], CONFIG_HEADER[lang]];
  summary.addRow(head);
  for (const f of files) {
    const outcome = fileOutcome(f);
    let values: ExcelJS.CellValue[];
    if (isFailedFile(f)) {
      values = [fileCell(f.file, options), null, null, null, null, null, null, null, null, null, OUTCOME_LABELS[lang][outcome], text(f.error)];
    } else {
      const errorCodes = [...new Set(f.findings.filter((x) => x.severity === "error").map((x) => x.code))];
      values = [
        fileCell(f.file, options),
        text(f.unit),
        text(f.otherTableSheets?.length ? `${f.sheet}\n${otherTablesMessage(f.otherTableSheets)!.zh}` : f.sheet),
        round2(f.totals.weight),
        f.totals.score === null ? NOT_SCORED.score[lang] : round2(f.totals.score),
        round2(f.totals.statedScore),
        text(f.totals.grade ?? NOT_SCORED.grade[lang]),
        text(f.totals.statedGrade),
        countBySeverity(f, "error"),
        countBySeverity(f, "warning"),
        OUTCOME_LABELS[lang][outcome],
        text(errorCodes.join(", ")),
        text(f.configNote ? `${f.config ?? ""}\n${f.configNote}` : f.config),
      ];
    }
    const row = summary.addRow(values);
    styleLink(row.getCell(1));
    row.getCell(11).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[outcome] } };
  }
  styleHeader(summary, head.length, files.length + 1);
  [40, 28, 14, 10, 10, 10, 8, 10, 8, 8, 14, 60, 28].forEach((w, i) => (summary.getColumn(i + 1).width = w));

  const findings = wb.addWorksheet(names.findings);
  const fhead = FINDING_HEADERS[lang];
  findings.addRow(fhead);
  let count = 1;
  for (const f of files) {
    if (isFailedFile(f)) {
      const row = findings.addRow([fileCell(f.file, options), null, null, null, null, SEVERITY_LABELS[lang].failed, text(f.code), text(f.error)]);
      styleLink(row.getCell(1));
      row.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL.failed as string } };
      count++;
      continue;
    }
    for (const x of f.findings) {
      const row = findings.addRow([
        fileCell(f.file, options),
        text(f.unit),
        text(x.sheet ?? f.sheet),
        text(x.cell ?? (x.paragraph !== undefined ? (lang === "en" ? `report ¶${x.paragraph}` : `报告第 ${x.paragraph} 段`) : null)),
        x.row,
        SEVERITY_LABELS[lang][x.severity],
        text(x.code),
        text(x.message),
      ]);
      styleLink(row.getCell(1));
      const fill = SEVERITY_FILL[x.severity];
      if (fill) row.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
      count++;
    }
  }
  styleHeader(findings, fhead.length, count);
  [40, 28, 14, 8, 6, 10, 28, 80].forEach((w, i) => (findings.getColumn(i + 1).width = w));
  findings.getColumn(8).alignment = { wrapText: true, vertical: "top" };
  return wb;
}

/** The summary as .xlsx bytes (for a download in the browser, or a file in the CLI). */
export async function summaryBuffer(files: FileSummary[], options: SummaryOptions): Promise<Uint8Array> {
  const data = await buildSummaryWorkbook(files, options).xlsx.writeBuffer();
  return new Uint8Array(data as ArrayBuffer);
}
