/**
 * The rules an .xlsx carries (src/core/config/stored.ts), in the very hidden sheet
 * _scorecheck_rules, as every host keeps them: A1 holds the config's JSON text. Not a mark: 清除标记 leaves it.
 */
import type ExcelJS from "exceljs";
import { RULES_CELL, RULES_SHEET, rulesTextOf } from "../core/config/stored";

export function readRuleSheet(wb: ExcelJS.Workbook): string | undefined {
  return rulesTextOf(wb.getWorksheet(RULES_SHEET)?.getCell(RULES_CELL).value);
}

/** Stores the text, or removes the sheet when there is none. */
export function writeRuleSheet(wb: ExcelJS.Workbook, text: string | undefined): void {
  const old = wb.getWorksheet(RULES_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (text === undefined) return;
  wb.addWorksheet(RULES_SHEET, { state: "veryHidden" }).getCell(RULES_CELL).value = text;
}
