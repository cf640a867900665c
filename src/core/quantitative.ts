/**
 * Scoring of a quantitative indicator (SPEC §3), as provincial performance
 * systems do it:
 * - at least (≥, >): met when actual ≥ target, else actual / target of the weight;
 * - exactly (=): a target of 0 is met only by ≤ 0 (else nothing); any other
 *   target as "at least";
 * - at most (≤, <): met when actual ≤ target, else the profile's formula:
 *   linear 1 − (actual − target) / target (nothing once actual ≥ 2 × target)
 *   or ratio target / actual.
 * A row that is not met is "unmet" when its completion ratio is below the top
 * of the profile's unmet band (0.6 nationally), "partial" otherwise.
 */
import type { Comparator, ScoringProfile } from "./types";
import { isAtMost } from "./comparators";

export interface QuantityJudgement {
  status: "met" | "partial" | "unmet";
  /** actual / target (at least), target / actual (at most). */
  ratio: number;
  /** The share of the weight the row earns, 0–1. */
  fraction: number;
}

export function round2(x: number): number {
  return Math.round((x + Math.sign(x) * Number.EPSILON) * 100) / 100;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * Whether the actual reaches the target. At equality a strict target (> 30000)
 * is reached only by an actual written with the same strict comparator
 * (大于30000件 against 大于30000件).
 */
function reaches(actual: number, actualComparator: Comparator | undefined, target: number, comparator: Comparator): boolean {
  switch (comparator) {
    case ">=":
      return actual > target || (actual === target && actualComparator !== "<");
    case ">":
      return actual > target || (actual === target && actualComparator === ">");
    case "<=":
      return actual < target || (actual === target && actualComparator !== ">");
    case "<":
      return actual < target || (actual === target && actualComparator === "<");
    case "=":
      return target === 0 ? actual <= 0 : actual >= target;
  }
}

export function judgeQuantity(
  target: number,
  comparator: Comparator,
  actual: number,
  actualComparator: Comparator | undefined,
  profile: ScoringProfile,
): QuantityJudgement {
  const atMost = isAtMost(comparator);
  if (reaches(actual, actualComparator, target, comparator)) {
    const r = atMost ? target / actual : actual / target;
    return { status: "met", ratio: Number.isFinite(r) && r > 0 ? round4(r) : 1, fraction: 1 };
  }
  // A target of 0 or below has no proportion: missing it earns nothing.
  if (target <= 0) return { status: "unmet", ratio: 0, fraction: 0 };
  let ratio: number;
  let fraction: number;
  if (atMost) {
    ratio = target / actual;
    fraction =
      profile.reverseFormula === "ratio" ? ratio : actual >= 2 * target ? 0 : 1 - (actual - target) / target;
  } else {
    ratio = Math.max(0, actual / target);
    fraction = ratio;
  }
  fraction = Math.min(1, Math.max(0, fraction));
  const status = ratio < profile.qualitativeBands.unmet[1] ? "unmet" : "partial";
  return { status, ratio: round4(ratio), fraction };
}

/** Several numbers compared pairwise: met only when every pair is; ratio and share averaged (each ratio capped at 1). */
export function combineJudgements(parts: QuantityJudgement[], profile: ScoringProfile): QuantityJudgement {
  const n = parts.length;
  const fraction = parts.reduce((s, p) => s + p.fraction, 0) / n;
  if (parts.every((p) => p.status === "met")) {
    return { status: "met", ratio: round4(parts.reduce((s, p) => s + p.ratio, 0) / n), fraction: 1 };
  }
  const ratio = round4(parts.reduce((s, p) => s + Math.min(1, p.ratio), 0) / n);
  return { status: ratio < profile.qualitativeBands.unmet[1] ? "unmet" : "partial", ratio, fraction };
}
