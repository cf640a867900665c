import type { Rule } from "../types";
import { scoreCell } from "./cells";
import { namedRows, reportRows } from "./scored";

export const SCORE_MISSING: Rule = {
  code: "SCORE_MISSING",
  type: "problem",
  defaultSeverity: "error",
  doc: "An indicator row has no score.",
  messages: {
    zh: "指标“{indicator}”未填得分",
    en: "No score for “{indicator}”",
  },
  check(ctx) {
    if (ctx.layout.columns.score === undefined) return [];
    return reportRows(namedRows(ctx), (r) =>
      r.score.kind === "empty" ? [{ row: r.row, cell: scoreCell(ctx, r.row), data: { indicator: r.indicator } }] : [],
    );
  },
};
