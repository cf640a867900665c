import type { Rule } from "../types";
import { targetCell } from "./cells";
import { namedRows, reportRows } from "./scored";

export const TARGET_MISSING: Rule = {
  code: "TARGET_MISSING",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "An indicator row has no target value. A target printed at the end of the indicator's name (年度资金支付完成率100%, 满意度≥90%, 培训200人次: a comparator and a number, or a number with % or a unit) is the row's target: judged, and not missing.",
  messages: {
    zh: "指标“{indicator}”未填目标值",
    en: "No target for “{indicator}”",
  },
  check(ctx) {
    if (ctx.layout.columns.target === undefined) return [];
    return reportRows(namedRows(ctx), (r) =>
      r.target.kind === "empty" ? [{ row: r.row, cell: targetCell(ctx, r.row), data: { indicator: r.indicator } }] : [],
    );
  },
};
