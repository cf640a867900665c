import type { JudgedRow, Message, RuleContext, Status } from "../types";

/** Rows that count: every indicator row except those marked as not applicable. */
export function scoredRows(ctx: RuleContext): JudgedRow[] {
  return ctx.rows.filter((r) => r.status !== "notApplicable");
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

