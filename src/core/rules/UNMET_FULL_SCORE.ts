import type { Rule } from "../types";
import { scoreCell } from "./cells";
import { fullScoreWhenNotMet, reportRows, scoredRows, STATUS_WORDS } from "./scored";

export const UNMET_FULL_SCORE: Rule = {
  code: "UNMET_FULL_SCORE",
  type: "problem",
  defaultSeverity: "error",
  doc: "An indicator that is only partly met or not met still gets its full weight as the score.",
  messages: {
    zh: "指标{statusZh}，却得满分 {score}（权重 {weight}）",
    en: "The indicator is {statusEn} but gets the full score {score} (weight {weight})",
  },
  check(ctx) {
    return reportRows(scoredRows(ctx), (r) =>
      fullScoreWhenNotMet(r) && r.score.kind === "number" && r.weight.kind === "number"
        ? [
            {
              row: r.row,
              cell: scoreCell(ctx, r.row),
              data: {
                statusZh: STATUS_WORDS[r.status].zh,
                statusEn: STATUS_WORDS[r.status].en,
                score: r.score.value,
                weight: r.weight.value,
              },
            },
          ]
        : [],
    );
  },
};
