import type { Role, RuleContext } from "../types";
import { cellAddress } from "../address";

/** A1 address of a role's cell on a row, or undefined when the table has no such column. */
export function roleCell(ctx: RuleContext, role: Role, row: number): string | undefined {
  const col = ctx.layout.columns[role];
  return col === undefined ? undefined : cellAddress(row, col);
}

export const scoreCell = (ctx: RuleContext, row: number) => roleCell(ctx, "score", row);
export const weightCell = (ctx: RuleContext, row: number) => roleCell(ctx, "weight", row);
