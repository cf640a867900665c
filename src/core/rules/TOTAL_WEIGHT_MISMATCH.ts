import type { Rule } from "../types";
import { statedTotalMismatch } from "./statedTotal";

export const TOTAL_WEIGHT_MISMATCH: Rule = {
  code: "TOTAL_WEIGHT_MISMATCH",
  type: "problem",
  defaultSeverity: "error",
  doc: "The weight total stated in the total row (a number or a formula's result) differs from the sum of the weights, or is not a number.",
  messages: {
    zh: "合计行的权重合计 {stated} 与各行权重之和 {sum} 不一致",
    en: "The stated weight total {stated} does not match the sum of the weights {sum}",
  },
  check: (ctx) => statedTotalMismatch(ctx, "weight"),
};
