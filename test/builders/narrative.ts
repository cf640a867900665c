/**
 * Workbooks with a narrative: the seed's own paragraphs (assets/example/rugao-2020.json,
 * transcribed from the seed form) on a sheet of their own or above the table, and small
 * tables with a narrative written for one test.
 */
import ExcelJS from "exceljs";
import seed from "../../assets/example/rugao-2020.json";
import { seedWorkbook } from "./seed";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { check } from "../../src/core/check";
import type { CheckOptions, CheckResult, SheetSnapshot } from "../../src/core/types";

interface NarrativeJson {
  narrative: { label: string; paragraphs: string[] }[];
}

/** The seed's narrative paragraphs in order (部门概况 … 有关建议). */
export function seedParagraphs(): string[] {
  return (seed as unknown as NarrativeJson).narrative.flatMap((s) => s.paragraphs);
}

/** Replaces `from` by `to` in the one paragraph that holds it (throws when none or several do: a test must change what it means to). */
export function edited(paragraphs: string[], from: string, to: string): string[] {
  const hits = paragraphs.filter((p) => p.includes(from));
  if (hits.length !== 1) throw new Error(`"${from}" is in ${hits.length} paragraphs`);
  return paragraphs.map((p) => (p.includes(from) ? p.replace(from, to) : p));
}

/**
 * The seed table (sheet "Sheet1") with a narrative sheet 自评价表 before it: column B, one
 * cell a paragraph from row 3 (or the cells given: several a row when a row is an array).
 */
export function seedFormWorkbook(paragraphs: (string | string[])[] = seedParagraphs()): ExcelJS.Workbook {
  const wb = seedWorkbook();
  const ws = wb.addWorksheet("自评价表");
  ws.getCell("A1").value = "2020 年部门整体支出绩效自评价表";
  paragraphs.forEach((p, i) => {
    const cells = Array.isArray(p) ? p : [p];
    cells.forEach((text, j) => (ws.getCell(3 + i, 2 + j).value = text));
  });
  return wb;
}

export async function sheetsOf(wb: ExcelJS.Workbook): Promise<SheetSnapshot[]> {
  const buf = await wb.xlsx.writeBuffer();
  return (await readXlsxBuffer(buf as ArrayBuffer)).sheets;
}

/** Writes, reads back as a host would, checks. */
export async function checkWorkbook(wb: ExcelJS.Workbook, options: CheckOptions = {}): Promise<CheckResult> {
  const out = check(await sheetsOf(wb), options);
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message.en}`);
  return out.result;
}

export const narrativeCodes = (r: CheckResult) => r.findings.filter((f) => f.code.startsWith("NARRATIVE_")).map((f) => f.code);
