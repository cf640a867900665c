import type { Rule } from "../types";
import { actualCell, targetCell } from "./cells";
import { isPlaceholderName } from "../templateSlots";
import { reportRows } from "./scored";

export const VALUE_UNREADABLE: Rule = {
  code: "VALUE_UNREADABLE",
  type: "suggestion",
  defaultSeverity: "info",
  doc: "The target and the result could not be compared (status review); a person must judge the row.",
  messages: {
    zh: "无法判断是否达成（目标值“{target}”，完成情况“{actual}”），请人工核对",
    en: "Cannot tell whether “{actual}” meets the target “{target}”; please review",
  },
  check(ctx) {
    return reportRows(ctx.rows, (r) => {
      // An empty target or result is TARGET_MISSING / ACTUAL_MISSING.
      if (r.status !== "review" || r.target.kind === "empty" || r.actual.kind === "empty") return [];
      if (isPlaceholderName(r.indicator)) return []; // INDICATOR_NAME_MISSING
      return [
        {
          row: r.row,
          cell: actualCell(ctx, r.row) ?? targetCell(ctx, r.row),
          data: { target: r.target.text, actual: r.actual.text },
        },
      ];
    });
  },
};
