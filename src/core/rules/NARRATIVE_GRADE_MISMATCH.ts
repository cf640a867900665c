import type { Rule, RuleReport } from "../types";
import { narrativeReport } from "./narrativeSource";
import { readGrade } from "../profile";

export const NARRATIVE_GRADE_MISMATCH: Rule = {
  code: "NARRATIVE_GRADE_MISMATCH",
  type: "problem",
  defaultSeverity: "error",
  doc: "The grade stated in the narrative (等级为“优秀”) differs from the grade of the table's sum of scores.",
  messages: {
    zh: "叙述中的等级“{stated}”与指标表得分合计 {score} 分对应的等级“{grade}”不一致",
    en: "The grade “{stated}” stated in the narrative does not match “{grade}”, the grade of the table's score total {score}",
  },
  check(ctx) {
    const out: RuleReport[] = [];
    const grade = ctx.totals.grade;
    // An unscored table has no grade: the statement cannot be checked (the narrative summary says so).
    if (grade === null) return out;
    for (const f of ctx.narrative?.grades ?? []) {
      // Read with the profile's own names: a config naming its grades 优秀/良好… states 优秀 for 优秀.
      const stated = readGrade(f.text, ctx.profile) ?? f.grade;
      if (stated === undefined || stated === grade) continue;
      out.push(narrativeReport(f, { stated: f.text, score: ctx.totals.score, grade }));
    }
    return out;
  },
};
