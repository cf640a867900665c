import type { Rule } from "../types";
import { scoreCell } from "./cells";
import { reportRows, scoredRows } from "./scored";

export const SCORE_NEGATIVE: Rule = {
  code: "SCORE_NEGATIVE",
  type: "problem",
  defaultSeverity: "error",
  doc: "An indicator's score is below zero.",
  messages: {
    zh: "得分 {score} 为负数",
    en: "Score {score} is negative",
  },
  check(ctx) {
    return reportRows(scoredRows(ctx), (r) =>
      r.score.kind === "number" && r.score.value < 0
        ? [{ row: r.row, cell: scoreCell(ctx, r.row), data: { score: r.score.value } }]
        : [],
    );
  },
};
