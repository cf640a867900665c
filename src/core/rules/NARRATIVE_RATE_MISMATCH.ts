import type { Rule, RuleContext, RuleReport } from "../types";
import { EPS, cents, narrativeReport, statedPrecision } from "./narrativeSource";

const TOLERANCE = 0.01;

/** The table's execution rate in percent, and the row it is read from: the 预算执行率 row, else an indicator of that name with a plain percent result. */
export function tableRate(ctx: RuleContext): { rate: number; row: number } | undefined {
  const b = ctx.budget;
  if (b) {
    const fraction = b.rate ?? (b.budget !== undefined && b.budget > 0 && b.spent !== undefined ? b.spent / b.budget : undefined);
    if (fraction !== undefined) return { rate: fraction * 100, row: b.row };
  }
  for (const r of ctx.rows) {
    const a = r.actual;
    if (!/预算执行率/.test(r.indicator) || a.kind !== "number" || !a.percent || a.value === undefined) continue;
    if (a.comparator !== undefined && a.comparator !== "=") continue;
    return { rate: a.value, row: r.row };
  }
  return undefined;
}

export const NARRATIVE_RATE_MISMATCH: Rule = {
  code: "NARRATIVE_RATE_MISMATCH",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "A budget execution rate stated in the narrative (预算执行率 N%) differs from the table's 预算执行率 row (or its 预算执行率 indicator's result), to 0.01 percentage point.",
  messages: {
    zh: "叙述中的预算执行率 {stated}% 与指标表第 {row} 行的预算执行率 {table}% 不一致",
    en: "The budget execution rate {stated}% stated in the narrative does not match {table}% in row {row} of the table",
  },
  check(ctx) {
    const stated = ctx.narrative?.executionRates ?? [];
    if (stated.length === 0) return [];
    const table = tableRate(ctx);
    if (!table) return [];
    const out: RuleReport[] = [];
    for (const f of stated) {
      if (f.value === undefined || Math.abs(f.value - table.rate) <= statedPrecision(f.text, TOLERANCE) + EPS) continue;
      out.push(narrativeReport(f, { stated: f.value, table: cents(table.rate), row: table.row }));
    }
    return out;
  },
};
