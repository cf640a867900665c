import type { Rule, RuleReport } from "../types";
import type { MoneyUnit } from "../narrative/types";
import { YUAN } from "../narrative/figures";
import { EPS, cents, narrativeReport, statedPrecision } from "./narrativeSource";

/** Rates agree to 0.01 percentage point (or to the precision they are written in: 19% is 18.5–19.5 %). */
const TOLERANCE = 0.01;

export const NARRATIVE_GROWTH_MISMATCH: Rule = {
  code: "NARRATIVE_GROWTH_MISMATCH",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "A rate of change stated in the narrative (增加 A 万元，增长 B%) differs from A ÷ (this year's amount − A), or for a decrease A ÷ (amount + A), to 0.01 percentage point.",
  messages: {
    zh: "叙述中的{word} {stated}% 应为 {expected}%：{change} ÷ 上年数 {last}（{base} {op} {change}）",
    en: "The stated rate {stated}% should be {expected}%: {change} ÷ last year's {last} ({base} {op} {change})",
  },
  check(ctx) {
    const out: RuleReport[] = [];
    for (const { base, change, rate } of ctx.narrative?.changes ?? []) {
      if (!rate || rate.value === undefined || base.value === undefined || change.value === undefined) continue;
      const unit = base.unit as MoneyUnit;
      const delta = (change.value * YUAN[change.unit as MoneyUnit]) / YUAN[unit];
      const decrease = change.role === "decrease";
      const last = decrease ? base.value + delta : base.value - delta;
      if (last <= EPS) continue;
      const expected = (delta / last) * 100;
      if (Math.abs(rate.value - expected) <= statedPrecision(rate.text, TOLERANCE) + EPS) continue;
      out.push(
        narrativeReport(rate, {
          word: rate.label ?? (decrease ? "下降" : "增长"),
          stated: rate.value,
          expected: cents(expected),
          change: `${cents(delta)}`,
          last: cents(last),
          base: cents(base.value),
          op: decrease ? "+" : "−",
        }),
      );
    }
    return out;
  },
};
