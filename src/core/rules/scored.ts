import type { JudgedRow, Message, RuleContext, RuleReport, Status } from "../types";
import { isPlaceholderName } from "../templateSlots";

/** Most rules walk the scored rows: filtered once per check (keyed by the rows array, which a check never changes). */
const SCORED = new WeakMap<readonly JudgedRow[], JudgedRow[]>();

/** Rows that count: every indicator row except those marked as not applicable. Do not modify the array. */
export function scoredRows(ctx: RuleContext): JudgedRow[] {
  let rows = SCORED.get(ctx.rows);
  if (rows === undefined) {
    rows = ctx.rows.filter((r) => r.status !== "notApplicable");
    SCORED.set(ctx.rows, rows);
  }
  return rows;
}

const NAMED = new WeakMap<readonly JudgedRow[], JudgedRow[]>();

/**
 * Scored rows that have a name: a row without one is reported once (INDICATOR_NAME_MISSING),
 * so the rules about a missing cell leave it alone.
 */
export function namedRows(ctx: RuleContext): JudgedRow[] {
  let rows = NAMED.get(ctx.rows);
  if (rows === undefined) {
    const scored = scoredRows(ctx);
    rows = scored.some((r) => isPlaceholderName(r.indicator)) ? scored.filter((r) => !isPlaceholderName(r.indicator)) : scored;
    NAMED.set(ctx.rows, rows);
  }
  return rows;
}

/** Each row's reports, in row order: Array.prototype.flatMap, at a tenth of its cost on a long table. */
export function reportRows(rows: readonly JudgedRow[], reportsOf: (r: JudgedRow) => RuleReport[]): RuleReport[] {
  const out: RuleReport[] = [];
  for (let i = 0; i < rows.length; i++) {
    const reports = reportsOf(rows[i]);
    for (let j = 0; j < reports.length; j++) out.push(reports[j]);
  }
  return out;
}

/** Weight and score of a row when both are numbers. */
export function points(r: JudgedRow): { weight: number; score: number } | undefined {
  if (r.weight.kind !== "number" || r.score.kind !== "number") return undefined;
  return { weight: r.weight.value, score: r.score.value };
}

const EPS = 1e-9;

/** Score above the weight or below zero: reported on their own, so other score rules stay quiet. */
export function scoreOutOfRange(r: JudgedRow): boolean {
  const p = points(r);
  return p !== undefined && (p.score > p.weight + EPS || p.score < -EPS);
}

/** UNMET_FULL_SCORE: a row that is not (fully) met yet carries the whole weight. */
export function fullScoreWhenNotMet(r: JudgedRow): boolean {
  const p = points(r);
  return (r.status === "partial" || r.status === "unmet") && p !== undefined && p.weight > 0 && Math.abs(p.score - p.weight) <= EPS;
}

/** SCORE_OUT_OF_BAND: a qualitative row's score outside its level's band (other score problems take precedence). */
export function outsideBand(r: JudgedRow, tolerance: number): boolean {
  const p = points(r);
  if (r.quantitative || !r.band || p === undefined) return false;
  if (scoreOutOfRange(r) || fullScoreWhenNotMet(r)) return false;
  return p.score < r.band[0] - tolerance - EPS || p.score > r.band[1] + tolerance + EPS;
}

export const STATUS_WORDS: Record<Status, Message> = {
  met: { zh: "达成", en: "met" },
  partial: { zh: "部分达成", en: "partly met" },
  unmet: { zh: "未达成", en: "not met" },
  review: { zh: "需人工判断", en: "needs review" },
  notApplicable: { zh: "不适用", en: "not applicable" },
};

