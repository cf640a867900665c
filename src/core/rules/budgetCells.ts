import type { CellRef, RuleContext } from "../types";

/**
 * The cell of the 预算执行率 row that counts in the table's weight or score
 * total: in a budget block above the table its own 分值 / 得分 cell, which need
 * not be in the table's weight or score column; in a row of the table, the table's.
 */
export function budgetTotalCell(ctx: RuleContext, role: "weight" | "score"): CellRef | undefined {
  const b = ctx.budget;
  const row = ctx.layout.budgetRow ?? b?.row;
  const col = ctx.layout.columns[role];
  if (row === undefined || col === undefined) return undefined;
  const own = role === "weight" ? b?.weightCol : b?.scoreCol;
  return { row, col: own ?? col };
}
