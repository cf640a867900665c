import type { Rule } from "../types";
import { statedTotalMismatch } from "./statedTotal";

export const TOTAL_SCORE_MISMATCH: Rule = {
  code: "TOTAL_SCORE_MISMATCH",
  type: "problem",
  defaultSeverity: "error",
  doc: "The score total stated in the total row (a number or a formula's result) differs from the sum of the scores, or is not a number.",
  messages: {
    zh: "合计行的得分合计 {stated} 与各行得分之和 {sum} 不一致",
    en: "The stated score total {stated} does not match the sum of the scores {sum}",
  },
  check: (ctx) => statedTotalMismatch(ctx, "score"),
};
