import type { BudgetRow, IndicatorRow, NumberCell, TableLayout } from "./types";
import type { Grid } from "./snapshot";
import { isReverseIndicator, parseIndicatorValue } from "./parse";
import { readNumberCell } from "./numbers";
import { isSubtotalLabel, isTotalLabel } from "./rowKinds";
import { isIndicatorLike } from "./tableBody";
import { readBudget } from "./budget";

/**
 * A level or indicator text as written (full-width punctuation kept): spaces
 * collapsed, and a line break inside Chinese text joined without a space, as it is only wrapping.
 */
function labelText(grid: Grid, row: number, col: number): string {
  const v = grid.value(row, col);
  if (typeof v !== "string") return grid.text(row, col);
  if (!/[\s\u200b]/.test(v)) return v; // most labels: nothing to collapse or trim
  return v
    .replace(/[ \t\u3000\u00a0]*[\r\n]+[ \t\u3000\u00a0]*/g, (m: string, at: number, whole: string) =>
      /[A-Za-z0-9]/.test(whole[at - 1] ?? "") && /[A-Za-z0-9]/.test(whole[at + m.length] ?? "") ? " " : "",
    )
    .replace(/[\s\u3000\u00a0\u200b]+/g, " ")
    .trim();
}

/** A weight or score cell; a formula without a result is unreadable, not blank: it was filled in. */
function pointsCell(grid: Grid, row: number, col: number): NumberCell {
  const v = grid.value(row, col);
  if (v === null) {
    const f = grid.formula(row, col);
    if (f) return { kind: "invalid", text: f.startsWith("=") ? f : `=${f}`, uncalculated: true };
  }
  return readNumberCell(v);
}

function isSummaryRow(grid: Grid, row: number, layout: TableLayout): boolean {
  const end = Math.min(layout.columns.weight ?? layout.lastColumn, layout.columns.score ?? layout.lastColumn);
  for (let c = layout.firstColumn; c < end; c++) {
    const v = grid.value(row, c);
    if (typeof v === "string" && (isSubtotalLabel(v) || isTotalLabel(v))) return true;
  }
  return false;
}

/**
 * Reads every indicator row between layout.firstRow and layout.lastRow.
 * Level cells carry down from the last non-blank one above (merged cells,
 * cells written once with blanks below, or repeated); a new level1 starts
 * its level2 afresh. Blank rows, rows with only level text, 小计 rows and the
 * 预算执行率 row are not indicator rows.
 * `each` turns each row into what is kept (check() judges it): done row by row,
 * a long table's unjudged rows never outlive the young generation of the heap.
 */
export function readIndicatorRows(grid: Grid, layout: TableLayout): IndicatorRow[];
export function readIndicatorRows<T>(grid: Grid, layout: TableLayout, each: (row: IndicatorRow) => T): T[];
export function readIndicatorRows<T>(grid: Grid, layout: TableLayout, each?: (row: IndicatorRow) => T): (T | IndicatorRow)[] {
  const cols = layout.columns;
  const rows: (T | IndicatorRow)[] = [];
  let level1 = "";
  let level2 = "";
  const from = Math.max(...layout.headerRows) + 1;
  for (let r = from; r <= layout.lastRow; r++) {
    if (cols.level1 !== undefined && !grid.isBlank(r, cols.level1)) {
      level1 = labelText(grid, r, cols.level1);
      level2 = "";
    }
    if (cols.level2 !== undefined && !grid.isBlank(r, cols.level2)) level2 = labelText(grid, r, cols.level2);
    if (r < layout.firstRow || r === layout.budgetRow) continue;
    if (!isIndicatorLike(grid, r, cols) || isSummaryRow(grid, r, layout)) continue;

    const indicator = cols.level3 === undefined ? "" : labelText(grid, r, cols.level3);
    const targetText = cols.target === undefined ? "" : grid.text(r, cols.target);
    const reverse = isReverseIndicator(indicator, targetText);
    const row: IndicatorRow = {
      row: r,
      level1,
      level2,
      indicator,
      target:
        cols.target === undefined
          ? { text: "", kind: "empty" }
          : parseIndicatorValue(grid.value(r, cols.target), {
              numberFormat: grid.numberFormat(r, cols.target),
              reverse,
              role: "target",
              kindCell: cols.targetKind === undefined ? undefined : grid.value(r, cols.targetKind),
              unitCell: cols.targetUnit === undefined ? undefined : grid.value(r, cols.targetUnit),
            }),
      actual:
        cols.actual === undefined
          ? { text: "", kind: "empty" }
          : parseIndicatorValue(grid.value(r, cols.actual), {
              numberFormat: grid.numberFormat(r, cols.actual),
              reverse,
              role: "actual",
              unitCell: cols.targetUnit === undefined ? undefined : grid.value(r, cols.targetUnit),
            }),
      weight: cols.weight === undefined ? { kind: "empty" } : pointsCell(grid, r, cols.weight),
      score: cols.score === undefined ? { kind: "empty" } : pointsCell(grid, r, cols.score),
      reverse,
    };
    if (cols.reason !== undefined) row.reason = labelText(grid, r, cols.reason);
    rows.push(each ? each(row) : row);
  }
  return rows;
}

/** Reads the 预算执行率 row of a project table, when layout.budgetRow is set. */
export function readBudgetRow(grid: Grid, layout: TableLayout): BudgetRow | undefined {
  return readBudget(grid, layout);
}
