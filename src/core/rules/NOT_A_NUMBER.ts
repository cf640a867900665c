import type { NumberCell, Rule, RuleReport } from "../types";
import { scoreCell, weightCell } from "./cells";
import { scoredRows } from "./scored";

/** Why a formula cell has no number: it was never calculated (saved by a program that does not calculate). */
function why(c: NumberCell): { whyZh: string; whyEn: string } {
  if (c.kind === "invalid" && c.uncalculated) {
    return {
      whyZh: "：公式从未计算过，没有结果。请在 Excel 中打开，按 F9 重新计算后保存",
      whyEn: ": the formula has never been calculated and has no result. Open the file in Excel, recalculate (F9) and save",
    };
  }
  return { whyZh: "", whyEn: "" };
}

export const NOT_A_NUMBER: Rule = {
  code: "NOT_A_NUMBER",
  type: "problem",
  defaultSeverity: "error",
  doc: "A weight or score cell holds something other than a number (待定, #REF!, a formula whose result is an error, a formula never calculated).",
  messages: {
    zh: "{whatZh}“{text}”不是数字{whyZh}",
    en: "The {whatEn} “{text}” is not a number{whyEn}",
  },
  check(ctx) {
    const reports: RuleReport[] = [];
    for (const r of scoredRows(ctx)) {
      if (r.weight.kind === "invalid") {
        reports.push({ row: r.row, cell: weightCell(ctx, r.row), data: { whatZh: "权重", whatEn: "weight", text: r.weight.text, ...why(r.weight) } });
      }
      if (r.score.kind === "invalid") {
        reports.push({ row: r.row, cell: scoreCell(ctx, r.row), data: { whatZh: "得分", whatEn: "score", text: r.score.text, ...why(r.score) } });
      }
    }
    return reports;
  },
};
