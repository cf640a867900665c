/**
 * Marks of an earlier check in a workbook a host opens as a copy and cleans at once (the
 * page: the check reads the user's data, and the copy it downloads is new). Excel and WPS
 * leave such marks in the cells until a check of their sheet replaces them or 清除标记
 * removes them, and 清除标记 there counts them. A host that restores them on opening keeps
 * their record entries here as "set aside", so that its 清除标记 reports the count the other
 * hosts would report for the same file and the same steps.
 */
import type { WritePlan } from "./types";
import { type RecordEntry, restoredCells } from "./record";
import { narrativeSheetPlans } from "./narrative/plans";

/** The sheets a write-back of this plan marks anew, replacing their earlier marks (the table's, and the narrative's). */
export function sheetsRemarkedBy(plan: WritePlan): string[] {
  return [plan.sheet, ...narrativeSheetPlans(plan).map((p) => p.sheet)];
}

/** What stays set aside once a plan was applied: the earlier marks of the sheets it did not mark anew. */
export function setAsideAfterPlan(setAside: readonly RecordEntry[], plan: WritePlan): RecordEntry[] {
  const remarked = new Set(sheetsRemarkedBy(plan));
  return setAside.filter((e) => !remarked.has(e.sheet));
}

/** The cells set-aside marks cover, counted as 清除标记 counts the cells it restores. */
export function setAsideCells(setAside: readonly RecordEntry[]): number {
  return restoredCells([...setAside]);
}
