/**
 * A level label written in the indicator column of a table that has no 二级 column
 * (苏州's 类别 | 指标名称 | 目标值 | 权重 …, where 投入目标(28分) stands on a row of its own
 * in 指标名称 above the indicators it covers): the name ends with its points, the row holds no
 * target, result, weight or score, and indicators with values follow before the next such
 * label. It is a 二级 level, not an indicator. A blank template whose indicators all carry
 * their points (相关性(5分)) and hold nothing has no filled row after them, so it stays rows.
 */
import type { TableLayout } from "./types";
import type { Grid } from "./snapshot";
import { holdsNoValue } from "./templateSlots";
import { weightLabelOf } from "./weightLabels";

function pointsInName(grid: Grid, row: number, col: number): number | undefined {
  const v = grid.value(row, col);
  return typeof v === "string" ? weightLabelOf(v) : undefined;
}

/** The points of the level label on this row, or undefined when the row is not one. */
export function nameColumnLabelWeight(grid: Grid, row: number, layout: TableLayout): number | undefined {
  const { level2, level3 } = layout.columns;
  if (level2 !== undefined || level3 === undefined) return undefined;
  const weight = pointsInName(grid, row, level3);
  if (weight === undefined || !holdsNoValue(grid, row, layout.columns)) return undefined;
  for (let r = row + 1; r <= layout.lastRow; r++) {
    if (pointsInName(grid, r, level3) !== undefined) return undefined;
    if (!holdsNoValue(grid, r, layout.columns)) return weight;
  }
  return undefined;
}
