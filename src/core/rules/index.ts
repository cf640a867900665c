import type { Rule } from "../types";
import { SCORE_EXCEEDS_WEIGHT } from "./SCORE_EXCEEDS_WEIGHT";

/** The registry: every finding code, in the order findings are reported for one row. */
export const RULES: Rule[] = [SCORE_EXCEEDS_WEIGHT];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
