/**
 * Rows that belong to the indicator above them rather than standing alone:
 * - a breakdown, `其中：脱贫户` under 补贴户数, with a target and a result but no weight and
 *   no score of its own (its points are the indicator's);
 * - points merged down over several indicator rows (one 得分 for a 二级's three rows, as a
 *   黄石 2022 form prints it): the rows under the top one share its weight or score.
 */
import type { TableLayout } from "./types";
import type { Grid } from "./snapshot";
import { compactText } from "./normalize";

const BREAKDOWN = /^其中[:：,，]?/;

/** Whether this row is a 其中 breakdown of the indicator above: its name says so, and it carries no points. */
export function isBreakdownRow(grid: Grid, row: number, name: string, layout: TableLayout): boolean {
  if (!BREAKDOWN.test(compactText(name)) || row <= layout.firstRow) return false;
  const { weight, score } = layout.columns;
  return (weight === undefined || grid.isBlank(row, weight)) && (score === undefined || grid.isBlank(row, score));
}

/** Whether the cell is covered by a merged area whose top-left is on an indicator row above, inside the table. */
export function isSharedFromAbove(grid: Grid, row: number, col: number | undefined, layout: TableLayout): boolean {
  if (col === undefined || !grid.isBlank(row, col)) return false;
  const area = grid.merged.areaAt(row, col);
  return area !== undefined && area.top < row && area.top >= layout.firstRow && area.left === col;
}
