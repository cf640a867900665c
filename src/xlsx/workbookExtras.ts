/**
 * An exceljs workbook together with what exceljs leaves out of xl/workbook.xml
 * (src/xlsx/workbookXml.ts): kept beside the workbook when it is loaded, written back into
 * every .xlsx made from it (xlsxBytesOf), so that a marked copy keeps the user's workbook
 * protection, the names exceljs drops (constants such as 税率 = 0.13) and the rules stored in names.
 */
import type ExcelJS from "exceljs";
import { isRulesName, type DefinedNameText } from "../core/config/storedNames";
import { patchWorkbookXml, readWorkbookXml, type WorkbookXmlExtras } from "./workbookXml";
import { replaceZipPart, zipPartText } from "./zipRewrite";

const WORKBOOK_PART = "xl/workbook.xml";
const extras = new WeakMap<ExcelJS.Workbook, WorkbookXmlExtras>();

/** Reads the extras of the package the workbook was loaded from. */
export async function keepWorkbookExtras(wb: ExcelJS.Workbook, data: Uint8Array): Promise<void> {
  const xml = await zipPartText(data, WORKBOOK_PART);
  if (xml !== undefined) extras.set(wb, readWorkbookXml(xml));
}

export function workbookExtras(wb: ExcelJS.Workbook): WorkbookXmlExtras {
  let e = extras.get(wb);
  if (!e) extras.set(wb, (e = { structureLocked: false, names: [] }));
  return e;
}

/** True when the user protected the workbook's structure: no sheet may be added or removed. */
export function isStructureLocked(wb: ExcelJS.Workbook): boolean {
  return workbookExtras(wb).structureLocked;
}

/** Replaces the workbook-level names for which `replaces` is true by `names`. */
export function setWorkbookNames(wb: ExcelJS.Workbook, replaces: (name: string) => boolean, names: DefinedNameText[]): void {
  const e = workbookExtras(wb);
  e.names = [...e.names.filter((n) => !replaces(n.name)), ...names];
}

/** The workbook as .xlsx bytes, with its protection and the stored rules' names. */
export async function xlsxBytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const e = extras.get(wb);
  const ruleNames = e?.names.filter((n) => isRulesName(n.name)) ?? [];
  const keptNames = e?.names.filter((n) => !isRulesName(n.name)) ?? [];
  if (!e?.protection && ruleNames.length === 0 && keptNames.length === 0) return bytes;
  const xml = await zipPartText(bytes, WORKBOOK_PART);
  if (xml === undefined) return bytes;
  const patched = patchWorkbookXml(xml, { protection: e?.protection, ruleNames, keptNames });
  return patched === xml ? bytes : replaceZipPart(bytes, WORKBOOK_PART, patched);
}
