import type { Rule } from "../types";
import { scoreCell } from "./cells";
import { points, reportRows, scoredRows } from "./scored";

export const SCORE_EXCEEDS_WEIGHT: Rule = {
  code: "SCORE_EXCEEDS_WEIGHT",
  type: "problem",
  defaultSeverity: "error",
  doc: "An indicator's score is greater than its weight.",
  messages: {
    zh: "得分 {score} 超过权重 {weight}",
    en: "Score {score} exceeds the weight {weight}",
  },
  check(ctx) {
    return reportRows(scoredRows(ctx), (r) => {
      const p = points(r);
      return p !== undefined && p.score > p.weight + 1e-9
        ? [{ row: r.row, cell: scoreCell(ctx, r.row), data: { score: p.score, weight: p.weight } }]
        : [];
    });
  },
};
