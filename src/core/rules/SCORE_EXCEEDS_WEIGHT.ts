import type { Rule } from "../types";
import { scoreCell } from "./cells";

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
    return ctx.rows.flatMap((r) =>
      r.score.kind === "number" && r.weight.kind === "number" && r.score.value > r.weight.value + 1e-9
        ? [{ row: r.row, cell: scoreCell(ctx, r.row), data: { score: r.score.value, weight: r.weight.value } }]
        : [],
    );
  },
};
