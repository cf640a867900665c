/**
 * A workbook may hold several forms, one a sheet (a department's projects). One check reads one
 * table; the other sheets that hold one are named, so that none is passed over unseen.
 */
import type { Message } from "./types";

/** Sheets named in the message; more are counted only. */
const LISTED_SHEETS = 5;

export function otherTablesMessage(sheets: readonly string[] | undefined): Message | undefined {
  if (!sheets || sheets.length === 0) return undefined;
  const shown = sheets.slice(0, LISTED_SHEETS);
  const more = sheets.length > LISTED_SHEETS ? sheets.length - LISTED_SHEETS : 0;
  return {
    zh: `另有 ${sheets.length} 个工作表也含有指标表，本次未核查：${shown.map((s) => `“${s}”`).join("、")}${more ? ` 等` : ""}。请逐个指定工作表核查。`,
    en: `${sheets.length} other sheet${sheets.length === 1 ? "" : "s"} also hold${sheets.length === 1 ? "s" : ""} an indicator table, not checked this time: ${shown.map((s) => `"${s}"`).join(", ")}${more ? ` and ${more} more` : ""}. Check each by naming its sheet.`,
  };
}
