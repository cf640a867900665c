import type { Rule } from "../types";
import { scoreCell } from "./cells";
import { outsideBand, points, reportRows, scoredRows } from "./scored";

export const MET_BUT_DEDUCTED: Rule = {
  code: "MET_BUT_DEDUCTED",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "An indicator that is met scores less than its weight.",
  messages: {
    zh: "指标已达成，但得分 {score} 低于权重 {weight}",
    en: "The indicator is met but the score {score} is below the weight {weight}",
  },
  check(ctx) {
    return reportRows(scoredRows(ctx), (r) => {
      const p = points(r);
      if (r.status !== "met" || p === undefined || p.score < 0 || p.score >= p.weight - 1e-9) return [];
      // A qualitative row scored below its band gets SCORE_OUT_OF_BAND, which names the band.
      if (outsideBand(r, ctx.profile.tolerance)) return [];
      return [{ row: r.row, cell: scoreCell(ctx, r.row), data: { score: p.score, weight: p.weight } }];
    });
  },
};
