import type { BudgetRow, IndicatorRow, TableLayout } from "./types";
import type { Grid } from "./snapshot";

// STUB — replaced by the locate module's row reader (SPEC §1–§2).
/** Reads every indicator row between layout.firstRow and layout.lastRow, carrying merged/blank level cells down. */
export function readIndicatorRows(grid: Grid, layout: TableLayout): IndicatorRow[] {
  void grid;
  void layout;
  return [];
}

/** Reads the 预算执行率 row of a project table, when layout.budgetRow is set. */
export function readBudgetRow(grid: Grid, layout: TableLayout): BudgetRow | undefined {
  void grid;
  void layout;
  return undefined;
}
