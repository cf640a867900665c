/**
 * The rules the workbook carries (src/core/config/stored.ts), over ET: the very hidden sheet
 * every host keeps them in, A1 holding the config's JSON text.
 */
import { RULES_CELL, RULES_SHEET, isRulesSheet, rulesTextOf } from "../core/config/stored";
import { inputOf } from "../core/cellInput";
import { type EtApplication, type EtWorkbook, type EtWorksheet, XL_SHEET_VERY_HIDDEN } from "./et";
import { toGrid } from "./cells";
import { sheetInfos } from "./read";

function rulesSheet(book: EtWorkbook): EtWorksheet | undefined {
  const info = sheetInfos(book).find((s) => isRulesSheet(s.name));
  return info ? book.Worksheets.Item(info.index) : undefined;
}

export function readRuleSheet(book: EtWorkbook): string | undefined {
  const ws = rulesSheet(book);
  return ws ? rulesTextOf(toGrid(ws.Range(RULES_CELL).Value2, 1, 1)[0]?.[0]) : undefined;
}

/**
 * Stores the text: adds the very hidden sheet the first time (giving the user back the active
 * sheet, which adding a sheet takes); with no text, removes it (alerts off: WPS asks first).
 */
export function writeRuleSheet(app: EtApplication, book: EtWorkbook, text: string | undefined): void {
  let ws = rulesSheet(book);
  if (text === undefined) {
    if (!ws) return;
    const alerts = app.DisplayAlerts;
    app.DisplayAlerts = false;
    try {
      ws.Delete();
    } finally {
      app.DisplayAlerts = alerts;
    }
    return;
  }
  if (!ws) {
    const active = book.ActiveSheet;
    const sheets = book.Worksheets;
    ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = RULES_SHEET;
    ws.Visible = XL_SHEET_VERY_HIDDEN;
    active.Activate();
  }
  ws.Range(RULES_CELL).Formula = inputOf(text);
}
