import type { Rule, RuleReport } from "../types";
import type { MoneyUnit } from "../narrative/types";
import { YUAN } from "../narrative/figures";
import { formatNumber } from "./format";
import { EPS, cents, narrativeReport } from "./narrativeSource";

/** The stated total and its listed components agree to a cent of the total's unit (0.01 万元 for a total in 万元). */
const TOLERANCE = 0.01;

export const NARRATIVE_SUM_MISMATCH: Rule = {
  code: "NARRATIVE_SUM_MISMATCH",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "A total stated in the narrative (收入总计 X 万元。包括：1．… 2．…) differs from the sum of the components listed under it, to 0.01 in the total's unit.",
  messages: {
    zh: "{label} {total}{unit} 与所列各项之和 {sum}{unit}（{parts}）不一致，相差 {diff}{unit}",
    en: "{label} {total} {unit} does not equal the sum of the items listed under it, {sum} {unit} ({parts}): {diff} {unit} apart",
  },
  check(ctx) {
    const out: RuleReport[] = [];
    for (const { total, components } of ctx.narrative?.sums ?? []) {
      const unit = total.unit as MoneyUnit;
      let sum = 0;
      for (const c of components) sum += (c.value! * YUAN[c.unit as MoneyUnit]) / YUAN[unit];
      const diff = total.value! - sum;
      if (Math.abs(diff) <= TOLERANCE + EPS) continue;
      const parts = components.map((c) => (c.unit === unit ? formatNumber(c.value!) : c.text)).join(" + ");
      out.push(
        narrativeReport(total, { label: total.label ?? "总计", total: total.value!, unit, sum: cents(sum), parts, diff: cents(diff) }),
      );
    }
    return out;
  },
};
