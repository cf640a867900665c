import type { Rule } from "../types";
import { scoreCell } from "./cells";
import { fullScoreWhenNotMet, points, reportRows, scoredRows, scoreOutOfRange } from "./scored";

export const SCORE_NOT_PROPORTIONAL: Rule = {
  code: "SCORE_NOT_PROPORTIONAL",
  type: "suggestion",
  defaultSeverity: "info",
  doc: "A partly met quantitative indicator's score differs from the score in proportion to its completion by more than the profile's gap (0.5).",
  messages: {
    zh: "得分 {score} 与按完成比例计算的 {suggested} 相差 {gap}",
    en: "Score {score} differs from the proportional score {suggested} by {gap}",
  },
  check(ctx) {
    return reportRows(scoredRows(ctx), (r) => {
      const p = points(r);
      if (!r.quantitative || r.status !== "partial" || r.suggestedScore === undefined || p === undefined) return [];
      if (scoreOutOfRange(r) || fullScoreWhenNotMet(r)) return [];
      const gap = Math.abs(p.score - r.suggestedScore);
      if (gap <= ctx.profile.proportionalGap + 1e-9) return [];
      return [{ row: r.row, cell: scoreCell(ctx, r.row), data: { score: p.score, suggested: r.suggestedScore, gap } }];
    });
  },
};
