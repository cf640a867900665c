/**
 * Messages between the page and its worker. Reading and checking a workbook
 * (seconds for thousands of rows) happens in the worker, so the page stays responsive.
 */
import type { CheckFailure, CheckResult, Message, SheetSnapshot } from "../core/types";
import type { TemplateKind } from "../host";
import type { BatchFile } from "./batchFiles";

export type Lang = "zh" | "en";

export interface CheckSettings {
  writeFlags: boolean;
  fixTotals: boolean;
  writeGrade: boolean;
  lang: Lang;
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
  /** An indicator table was found on this sheet alone. */
  hasTable: boolean;
}

/** What the grid needs to draw the checked sheet. */
export interface SheetPicture {
  snapshot: SheetSnapshot;
  /** Excel column widths (characters) of columns 1…n; undefined where the sheet sets none. */
  widths: (number | undefined)[];
}

/**
 * A check's result as the page gets it: everything but the judged rows, which the page
 * does not show (the 核查结果 column carries them) and which would only make the message
 * of a large table slower to hand over.
 */
export type CheckedTable = Omit<CheckResult, "rows">;

export type CheckReply = (
  | { ok: true; result: CheckedTable; picture: SheetPicture }
  | { ok: false; error: CheckFailure }
) & {
  /** The cells 清除标记 would restore after this check (0: the copy carries no mark of ours). */
  marks: number;
};

/** A batch row: the summary of one file, or a summary workbook of an earlier batch that is left out. */
export type BatchReply = { kind: "file"; summary: BatchFile } | { kind: "skipped"; file: string };

export type Request =
  | { op: "open"; name: string; bytes: ArrayBuffer }
  /** A report file (.docx / .txt) dropped with the workbook: its narrative is checked with it, until the next open. */
  | { op: "report"; name: string; bytes: ArrayBuffer }
  | { op: "check"; sheet?: string; settings: CheckSettings }
  /** 清除标记: removes every mark from the open workbook's copy. */
  | { op: "clear" }
  | { op: "save" }
  | { op: "template"; kind: TemplateKind; lang: Lang }
  | { op: "batchFile"; name: string; bytes: ArrayBuffer; settings: CheckSettings }
  /** Stores the rule config (JSON text; null: the national default) in the open workbook. */
  | { op: "setRules"; text: string | null }
  | { op: "summary"; files: BatchFile[]; lang: Lang };

export interface OpenReply {
  sheets: SheetInfo[];
  /** The rule config the workbook carries, if any. */
  rules?: string;
  /** Cells marked by an earlier check that the file carries (an annotated copy), set aside for the check; 0 for a clean file. */
  earlierMarks: number;
}

export interface Replies {
  open: OpenReply;
  clear: { cells: number };
  report: { paragraphs: number };
  setRules: { ok: true };
  check: CheckReply;
  save: { bytes: ArrayBuffer };
  template: { bytes: ArrayBuffer };
  batchFile: BatchReply;
  summary: { bytes: ArrayBuffer };
}

export type Stage = "parse" | "check" | "write";

export type WorkerMessage =
  | { id: number; kind: "progress"; stage: Stage; fraction: number }
  /** Replies travel as JSON (parsed faster than a structured clone of many small objects), bytes as transferred buffers. */
  | { id: number; kind: "reply"; json: string }
  | { id: number; kind: "reply"; value: unknown }
  | { id: number; kind: "failure"; input: boolean; message: Message };

export type Envelope = Request & { id: number };
