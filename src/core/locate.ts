import type { Message, SheetSnapshot, TableLayout } from "./types";

export type LocateOutcome =
  | { ok: true; layout: TableLayout; snapshot: SheetSnapshot }
  | { ok: false; code: "EMPTY_WORKBOOK" | "SHEET_NOT_FOUND" | "NO_TABLE"; message: Message };

export interface LocateOptions {
  /** Use this sheet rather than searching all of them. */
  sheet?: string;
}

// STUB — replaced by the locate module (SPEC §1).
export function locateTable(sheets: SheetSnapshot[], opts: LocateOptions = {}): LocateOutcome {
  void opts;
  void sheets;
  return { ok: false, code: "NO_TABLE", message: { zh: "未找到指标表", en: "No indicator table found" } };
}
