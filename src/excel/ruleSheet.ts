/**
 * The rules the workbook carries (src/core/config/stored.ts), over Office.js: the very hidden
 * sheet every host keeps them in. Workbooks whose rules the add-in stored before the sheet have
 * them in the document's settings: read there when the sheet has none, moved on the next store.
 * Named lookup via the sheet list, as getItemOrNullObject needs ExcelApi 1.4 (the manifest asks 1.1).
 */
import { RULES_CELL, RULES_SETTING, RULES_SHEET, isRulesSheet, rulesTextOf } from "../core/config/stored";
import { inputOf } from "../core/cellInput";
import type { DocumentSettings, ExcelEnv } from "./env";

async function rulesSheetName(context: Excel.RequestContext): Promise<string | undefined> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name).find(isRulesSheet);
}

function settingText(settings: DocumentSettings | undefined): string | undefined {
  return rulesTextOf(settings?.get(RULES_SETTING));
}

export async function loadRuleSheet(env: ExcelEnv): Promise<string | undefined> {
  const inSheet = await env.run({}, async (context) => {
    const name = await rulesSheetName(context);
    if (name === undefined) return undefined;
    const cell = context.workbook.worksheets.getItem(name).getRange(RULES_CELL).load("values");
    await context.sync();
    return rulesTextOf(cell.values[0]?.[0]);
  });
  return inSheet ?? settingText(env.settings);
}

/** Stores the text in the sheet (added very hidden the first time), or removes the sheet when there is none; drops the old setting. */
export async function storeRuleSheet(env: ExcelEnv, text: string | undefined): Promise<void> {
  await env.run({}, async (context) => {
    const name = await rulesSheetName(context);
    if (text === undefined) {
      if (name === undefined) return;
      context.workbook.worksheets.getItem(name).delete();
    } else {
      let sheet: Excel.Worksheet;
      if (name === undefined) {
        sheet = context.workbook.worksheets.add(RULES_SHEET);
        sheet.visibility = "VeryHidden" as Excel.SheetVisibility;
      } else {
        sheet = context.workbook.worksheets.getItem(name);
      }
      sheet.getRange(RULES_CELL).formulas = [[inputOf(text)]];
    }
    await context.sync();
  });
  const settings = env.settings;
  if (!settings || settings.get(RULES_SETTING) === undefined) return;
  settings.remove(RULES_SETTING);
  await new Promise<void>((resolve, reject) =>
    settings.saveAsync((r) => (r.status === "failed" ? reject(new Error(r.error?.message ?? "settings.saveAsync failed")) : resolve())),
  );
}
