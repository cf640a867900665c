import type { Role, RuleContext } from "../types";
import { cellAddress } from "../address";

/** A1 address of a role's cell on a row, or undefined when the table has no such column. */
export function roleCell(ctx: RuleContext, role: Role, row: number): string | undefined {
  const col = ctx.layout.columns[role];
  return col === undefined ? undefined : cellAddress(row, col);
}

export const scoreCell = (ctx: RuleContext, row: number) => roleCell(ctx, "score", row);
export const weightCell = (ctx: RuleContext, row: number) => roleCell(ctx, "weight", row);
export const targetCell = (ctx: RuleContext, row: number) => roleCell(ctx, "target", row);
export const actualCell = (ctx: RuleContext, row: number) => roleCell(ctx, "actual", row);
export const reasonCell = (ctx: RuleContext, row: number) => roleCell(ctx, "reason", row);
export const indicatorCell = (ctx: RuleContext, row: number) => roleCell(ctx, "level3", row);

/** The total row's cell in a role's column, when the table has both. */
export function totalCell(ctx: RuleContext, role: "weight" | "score"): string | undefined {
  const { totalRow } = ctx.layout;
  return totalRow === undefined ? undefined : roleCell(ctx, role, totalRow);
}
