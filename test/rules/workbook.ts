/**
 * Workbook-level cases of the rules: an exceljs table built in the test, read
 * back and checked through the whole pipeline (locate → rows → judge → rules).
 */
import type { CheckResult, Finding } from "../../src/core/types";
import { validRows, type RowSpec } from "../builders/table";

/** The official layout of buildTable: header rows 3–4, indicator rows from 5, ten rows, total row 15. */
export const WB_FIRST_ROW = 5;

/** Ten valid rows of weight 10 (total 100, 优) with some of them changed: { 2: { score: 9 } }. */
export function tenWith(patches: Record<number, Partial<RowSpec>>): RowSpec[] {
  return validRows().map((r, i) => ({ ...r, ...patches[i] }));
}

export function findingsOf(result: CheckResult, code: string): Finding[] {
  return result.findings.filter((f) => f.code === code);
}
