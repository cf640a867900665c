/**
 * The rules the workbook carries (src/core/config/stored.ts), over ET: the very hidden sheet
 * every host keeps them in, A1 holding the config's JSON text; where the workbook's structure
 * is protected (Workbook.ProtectStructure: no sheet may be added), hidden workbook-level names
 * (src/core/config/storedNames.ts) added by Workbook.Names.Add(name, formula, Visible = false),
 * which that protection allows, as in Excel.
 */
import { RULES_CELL, RULES_SHEET, isRulesSheet, rulesTextOf } from "../core/config/stored";
import { isRulesName, rulesNamesOf, rulesTextOfNames, type DefinedNameText } from "../core/config/storedNames";
import { inputOf } from "../core/cellInput";
import { type EtApplication, type EtWorkbook, type EtWorksheet, XL_SHEET_VERY_HIDDEN } from "./et";
import { toGrid } from "./cells";
import { sheetInfos } from "./read";

function rulesSheet(book: EtWorkbook): EtWorksheet | undefined {
  const info = sheetInfos(book).find((s) => isRulesSheet(s.name));
  return info ? book.Worksheets.Item(info.index) : undefined;
}

/** The rules' names, with their formulas. */
function rulesNames(book: EtWorkbook): DefinedNameText[] {
  const names = book.Names;
  const out: DefinedNameText[] = [];
  for (let i = 1, n = names.Count; i <= n; i++) {
    const item = names.Item(i);
    const name = item.Name;
    if (isRulesName(name)) out.push({ name, formula: String(item.RefersTo) });
  }
  return out;
}

export function readRuleSheet(book: EtWorkbook): string | undefined {
  const ws = rulesSheet(book);
  const inSheet = ws ? rulesTextOf(toGrid(ws.Range(RULES_CELL).Value2, 1, 1)[0]?.[0]) : undefined;
  return inSheet ?? rulesTextOfNames(rulesNames(book));
}

function dropNames(book: EtWorkbook): void {
  for (const n of rulesNames(book)) book.Names.Item(n.name).Delete();
}

/**
 * Stores the text: adds the very hidden sheet the first time (giving the user back the active
 * sheet, which adding a sheet takes); with no text, removes it (alerts off: WPS asks first).
 * Under a protected structure no sheet is added or removed: a sheet already there keeps the
 * text in A1 (emptied for none), else the hidden names hold it.
 */
export function writeRuleSheet(app: EtApplication, book: EtWorkbook, text: string | undefined): void {
  let ws = rulesSheet(book);
  dropNames(book);
  if (book.ProtectStructure) {
    if (ws) ws.Range(RULES_CELL).Formula = inputOf(text ?? null);
    else for (const n of text === undefined ? [] : rulesNamesOf(text)) book.Names.Add(n.name, n.formula, false);
    return;
  }
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
