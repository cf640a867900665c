import type { CheckOptions, Finding, JudgedRow, TableLayout, Totals, WritePlan } from "./types";
import type { Grid } from "./snapshot";

// STUB — the real plan (SPEC §5) comes next.
export function buildWritePlan(
  grid: Grid,
  layout: TableLayout,
  rows: JudgedRow[],
  findings: Finding[],
  totals: Totals,
  options: CheckOptions,
): WritePlan {
  void grid;
  void rows;
  void findings;
  void totals;
  void options;
  return { sheet: layout.sheet, resultColumn: layout.lastColumn + 1, writes: [] };
}
