import type { Rule } from "../types";
import { WEIGHT_MISSING } from "./WEIGHT_MISSING";
import { SCORE_MISSING } from "./SCORE_MISSING";
import { NOT_A_NUMBER } from "./NOT_A_NUMBER";
import { SCORE_NEGATIVE } from "./SCORE_NEGATIVE";
import { SCORE_EXCEEDS_WEIGHT } from "./SCORE_EXCEEDS_WEIGHT";
import { UNMET_FULL_SCORE } from "./UNMET_FULL_SCORE";
import { MET_BUT_DEDUCTED } from "./MET_BUT_DEDUCTED";
import { SCORE_OUT_OF_BAND } from "./SCORE_OUT_OF_BAND";
import { SCORE_NOT_PROPORTIONAL } from "./SCORE_NOT_PROPORTIONAL";
import { TARGET_MISSING } from "./TARGET_MISSING";
import { ACTUAL_MISSING } from "./ACTUAL_MISSING";
import { VALUE_UNREADABLE } from "./VALUE_UNREADABLE";
import { DEVIATION_REASON_MISSING } from "./DEVIATION_REASON_MISSING";
import { DUPLICATE_INDICATOR } from "./DUPLICATE_INDICATOR";
import { EXECUTION_RATE_MISMATCH } from "./EXECUTION_RATE_MISMATCH";
import { WEIGHT_TOTAL_NOT_100 } from "./WEIGHT_TOTAL_NOT_100";
import { TOTAL_WEIGHT_MISMATCH } from "./TOTAL_WEIGHT_MISMATCH";
import { TOTAL_SCORE_MISMATCH } from "./TOTAL_SCORE_MISMATCH";
import { TOTAL_FORMULA_RANGE } from "./TOTAL_FORMULA_RANGE";
import { GRADE_MISMATCH } from "./GRADE_MISMATCH";
import { INDICATOR_NAME_MISSING } from "./INDICATOR_NAME_MISSING";
import { BLOCK_SCORE_EXCEEDS_WEIGHT } from "./BLOCK_SCORE_EXCEEDS_WEIGHT";
import { NO_ROW_WEIGHTS } from "./NO_ROW_WEIGHTS";

/**
 * The registry: every finding code, in the order findings are reported for one
 * row — the row's cells first (missing, unreadable, out of range), then how the
 * score fits the status, then target/result and reason, then the budget row and
 * the totals.
 */
export const RULES: Rule[] = [
  INDICATOR_NAME_MISSING,
  WEIGHT_MISSING,
  SCORE_MISSING,
  NOT_A_NUMBER,
  SCORE_NEGATIVE,
  SCORE_EXCEEDS_WEIGHT,
  UNMET_FULL_SCORE,
  MET_BUT_DEDUCTED,
  SCORE_OUT_OF_BAND,
  SCORE_NOT_PROPORTIONAL,
  TARGET_MISSING,
  ACTUAL_MISSING,
  VALUE_UNREADABLE,
  DEVIATION_REASON_MISSING,
  DUPLICATE_INDICATOR,
  EXECUTION_RATE_MISMATCH,
  NO_ROW_WEIGHTS,
  BLOCK_SCORE_EXCEEDS_WEIGHT,
  WEIGHT_TOTAL_NOT_100,
  TOTAL_WEIGHT_MISMATCH,
  TOTAL_SCORE_MISMATCH,
  TOTAL_FORMULA_RANGE,
  GRADE_MISMATCH,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
