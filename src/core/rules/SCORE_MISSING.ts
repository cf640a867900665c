import type { Rule, RuleContext, RuleReport } from "../types";
import { cellAddress } from "../address";
import { Grid } from "../snapshot";
import { budgetTotalCell } from "./budgetCells";
import { scoreCell } from "./cells";
import { namedRows, reportRows } from "./scored";

export const SCORE_MISSING: Rule = {
  code: "SCORE_MISSING",
  type: "problem",
  defaultSeverity: "error",
  doc: "An indicator row (or the 预算执行率 row, when it has a weight) has no score.",
  messages: {
    zh: "指标“{indicator}”未填得分",
    en: "No score for “{indicator}”",
  },
  check(ctx) {
    if (ctx.layout.columns.score === undefined) return [];
    const reports = reportRows(namedRows(ctx), (r) =>
      r.score.kind === "empty" && !r.shared?.score ? [{ row: r.row, cell: scoreCell(ctx, r.row), data: { indicator: r.indicator } }] : [],
    );
    const budget = budgetScoreMissing(ctx);
    if (budget) {
      // The budget row sits above the table or among its rows: its finding in row order.
      const at = reports.findIndex((r) => (r.row ?? Infinity) > budget.row!);
      reports.splice(at < 0 ? reports.length : at, 0, budget);
    }
    return reports;
  },
};

/** The 预算执行率 row has a weight and a blank score cell: as an indicator's empty score. */
function budgetScoreMissing(ctx: RuleContext): RuleReport | undefined {
  const b = ctx.budget;
  if (!b || b.weight === undefined || b.score !== undefined) return undefined;
  const at = budgetTotalCell(ctx, "score");
  if (!at) return undefined;
  const grid = new Grid(ctx.snapshot);
  if (!grid.isBlank(at.row, at.col) || grid.formula(at.row, at.col)) return undefined;
  return { row: at.row, cell: cellAddress(at.row, at.col), data: { indicator: "预算执行率" } };
}
