import type { BudgetRow, JudgedRow, ScoringProfile, TableLayout, Totals, WeightGroup } from "./types";
import { outermostGroups } from "./weightGroups";
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
  groups: readonly WeightGroup[] = [],
): Totals {
  let weight = 0;
  let score = 0;
  for (const r of rows) {
    if (r.status === "notApplicable") continue;
    if (r.weight.kind === "number") weight += r.weight.value;
    if (r.score.kind === "number") score += r.score.value;
  }
  // Without a weight column, the weights are those the indicators' own labels state (相关性(5分)),
  // else those of the block (or level) labels.
  if (layout.columns.weight === undefined && !rows.some((r) => r.weight.kind === "number")) {
    for (const g of outermostGroups(groups, rows).groups) weight += g.weight;
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
