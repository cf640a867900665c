/**
 * The rules an .xlsx carries (src/core/config/stored.ts), in the very hidden sheet
 * _scorecheck_rules: A1 holds the config's JSON text. Not a mark: 清除标记 leaves it.
 */
import type ExcelJS from "exceljs";
import { RULES_SHEET } from "../core/config/stored";

export function readRuleSheet(wb: ExcelJS.Workbook): string | undefined {
  const value = wb.getWorksheet(RULES_SHEET)?.getCell("A1").value;
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** Stores the text, or removes the sheet when there is none. */
export function writeRuleSheet(wb: ExcelJS.Workbook, text: string | undefined): void {
  const old = wb.getWorksheet(RULES_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (text === undefined) return;
  wb.addWorksheet(RULES_SHEET, { state: "veryHidden" }).getCell("A1").value = text;
}
