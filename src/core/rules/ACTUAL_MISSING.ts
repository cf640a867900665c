import type { Rule } from "../types";
import { actualCell } from "./cells";
import { namedRows, reportRows } from "./scored";

export const ACTUAL_MISSING: Rule = {
  code: "ACTUAL_MISSING",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "An indicator row has no result (完成情况).",
  messages: {
    zh: "指标“{indicator}”未填完成情况",
    en: "No result for “{indicator}”",
  },
  check(ctx) {
    if (ctx.layout.columns.actual === undefined) return [];
    return reportRows(namedRows(ctx), (r) =>
      r.actual.kind === "empty" ? [{ row: r.row, cell: actualCell(ctx, r.row), data: { indicator: r.indicator } }] : [],
    );
  },
};
