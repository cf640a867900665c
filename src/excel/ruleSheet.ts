/**
 * The rules the workbook carries (src/core/config/stored.ts), over Office.js: the very hidden
 * sheet every host keeps them in; where the workbook's structure is protected (no sheet may be
 * added there), hidden workbook-level names (src/core/config/storedNames.ts), which Excel allows
 * under that protection: it locks adding, deleting, moving, renaming, hiding and showing sheets,
 * not names (NamedItemCollection.add and NamedItem.delete, ExcelApi 1.4; NamedItem.visible,
 * type and value, ExcelApi 1.1; WorkbookProtection.protected, ExcelApi 1.7 — see docs/profiles.md).
 * Workbooks whose rules the add-in stored before the sheet have them in the document's settings:
 * read there when neither holds any, moved on the next store.
 * Named lookup via the sheet list, as getItemOrNullObject needs ExcelApi 1.4 (the manifest asks 1.1).
 */
import { RULES_CELL, RULES_SETTING, RULES_SHEET, RulesNotStoredError, isRulesSheet, rulesTextOf } from "../core/config/stored";
import { isRulesName, rulesNamesOf, rulesTextOfNames, stringConstantFormula } from "../core/config/storedNames";
import { inputOf } from "../core/cellInput";
import type { DocumentSettings, ExcelEnv } from "./env";

function settingText(settings: DocumentSettings | undefined): string | undefined {
  return rulesTextOf(settings?.get(RULES_SETTING));
}

export async function loadRuleSheet(env: ExcelEnv): Promise<string | undefined> {
  const stored = await env.run({}, async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name,items/type,items/value");
    await context.sync();
    const name = sheets.items.map((s) => s.name).find(isRulesSheet);
    let inSheet: string | undefined;
    if (name !== undefined) {
      const cell = context.workbook.worksheets.getItem(name).getRange(RULES_CELL).load("values");
      await context.sync();
      inSheet = rulesTextOf(cell.values[0]?.[0]);
    }
    // A name's string constant comes back as its value; anything else spoils the text on purpose.
    const ours = names.items.filter((n) => isRulesName(n.name));
    return inSheet ?? rulesTextOfNames(ours.map((n) => ({ name: n.name, formula: n.type === "String" ? stringConstantFormula(String(n.value)) : `#${n.type}` })));
  });
  return stored ?? settingText(env.settings);
}

/**
 * Stores the text in the sheet (added very hidden the first time), or removes the sheet when
 * there is none; drops the old setting. Under a protected structure no sheet is added or removed:
 * a sheet already there keeps the text in A1 (emptied for none), else the hidden names hold it;
 * an Excel without names.add (below ExcelApi 1.4) cannot store there: RulesNotStoredError.
 */
export async function storeRuleSheet(env: ExcelEnv, text: string | undefined): Promise<void> {
  const canName = env.isSetSupported("ExcelApi", "1.4");
  const inNames = await env.run({}, async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets.load("items/name");
    const names = wb.names.load("items/name");
    const protection = env.isSetSupported("ExcelApi", "1.7") ? wb.protection.load("protected") : undefined;
    await context.sync();
    const name = sheets.items.map((s) => s.name).find(isRulesSheet);
    const ourNames = names.items.filter((n) => isRulesName(n.name));
    if (ourNames.length > 0 && !canName) throw new RulesNotStoredError();
    // Names are dropped last: when adding the sheet fails, nothing of this batch has happened.
    const dropNames = () => ourNames.forEach((n) => n.delete());
    if (protection?.protected && name === undefined) return true;
    if (protection?.protected) {
      wb.worksheets.getItem(name!).getRange(RULES_CELL).formulas = [[inputOf(text ?? null)]];
    } else if (text === undefined) {
      if (name !== undefined) wb.worksheets.getItem(name).delete();
    } else {
      let sheet: Excel.Worksheet;
      if (name === undefined) {
        sheet = wb.worksheets.add(RULES_SHEET);
        sheet.visibility = "VeryHidden" as Excel.SheetVisibility;
      } else {
        sheet = wb.worksheets.getItem(name);
      }
      sheet.getRange(RULES_CELL).formulas = [[inputOf(text)]];
    }
    dropNames();
    try {
      await context.sync();
    } catch (e) {
      // An Excel that cannot say whether the structure is protected (below ExcelApi 1.7) refuses the sheet here.
      if (!protection && name === undefined && text !== undefined) return true;
      throw e;
    }
    return false;
  });
  if (inNames) {
    if (!canName) throw new RulesNotStoredError();
    await env.run({}, async (context) => {
      const names = context.workbook.names.load("items/name");
      await context.sync();
      for (const n of names.items) if (isRulesName(n.name)) n.delete();
      for (const n of text === undefined ? [] : rulesNamesOf(text)) context.workbook.names.add(n.name, n.formula).visible = false;
      await context.sync();
    });
  }
  const settings = env.settings;
  if (!settings || settings.get(RULES_SETTING) === undefined) return;
  settings.remove(RULES_SETTING);
  await new Promise<void>((resolve, reject) =>
    settings.saveAsync((r) => (r.status === "failed" ? reject(new Error(r.error?.message ?? "settings.saveAsync failed")) : resolve())),
  );
}
