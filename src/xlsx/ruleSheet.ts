/**
 * The rules an .xlsx carries (src/core/config/stored.ts), as every host keeps them: the very
 * hidden sheet _scorecheck_rules whose A1 holds the config's JSON text; in a workbook whose
 * structure is protected, where no sheet may be added, hidden names instead
 * (src/core/config/storedNames.ts), written into the package by xlsxBytesOf. Not a mark:
 * 清除标记 leaves it.
 */
import type ExcelJS from "exceljs";
import { RULES_CELL, RULES_SHEET, rulesTextOf } from "../core/config/stored";
import { isRulesName, rulesNamesOf, rulesTextOfNames } from "../core/config/storedNames";
import { isStructureLocked, setWorkbookNames, workbookExtras } from "./workbookExtras";

export function readRuleSheet(wb: ExcelJS.Workbook): string | undefined {
  return rulesTextOf(wb.getWorksheet(RULES_SHEET)?.getCell(RULES_CELL).value) ?? rulesTextOfNames(workbookExtras(wb).names);
}

/**
 * Stores the text, or removes it when there is none. An unprotected workbook gets (or loses)
 * the sheet, and names stored under an earlier protection move there. Under a protected
 * structure no sheet is added or removed: a sheet already there keeps the text in A1 (emptied
 * for none), else the names hold it.
 */
export function writeRuleSheet(wb: ExcelJS.Workbook, text: string | undefined): void {
  const old = wb.getWorksheet(RULES_SHEET);
  if (isStructureLocked(wb)) {
    if (old) {
      old.getCell(RULES_CELL).value = text ?? null;
      setWorkbookNames(wb, isRulesName, []);
    } else {
      setWorkbookNames(wb, isRulesName, text === undefined ? [] : rulesNamesOf(text));
    }
    return;
  }
  setWorkbookNames(wb, isRulesName, []);
  if (old) wb.removeWorksheet(old.id);
  if (text === undefined) return;
  wb.addWorksheet(RULES_SHEET, { state: "veryHidden" }).getCell(RULES_CELL).value = text;
}
