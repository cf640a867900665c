import type { Rule } from "../types";
import { scoreCell } from "./cells";
import { outsideBand, reportRows, scoredRows, STATUS_WORDS } from "./scored";

export const SCORE_OUT_OF_BAND: Rule = {
  code: "SCORE_OUT_OF_BAND",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "A qualitative indicator's score lies outside the band of its level (达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 % of the weight).",
  messages: {
    zh: "得分 {score} 不在“{levelZh}”的分数区间 {min}–{max} 内",
    en: "Score {score} lies outside the band {min}–{max} for “{levelEn}”",
  },
  check(ctx) {
    return reportRows(scoredRows(ctx), (r) =>
      outsideBand(r, ctx.profile.tolerance) && r.band && r.score.kind === "number"
        ? [
            {
              row: r.row,
              cell: scoreCell(ctx, r.row),
              data: {
                score: r.score.value,
                min: r.band[0],
                max: r.band[1],
                levelZh: STATUS_WORDS[r.status].zh,
                levelEn: STATUS_WORDS[r.status].en,
              },
            },
          ]
        : [],
    );
  },
};
