/**
 * A workbook whose structure is protected, as Excel saves it after 审阅 → 保护工作簿 (structure,
 * no password): `<workbookProtection lockStructure="1"/>` in xl/workbook.xml, which exceljs
 * cannot write itself.
 */
import { patchWorkbookXml } from "../../src/xlsx/workbookXml";
import { replaceZipPart, zipPartText } from "../../src/xlsx/zipRewrite";

export const LOCK_STRUCTURE = '<workbookProtection lockStructure="1"/>';

export async function lockStructure(xlsx: Uint8Array): Promise<Uint8Array> {
  const xml = await zipPartText(xlsx, "xl/workbook.xml");
  if (xml === undefined) throw new Error("not an .xlsx");
  return replaceZipPart(xlsx, "xl/workbook.xml", patchWorkbookXml(xml, { protection: LOCK_STRUCTURE, ruleNames: [] }));
}
