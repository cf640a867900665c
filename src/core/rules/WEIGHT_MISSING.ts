import type { Rule } from "../types";
import { weightCell } from "./cells";
import { namedRows, reportRows } from "./scored";

export const WEIGHT_MISSING: Rule = {
  code: "WEIGHT_MISSING",
  type: "problem",
  defaultSeverity: "error",
  doc: "An indicator row has no weight.",
  messages: {
    zh: "指标“{indicator}”未填权重",
    en: "No weight for “{indicator}”",
  },
  check(ctx) {
    if (ctx.layout.columns.weight === undefined) return [];
    return reportRows(namedRows(ctx), (r) =>
      r.weight.kind === "empty" && !r.shared?.weight ? [{ row: r.row, cell: weightCell(ctx, r.row), data: { indicator: r.indicator } }] : [],
    );
  },
};
