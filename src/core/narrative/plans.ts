import type { WritePlan } from "../types";

/**
 * One flag-only plan for each narrative sheet other than the table's: the flags of its cells
 * with a finding, or none, so that a host restores the sheet's earlier flags (the statements
 * now hold) as it restores the table sheet's. Hosts apply them after the plan itself.
 */
export function narrativeSheetPlans(plan: WritePlan): WritePlan[] {
  const sheets = new Set<string>(plan.narrativeSheets ?? []);
  for (const m of plan.narrativeMarks ?? []) sheets.add(m.sheet);
  sheets.delete(plan.sheet);
  return [...sheets].map((sheet) => ({
    sheet,
    resultColumn: plan.resultColumn,
    writes: (plan.narrativeMarks ?? [])
      .filter((m) => m.sheet === sheet)
      .map((m) => ({ row: m.row, col: m.col, fill: m.fill, note: m.note, purpose: "flag" as const })),
  }));
}
