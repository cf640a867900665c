import type { JudgedRow, Rule } from "../types";
import { actualCell } from "./cells";
import { namedRows, reportRows } from "./scored";

const EPS = 1e-9;

/** The row carries its whole weight as its score. */
function fullScore(r: JudgedRow): boolean {
  return r.weight.kind === "number" && r.score.kind === "number" && r.weight.value > 0 && Math.abs(r.score.value - r.weight.value) <= EPS;
}

export const ACTUAL_MISSING: Rule = {
  code: "ACTUAL_MISSING",
  type: "suggestion",
  defaultSeverity: "warning",
  doc:
    "An indicator row has no result (完成情况) where a score rests on it: the row is scored below its weight or not scored, " +
    "or no row of the form states a result at all. A row given its full weight on a form that states results elsewhere is " +
    "not flagged (its full score says the target was met; it stays “needs review”).",
  messages: {
    zh: "指标“{indicator}”未填完成情况",
    en: "No result for “{indicator}”",
  },
  check(ctx) {
    if (ctx.layout.columns.actual === undefined) return [];
    const rows = namedRows(ctx);
    const someResult = rows.some((r) => r.actual.kind !== "empty");
    return reportRows(rows, (r) =>
      r.actual.kind === "empty" && (!someResult || !fullScore(r)) ? [{ row: r.row, cell: actualCell(ctx, r.row), data: { indicator: r.indicator } }] : [],
    );
  },
};
