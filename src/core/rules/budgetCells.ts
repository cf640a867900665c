import type { CellRef, RuleContext } from "../types";
import { Grid } from "../snapshot";
import { toNumber } from "../numbers";

/**
 * The cell of the 预算执行率 row that counts in the table's weight or score
 * total. In a budget block above the table its 分值 and 得分 need not sit in the
 * table's weight and score columns: the score cell is known (scoreCol); the
 * 分值 cell is the one holding the row's weight, nearest left of the rate.
 */
export function budgetTotalCell(ctx: RuleContext, role: "weight" | "score"): CellRef | undefined {
  const b = ctx.budget;
  const row = ctx.layout.budgetRow ?? b?.row;
  const col = ctx.layout.columns[role];
  if (row === undefined || col === undefined) return undefined;
  const inTable = row >= ctx.layout.firstRow && row <= ctx.layout.lastRow;
  if (!b || inTable) return { row, col };
  if (role === "score") return { row, col: b.scoreCol ?? col };
  if (b.weight === undefined) return { row, col };
  const grid = new Grid(ctx.snapshot);
  const before = b.rateCol ?? b.scoreCol ?? grid.lastCol + 1;
  for (let c = before - 1; c >= grid.firstCol; c--) {
    if (c === b.scoreCol) continue;
    if (toNumber(grid.value(row, c)) === b.weight) return { row, col: c };
  }
  return { row, col };
}
