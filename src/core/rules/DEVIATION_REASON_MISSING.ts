import type { Rule } from "../types";
import { reasonCell } from "./cells";
import { reportRows, scoredRows, STATUS_WORDS } from "./scored";

export const DEVIATION_REASON_MISSING: Rule = {
  code: "DEVIATION_REASON_MISSING",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "The table has a 偏差原因 column, and an indicator that is partly met or not met leaves it empty.",
  messages: {
    zh: "指标{statusZh}，但未填写偏差原因",
    en: "The indicator is {statusEn} but no reason for the deviation is given",
  },
  check(ctx) {
    if (ctx.layout.columns.reason === undefined) return [];
    return reportRows(scoredRows(ctx), (r) =>
      (r.status === "partial" || r.status === "unmet") && (r.reason ?? "").trim() === ""
        ? [
            {
              row: r.row,
              cell: reasonCell(ctx, r.row),
              data: { statusZh: STATUS_WORDS[r.status].zh, statusEn: STATUS_WORDS[r.status].en },
            },
          ]
        : [],
    );
  },
};
