/**
 * Judges one indicator row (SPEC §3): met / partial / unmet / review /
 * notApplicable, with a completion ratio and suggested score for quantitative
 * rows and a score band for qualitative ones. In this order:
 * 1. target, actual, weight and score all n/a marks (/ — 无 不适用, or blank) → notApplicable;
 * 2. no result → review;
 * 3. target and result the same text (spaces ignored) → met;
 * 4. both hold numbers that can be compared → quantitative (quantitative.ts);
 * 5. a completion word in the result → its level (无 against 无安全事故 is met);
 * 6. any other text → review, or partial / unmet when the score was deducted.
 */
import type { Comparator, IndicatorRow, IndicatorValue, JudgedRow, NumberCell, ScoringProfile } from "./types";
import { compactText, isExcelError } from "./normalize";
import { readQuantities, writtenComparator, type Quantity } from "./quantities";
import { unitFactor } from "./units";
import { bareWords, isNotApplicableMark, saysNone, type Level } from "./words";
import { combineJudgements, judgeQuantity, round2, type QuantityJudgement } from "./quantitative";

function isNotApplicableValue(v: IndicatorValue): boolean {
  return v.kind === "notApplicable" || v.kind === "empty" || isNotApplicableMark(v.text);
}

function isNotApplicableNumber(c: NumberCell): boolean {
  return c.kind === "empty" || (c.kind === "invalid" && isNotApplicableMark(c.text));
}

function isBlank(row: IndicatorRow): boolean {
  return row.target.kind === "empty" && row.actual.kind === "empty" && row.weight.kind === "empty" && row.score.kind === "empty";
}

/** Every one of target, actual, weight and score is a mark (or blank), and at least one is a mark. */
function doesNotApply(row: IndicatorRow): boolean {
  return (
    isNotApplicableValue(row.target) &&
    isNotApplicableValue(row.actual) &&
    isNotApplicableNumber(row.weight) &&
    isNotApplicableNumber(row.score) &&
    !isBlank(row)
  );
}

function numberOf(c: NumberCell): number | undefined {
  return c.kind === "number" ? c.value : undefined;
}

/** The actual's number in the target's terms, or undefined when they cannot be compared (% against 次, 件 against 人). */
function inTargetTerms(target: Quantity, actual: Quantity): number | undefined {
  if (target.percent && !actual.percent) {
    // 0.96 in a General-format cell against 95 %: a fraction written without its format.
    if (!actual.unit && actual.value >= 0 && actual.value <= 1.5 && target.value > 1.5) return actual.value * 100;
    return undefined;
  }
  if (!target.percent && actual.percent) return undefined;
  if (target.percent) return actual.value;
  const factor = unitFactor(actual.unit, target.unit);
  return factor === undefined ? undefined : actual.value * factor;
}

function quantityOf(v: IndicatorValue): Quantity | undefined {
  if (v.value === undefined || !Number.isFinite(v.value)) return undefined;
  return {
    value: v.value,
    percent: v.percent === true,
    ...(v.unit ? { unit: v.unit } : {}),
    ...(v.comparator ? { comparator: v.comparator } : {}),
  };
}

/** The target's comparator: as written, else "at most" for a reverse indicator, else as parsed (≥). */
function targetComparator(row: IndicatorRow, written: Comparator | undefined): Comparator {
  return written ?? (row.reverse ? "<=" : row.target.comparator ?? ">=");
}

function judgePair(target: Quantity, comparator: Comparator, actual: Quantity, profile: ScoringProfile): QuantityJudgement | undefined {
  const a = inTargetTerms(target, actual);
  if (a === undefined) return undefined;
  return judgeQuantity(target.value, comparator, a, actual.comparator, profile);
}

/** Judges the numbers of target and result, or undefined when they do not line up. */
function judgeNumbers(row: IndicatorRow, profile: ScoringProfile): QuantityJudgement | undefined {
  const { target, actual } = row;
  const tCount = target.values?.length ?? (target.value === undefined ? 0 : 1);
  const aCount = actual.values?.length ?? (actual.value === undefined ? 0 : 1);
  if (tCount === 0 || aCount === 0 || tCount !== aCount) return undefined;
  if (tCount === 1) {
    const t = quantityOf(target);
    const a = quantityOf(actual);
    if (!t || !a) return undefined;
    return judgePair(t, targetComparator(row, writtenComparator(target.text)), a, profile);
  }
  const ts = readQuantities(target.text);
  const as = readQuantities(actual.text);
  if (ts.length !== tCount || as.length !== aCount) return undefined;
  const parts: QuantityJudgement[] = [];
  for (let i = 0; i < ts.length; i++) {
    const part = judgePair(ts[i], targetComparator(row, ts[i].comparator), as[i], profile);
    if (!part) return undefined;
    parts.push(part);
  }
  return combineJudgements(parts, profile);
}

/** The level the result's words give; a target that says "none" (无, 否, 0起) is met by "none" and missed by 有 / 是. */
function qualitativeLevel(target: IndicatorValue, actual: IndicatorValue): Level | undefined {
  if (target.kind !== "empty" && saysNone(target.text)) {
    if (saysNone(actual.text)) return "met";
    if (/^(有|是)$/.test(bareWords(actual.text))) return "unmet";
  }
  return actual.level;
}

/** The qualitative band in points, as a spreadable field (none without a numeric weight). */
function bandOf(level: Level, weight: number | undefined, profile: ScoringProfile): { band?: [number, number] } {
  if (weight === undefined) return {};
  const [lo, hi] = profile.qualitativeBands[level];
  return { band: [round2(lo * weight), round2(hi * weight)] };
}

/** What judging adds to a row. */
type Judgement = Omit<JudgedRow, keyof IndicatorRow | "quantitative"> & { quantitative?: boolean };

/**
 * The row with its judgement: the row's fields, then status and quantitative, then
 * the rest. Object.assign rather than object spread: with rows of a dozen fields,
 * spreading them costs several microseconds a row, a large part of a long table's check.
 */
function judged(row: IndicatorRow, judgement: Judgement): JudgedRow {
  return Object.assign({}, row, { status: judgement.status, quantitative: false }, judgement);
}

function judgeUnsafe(row: IndicatorRow, profile: ScoringProfile): JudgedRow {
  if (doesNotApply(row)) return judged(row, { status: "notApplicable" });
  const { target, actual } = row;
  if (actual.kind === "empty" || actual.kind === "notApplicable") return judged(row, { status: "review" });
  const weight = numberOf(row.weight);
  const score = numberOf(row.score);

  const sameText =
    target.kind !== "empty" &&
    target.kind !== "notApplicable" &&
    !isExcelError(target.text) &&
    compactText(target.text) === compactText(actual.text);
  const numbers = judgeNumbers(row, profile);
  if (sameText) {
    if (numbers) return judged(row, { status: "met", quantitative: true, ratio: 1, ...(weight !== undefined ? { suggestedScore: weight } : {}) });
    return judged(row, { status: "met", ...bandOf("met", weight, profile) });
  }
  if (numbers) {
    return judged(row, {
      status: numbers.status,
      quantitative: true,
      ratio: numbers.ratio,
      ...(weight !== undefined ? { suggestedScore: round2(numbers.fraction * weight) } : {}),
    });
  }
  const level = qualitativeLevel(target, actual);
  if (level) return judged(row, { status: level, ...bandOf(level, weight, profile) });
  // Text nobody can read as a level: the score the author gave is the only hint.
  if (weight !== undefined && score !== undefined && score < weight) {
    return judged(row, { status: score >= profile.qualitativeBands.unmet[1] * weight ? "partial" : "unmet" });
  }
  return judged(row, { status: "review" });
}

export function judgeRow(row: IndicatorRow, profile: ScoringProfile): JudgedRow {
  try {
    return judgeUnsafe(row, profile);
  } catch {
    return { ...row, status: "review", quantitative: false };
  }
}
