import type { Rule } from "../types";
import { cellAddress } from "../address";

const EPS = 1e-9;

export const BLOCK_SCORE_EXCEEDS_WEIGHT: Rule = {
  code: "BLOCK_SCORE_EXCEEDS_WEIGHT",
  type: "problem",
  defaultSeverity: "error",
  doc: "The scores of a block or level whose label states its weight (年度绩效目标1(40分), 产出指标（50分）) add up to more than that weight.",
  messages: {
    zh: "“{label}”各行得分之和 {score} 超过其分值 {weight}",
    en: "The scores under “{label}” add up to {score}, more than its weight {weight}",
  },
  check(ctx) {
    return ctx.groups
      .filter((g) => g.score > g.weight + ctx.profile.tolerance + EPS)
      .map((g) => ({ row: g.row, cell: cellAddress(g.row, g.col), data: { label: g.label, score: g.score, weight: g.weight } }));
  },
};
