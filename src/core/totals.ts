import type { BudgetRow, Message, JudgedRow, ScoringProfile, TableLayout, Totals, WeightGroup } from "./types";
import { outermostGroups } from "./weightGroups";
import type { Grid } from "./snapshot";
import { gradeOf, readGrade } from "./profile";
import { toNumber } from "./numbers";

/** What every host shows in place of Σ score and the grade of a form that is not scored. */
export const NOT_SCORED: { score: Message; grade: Message } = {
  score: { zh: "未评分", en: "not scored" },
  grade: { zh: "无等级", en: "no grade" },
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Σ weight and Σ score over the rows that apply (plus the 预算执行率 row), the grade (none when no row is scored), and what the sheet states. */
export function computeTotals(
  grid: Grid,
  layout: TableLayout,
  rows: JudgedRow[],
  profile: ScoringProfile,
  budget?: BudgetRow,
  groups: readonly WeightGroup[] = [],
): Totals {
  let weight = 0;
  let score = 0;
  let scored = false;
  for (const r of rows) {
    if (r.status === "notApplicable") continue;
    if (r.weight.kind === "number") weight += r.weight.value;
    // A score cell with anything in it was filled in (an unreadable one is NOT_A_NUMBER): the form is scored.
    if (r.score.kind !== "empty") scored = true;
    if (r.score.kind === "number") score += r.score.value;
  }
  // Without a weight column, the weights are those the indicators' own labels state (相关性(5分)),
  // else those of the block (or level) labels.
  if (layout.columns.weight === undefined && !rows.some((r) => r.weight.kind === "number")) {
    for (const g of outermostGroups(groups, rows).groups) weight += g.weight;
  }
  if (budget) {
    weight += budget.weight ?? 0;
    if (budget.score !== undefined) {
      score += budget.score;
      scored = true;
    }
  }
  weight = round2(weight);
  score = round2(score);
  const totals: Totals = { weight, score, scored, grade: scored ? gradeOf(score, profile) : null };

  if (layout.totalRow !== undefined) {
    const wc = layout.columns.weight;
    const sc = layout.columns.score;
    if (wc !== undefined) {
      const n = toNumber(grid.value(layout.totalRow, wc));
      if (n !== undefined) totals.statedWeight = n;
      totals.weightFormula = grid.formula(layout.totalRow, wc) ?? undefined;
    }
    if (sc !== undefined) {
      const n = toNumber(grid.value(layout.totalRow, sc));
      if (n !== undefined) totals.statedScore = n;
      totals.scoreFormula = grid.formula(layout.totalRow, sc) ?? undefined;
    }
  }
  if (layout.gradeCell) {
    const text = grid.text(layout.gradeCell.row, layout.gradeCell.col);
    const g = readGrade(text, profile);
    if (g) {
      totals.statedGrade = g;
      totals.statedGradeText = text;
    }
  }
  return totals;
}
