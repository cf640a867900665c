/**
 * The batch view's rows: per-file summaries (the same shape the CLI's --json and its
 * summary workbook use), carrying both languages so that a language switch after
 * the batch still gives a summary workbook in the chosen one.
 */
import type { Message } from "../core/types";
import type { CheckedFileSummary, FailedFileSummary, FileSummary, SummaryFinding } from "../xlsx/summary";
import { isFailedFile } from "../xlsx/summary";

/** The names under which the formats we read are saved (the content decides how a file is read). */
export const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|et|ods)$/i;

export type BatchFinding = SummaryFinding & { messages?: Message };
export type CheckedBatchFile = Omit<CheckedFileSummary, "findings"> & { findings: BatchFinding[] };
export type FailedBatchFile = FailedFileSummary & { messages?: Message };
export type BatchFile = CheckedBatchFile | FailedBatchFile;

/** A report file that may come with a workbook (自评报告): its narrative is checked with the table. */
export function isReportName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return /\.(docx|txt)$/i.test(base) && !base.startsWith("~$") && !base.startsWith(".");
}

/** Files of a batch that a user means: .xlsx/.xlsm/.xls/.et/.ods, not Excel's "~$" lock files nor hidden files. */
export function isWorkbookName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return WORKBOOK_NAME.test(base) && !base.startsWith("~$") && !base.startsWith(".");
}

export function localizeSummaries(files: BatchFile[], lang: "zh" | "en"): FileSummary[] {
  return files.map((f) => {
    if (isFailedFile(f)) {
      const { messages, ...rest } = f as FailedBatchFile;
      return { ...rest, error: messages ? messages[lang] : f.error };
    }
    const checked = f as CheckedBatchFile;
    return {
      ...checked,
      findings: checked.findings.map(({ messages, ...x }) => ({ ...x, message: messages ? messages[lang] : x.message })),
    };
  });
}
