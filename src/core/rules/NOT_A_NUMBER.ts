import type { Rule, RuleReport } from "../types";
import { scoreCell, weightCell } from "./cells";
import { scoredRows } from "./scored";

export const NOT_A_NUMBER: Rule = {
  code: "NOT_A_NUMBER",
  type: "problem",
  defaultSeverity: "error",
  doc: "A weight or score cell holds something other than a number (待定, #REF!, a formula whose result is an error).",
  messages: {
    zh: "{whatZh}“{text}”不是数字",
    en: "The {whatEn} “{text}” is not a number",
  },
  check(ctx) {
    const reports: RuleReport[] = [];
    for (const r of scoredRows(ctx)) {
      if (r.weight.kind === "invalid") {
        reports.push({ row: r.row, cell: weightCell(ctx, r.row), data: { whatZh: "权重", whatEn: "weight", text: r.weight.text } });
      }
      if (r.score.kind === "invalid") {
        reports.push({ row: r.row, cell: scoreCell(ctx, r.row), data: { whatZh: "得分", whatEn: "score", text: r.score.text } });
      }
    }
    return reports;
  },
};
