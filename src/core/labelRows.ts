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

/**
 * The label rows of a table and their points, found in one pass from the bottom: a row with points
 * in its name and no value is a label when a filled row follows it before the next name with points.
 */
function labelRowsOf(grid: Grid, layout: TableLayout, level3: number): Map<number, number> {
  const labels = new Map<number, number>();
  let filledBelow = false;
  for (let r = layout.lastRow; r >= grid.firstRow; r--) {
    const weight = pointsInName(grid, r, level3);
    if (weight !== undefined) {
      if (filledBelow && holdsNoValue(grid, r, layout.columns)) labels.set(r, weight);
      filledBelow = false;
    } else if (!holdsNoValue(grid, r, layout.columns)) {
      filledBelow = true;
    }
  }
  return labels;
}

/** Worked out once for each table: the row reader and the weight groups both ask of every row. */
const found = new WeakMap<Grid, WeakMap<TableLayout, Map<number, number>>>();

/** The points of the level label on this row, or undefined when the row is not one. */
export function nameColumnLabelWeight(grid: Grid, row: number, layout: TableLayout): number | undefined {
  const { level2, level3 } = layout.columns;
  if (level2 !== undefined || level3 === undefined) return undefined;
  let byLayout = found.get(grid);
  if (!byLayout) found.set(grid, (byLayout = new WeakMap()));
  let labels = byLayout.get(layout);
  if (!labels) byLayout.set(layout, (labels = labelRowsOf(grid, layout, level3)));
  return labels.get(row);
}
