import type { RuleContext, RuleReport } from "../types";
import { cellAddress } from "../address";
import { cellText } from "../normalize";
import { Grid } from "../snapshot";
import { scoredRows } from "./scored";
import { sameCellsSummed } from "./sumFormula";
import { totalFormula } from "../plan";

/**
 * TOTAL_WEIGHT_MISMATCH / TOTAL_SCORE_MISMATCH: the total row's cell against the
 * recomputed sum, to the profile's tolerance. A total cell holding text or an
 * Excel error is reported as it reads.
 */
export function statedTotalMismatch(ctx: RuleContext, role: "weight" | "score"): RuleReport[] {
  const { totalRow } = ctx.layout;
  const col = ctx.layout.columns[role];
  if (totalRow === undefined || col === undefined) return [];
  const sum = role === "weight" ? ctx.totals.weight : ctx.totals.score;
  const stated = role === "weight" ? ctx.totals.statedWeight : ctx.totals.statedScore;
  const cell = cellAddress(totalRow, col);

  if (stated === undefined) {
    const grid = new Grid(ctx.snapshot);
    const raw = grid.value(totalRow, col);
    const text = cellText(raw);
    // A formula Excel never calculated (no cached result) states nothing: report the formula itself.
    const formula = text === "" ? grid.formula(totalRow, col) : null;
    if (formula) {
      // The form's own total over exactly its rows (a template just inserted) is right by construction.
      const budgetCol = role === "weight" ? ctx.budget?.weightCol : ctx.budget?.scoreCol;
      if (sameCellsSummed(formula, totalFormula(ctx.layout, col, budgetCol))) return [];
      return [{ row: totalRow, cell, data: { stated: `“${formula}”`, sum } }];
    }
    if (text === "" || typeof raw === "number") return [];
    return [{ row: totalRow, cell, data: { stated: `“${text}”`, sum } }];
  }
  if (Math.abs(stated - sum) <= ctx.profile.tolerance + 1e-9) return [];
  // A stated total above the sum may be made up by rows whose cell is missing or unreadable (reported on the row).
  if (stated > sum && scoredRows(ctx).some((r) => r[role].kind !== "number")) return [];
  return [{ row: totalRow, cell, data: { stated, sum } }];
}
