import type { Rule } from "../types";
import { totalCell } from "./cells";
import { scoredRows } from "./scored";
import { outermostGroups } from "../weightGroups";

export const WEIGHT_TOTAL_NOT_100: Rule = {
  code: "WEIGHT_TOTAL_NOT_100",
  type: "problem",
  defaultSeverity: "error",
  doc: "The weights of the indicator rows (and the 预算执行率 row) do not add up to 100, or to the total the profile expects. Without a weight column: the weights the block or level labels state.",
  messages: {
    zh: "各行权重之和为 {sum}，应为 {expected}",
    en: "The weights add up to {sum}, not {expected}",
  },
  check(ctx) {
    const sum = ctx.totals.weight;
    const expected = ctx.profile.totalWeight;
    const rowWeights = scoredRows(ctx).some((r) => r.weight.kind === "number");
    if (ctx.layout.columns.weight === undefined && !rowWeights) {
      // Without a weight column the weights are the labels' (NO_ROW_WEIGHTS): checked when they cover every row.
      const { groups, complete } = outermostGroups(ctx.groups, ctx.rows);
      if (groups.length === 0 || (!complete && sum < expected)) return [];
      if (Math.abs(sum - expected) <= ctx.profile.tolerance + 1e-9) return [];
      return [{ row: ctx.layout.totalRow, data: { sum, expected } }];
    }
    if (Math.abs(sum - expected) <= ctx.profile.tolerance + 1e-9) return [];
    // Rows without a readable weight (WEIGHT_MISSING, NOT_A_NUMBER) may make up a shortfall.
    if (sum < expected && scoredRows(ctx).some((r) => r.weight.kind !== "number")) return [];
    return [{ row: ctx.layout.totalRow, cell: totalCell(ctx, "weight"), data: { sum, expected } }];
  },
};
