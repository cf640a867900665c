import type { Rule, RuleReport } from "../types";
import { cellAddress } from "../address";
import { formatNumber } from "./format";

/**
 * Rates are fractions. Half a percentage point accepts a rate rounded to a whole
 * percent (98 % for 98.4 %) and catches every real slip (wrong base, wrong spending).
 */
const RATE_TOLERANCE = 0.005;
const EPS = 1e-9;

const percent = (fraction: number) => `${formatNumber(fraction * 100)}%`;

export const EXECUTION_RATE_MISMATCH: Rule = {
  code: "EXECUTION_RATE_MISMATCH",
  type: "problem",
  defaultSeverity: "error",
  doc: "The 预算执行率 row's rate is not 全年执行数 ÷ 全年预算数, or its score is not rate × 分值 (capped at 分值).",
  messages: {
    zh: "预算执行率行的{itemZh} {stated} 应为 {expected}（{basisZh}）",
    en: "The budget execution {itemEn} {stated} should be {expected} ({basisEn})",
  },
  check(ctx) {
    const b = ctx.budget;
    if (!b) return [];
    const reports: RuleReport[] = [];
    const computed = b.budget !== undefined && b.budget > 0 && b.spent !== undefined ? b.spent / b.budget : undefined;

    let statedRateHolds = false;
    if (b.rate !== undefined && computed !== undefined) {
      // Some forms cap the rate at 100 % when spending exceeds the budget.
      statedRateHolds =
        Math.abs(b.rate - computed) <= RATE_TOLERANCE + EPS || Math.abs(b.rate - Math.min(computed, 1)) <= RATE_TOLERANCE + EPS;
      if (!statedRateHolds) {
        reports.push({
          row: b.row,
          cell: b.rateCol !== undefined ? cellAddress(b.row, b.rateCol) : undefined,
          data: {
            itemZh: "执行率",
            itemEn: "rate",
            stated: percent(b.rate),
            expected: percent(computed),
            basisZh: `全年执行数 ${formatNumber(b.spent!)} ÷ 全年预算数 ${formatNumber(b.budget!)}`,
            basisEn: `spent ${formatNumber(b.spent!)} ÷ budget ${formatNumber(b.budget!)}`,
          },
        });
      }
    }

    const rate = computed ?? b.rate;
    if (rate !== undefined && b.weight !== undefined && b.score !== undefined) {
      const w = b.weight;
      const fullAt = ctx.profile.executionRate.fullScoreAt;
      const scored = (r: number) => (r >= fullAt - EPS ? w : Math.min(r * w, w));
      const expected = scored(rate);
      const tol = ctx.profile.tolerance + EPS;
      // A score worked out from the sheet's own (correctly rounded) rate is fine too.
      const fromStated = statedRateHolds && b.rate !== undefined ? scored(b.rate) : undefined;
      const holds = Math.abs(b.score - expected) <= tol || (fromStated !== undefined && Math.abs(b.score - fromStated) <= tol);
      if (!holds) {
        reports.push({
          row: b.row,
          cell: b.scoreCol !== undefined ? cellAddress(b.row, b.scoreCol) : undefined,
          data: {
            itemZh: "得分",
            itemEn: "score",
            stated: b.score,
            expected,
            basisZh:
              rate >= fullAt - EPS && fullAt < 1
                ? `执行率 ${percent(rate)} 不低于 ${percent(fullAt)}，得满分 ${formatNumber(w)}`
                : `执行率 ${percent(rate)} × 分值 ${formatNumber(w)}${rate > 1 ? "，以分值为上限" : ""}`,
            basisEn:
              rate >= fullAt - EPS && fullAt < 1
                ? `rate ${percent(rate)} is at least ${percent(fullAt)}: full marks ${formatNumber(w)}`
                : `rate ${percent(rate)} × weight ${formatNumber(w)}${rate > 1 ? ", capped at the weight" : ""}`,
          },
        });
      }
    }
    return reports;
  },
};
