import type { Rule, RuleReport } from "../types";
import { EPS, narrativeReport } from "./narrativeSource";

export const NARRATIVE_SCORE_MISMATCH: Rule = {
  code: "NARRATIVE_SCORE_MISMATCH",
  type: "problem",
  defaultSeverity: "error",
  doc: "The composite score stated in the narrative (综合得分 98 分) differs from the table's sum of scores. Not checked against a table that is not scored (its empty scores are SCORE_MISSING).",
  messages: {
    zh: "叙述中的综合得分 {stated} 分与指标表得分合计 {score} 分不一致",
    en: "The composite score {stated} stated in the narrative does not match the table's score total {score}",
  },
  check(ctx) {
    const out: RuleReport[] = [];
    if (!ctx.totals.scored) return out;
    for (const f of ctx.narrative?.scores ?? []) {
      if (f.value === undefined || Math.abs(f.value - ctx.totals.score) <= ctx.profile.tolerance + EPS) continue;
      out.push(narrativeReport(f, { stated: f.value, score: ctx.totals.score }));
    }
    return out;
  },
};
