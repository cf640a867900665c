import type { CheckResult, SheetSnapshot, WritePlan } from "./core/types";

export type TemplateKind = "department" | "project";

/**
 * What the UI needs from wherever the workbook lives (Excel via Office.js,
 * or an .xlsx file in the browser via exceljs). The UI never talks to a host API directly.
 */
export interface Host {
  /** "excel" | "web" | "fake" — for wording, never for logic. */
  readonly kind: string;
  /** Every sheet of the workbook (the active one first), as snapshots. */
  readWorkbook(onProgress?: (fraction: number) => void): Promise<SheetSnapshot[]>;
  /** Applies a write plan; replaces any marks a previous check wrote. */
  applyPlan(plan: WritePlan, result: CheckResult): Promise<void>;
  /**
   * Removes exactly what applyPlan wrote and restores what it replaced. Returns the number of cells restored;
   * a host that cleaned an annotated copy on opening (the page) counts the earlier marks it set aside, as the others would.
   */
  clearFlags(): Promise<number>;
  /** Adds a template sheet; returns its name. */
  insertTemplate(kind: TemplateKind): Promise<string>;
  /** Brings a cell into view and selects it. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** False when the sheet is protected or read-only: the UI still reports, but does not write. */
  canWrite?(sheet: string): Promise<boolean>;
  /** The rule config the workbook carries (JSON text, src/core/config/stored.ts), if any. */
  loadRuleConfig?(): Promise<string | undefined>;
  /** Stores the rule config in the workbook (undefined removes it); 清除标记 leaves it. */
  storeRuleConfig?(text: string | undefined): Promise<void>;
}
