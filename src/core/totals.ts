import type { BudgetRow, JudgedRow, ScoringProfile, TableLayout, Totals } from "./types";
import type { Grid } from "./snapshot";
import { gradeOf, readGrade } from "./profile";
import { toNumber } from "./numbers";

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Σ weight and Σ score over the rows that apply (plus the 预算执行率 row), the grade, and what the sheet states. */
export function computeTotals(
  grid: Grid,
  layout: TableLayout,
  rows: JudgedRow[],
  profile: ScoringProfile,
  budget?: BudgetRow,
): Totals {
  let weight = 0;
  let score = 0;
  for (const r of rows) {
    if (r.status === "notApplicable") continue;
    if (r.weight.kind === "number") weight += r.weight.value;
    if (r.score.kind === "number") score += r.score.value;
  }
  if (budget) {
    weight += budget.weight ?? 0;
    score += budget.score ?? 0;
  }
  weight = round2(weight);
  score = round2(score);
  const totals: Totals = { weight, score, grade: gradeOf(score, profile) };

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
