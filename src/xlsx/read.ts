import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs";
import type { CellValue, SheetSnapshot } from "../core/types";
import { snapshotOfCells, type FoundCell } from "../core/farCells";
import { cellAddress } from "../core/address";

function excelDateSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/** Rich text runs, a hyperlink's text, an error, a date … as one snapshot value. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : excelDateSerial(v);
  if (typeof v !== "object") return String(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((t) => (typeof t.text === "string" ? t.text : "")).join("");
  if ("error" in o) return String(o.error);
  if ("text" in o) return plainValue(o.text);
  if ("result" in o) return plainValue(o.result);
  if ("formula" in o || "sharedFormula" in o) return null;
  return null;
}

/**
 * Converts one exceljs cell value to a snapshot value and its formula. A
 * formula's value is its cached result; a shared formula's own text is only
 * known through its cell (see snapshotFromWorksheet), here it reads as the master's reference.
 */
export function fromExcelJsValue(v: ExcelJS.CellValue): { value: CellValue; formula: string | null } {
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    const o = v as unknown as Record<string, unknown>;
    if (typeof o.formula === "string" || typeof o.sharedFormula === "string") {
      const f = (o.formula ?? o.sharedFormula) as string;
      return { value: plainValue(o.result), formula: `=${f.replace(/^=/, "")}` };
    }
  }
  return { value: plainValue(v), formula: null };
}

/** One cell as the snapshot holds it: formulas with their text (shared ones translated) and cached result, 0 included. */
function readCell(cell: ExcelJS.Cell): { value: CellValue; formula: string | null } {
  if (cell.type === excelJs().ValueType.Formula) {
    const f = cell.formula;
    return { value: plainValue(cell.result), formula: f ? `=${f.replace(/^=/, "")}` : null };
  }
  return fromExcelJsValue(cell.value);
}

function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string } | undefined> })._merges ?? {};
  return Object.keys(merges).map((k) => String(merges[k]?.range ?? k));
}

/**
 * A loaded worksheet holds a cell Excel cannot have: an address outside A1:XFD1048576
 * (`A0`, a row past 1,048,576) or one that is not where its <row> puts it. exceljs places
 * such a cell by its <row> (over the cell already there) and reads on; the file is damaged, and the streaming reader
 * refuses it too (src/xlsx/stream.ts), so both readers say so.
 */
export class ImpossibleCellError extends Error {
  constructor(sheet: string, address: string, row: number) {
    super(`worksheet "${sheet}" has a cell at ${address} in row ${row}, an address Excel cannot have there`);
    this.name = "ImpossibleCellError";
  }
}

const MAX_ROW = 1048576;

/** Reads one worksheet's used cells into a snapshot; cells covered by a merge (not its top-left) read as blank. */
export function snapshotFromWorksheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const hidden = ws.state !== undefined && ws.state !== "visible";
  const found: FoundCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // The address the file gave the cell (kept in its model; none when the file left it out).
      const given = (cell.model as unknown as { address?: string }).address;
      if (r > MAX_ROW || (given !== undefined && given !== cellAddress(r, c))) throw new ImpossibleCellError(ws.name, given ?? cell.address, r);
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const { value, formula } = readCell(cell);
      if (value === null && formula === null) return;
      const fmt = cell.numFmt;
      found.push({ r, c, value, formula, format: fmt && fmt !== "General" ? fmt : null });
    });
  });
  // The cells that exist, not the sheet's declared extent: a stray cell at XFD1048576 must not make the snapshot huge.
  return snapshotOfCells(ws.name, hidden, found, mergedRanges(ws));
}

export function snapshotsFromWorkbook(wb: ExcelJS.Workbook): SheetSnapshot[] {
  return wb.worksheets.map(snapshotFromWorksheet);
}

/** Loads an .xlsx buffer into snapshots of every sheet. */
export async function readXlsxBuffer(data: ArrayBuffer | Uint8Array): Promise<{ workbook: ExcelJS.Workbook; sheets: SheetSnapshot[] }> {
  const wb = new (excelJs().Workbook)();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return { workbook: wb, sheets: snapshotsFromWorkbook(wb) };
}
