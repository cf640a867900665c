import type { Rule } from "../types";
import { cellAddress } from "../address";

/** 等级：良好 → 良好 */
function gradeWords(text: string): string {
  const bare = text.replace(/\s+/g, "").replace(/^(评价)?(等级|结论|评价结论|评定等级)[:：]?/, "");
  return bare === "" ? text : bare;
}

export const GRADE_MISMATCH: Rule = {
  code: "GRADE_MISMATCH",
  type: "problem",
  defaultSeverity: "error",
  doc: "The stated grade differs from the grade of the recomputed total score (90–100 优, 80–90 良, 60–80 中, below 60 差). An unscored form (no row carries a score) has no grade to compare with: its empty scores are SCORE_MISSING.",
  messages: {
    zh: "填写的等级“{stated}”与总分 {score} 对应的等级“{grade}”不一致",
    en: "The stated grade “{stated}” does not match “{grade}”, the grade of the total score {score}",
  },
  check(ctx) {
    const { statedGrade, statedGradeText, grade, score } = ctx.totals;
    if (grade === null || statedGrade === undefined || statedGrade === grade) return [];
    const at = ctx.layout.gradeCell;
    return [
      {
        row: at?.row,
        cell: at ? cellAddress(at.row, at.col) : undefined,
        data: { stated: gradeWords(statedGradeText ?? statedGrade), grade, score },
      },
    ];
  },
};
