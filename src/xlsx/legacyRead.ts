/**
 * Reads an .xls (BIFF8 and older, also a WPS .et in Excel's format) or an .ods with
 * SheetJS into the snapshots the .xlsx readers give: a formula's cached result and
 * its text, error values as "#DIV/0!", dates as serial numbers, number formats
 * ("General" as none), the cells a merge covers blank, far cells left out.
 *
 * Only .xlsx is ever written: for an annotated copy the workbook is handed over
 * as .xlsx bytes (values, formulas, number formats, merges, sheet states) and
 * loaded as any .xlsx, so the write-back is the one every host uses.
 *
 * The bytes reach SheetJS only after the format guard (src/xlsx/format.ts) has
 * walked a compound file, or the zip guard an .ods.
 */
import type { CellObject, WorkBook, WorkSheet } from "@e965/xlsx";
import type { CellValue, SheetSnapshot } from "../core/types";
import { keepsWholeBox, snapshotOfCells, type FoundCell } from "../core/farCells";
import { sheetJs, type SheetJS } from "./sheetjs";
import { isRecordSheet } from "../core/record";
import { isRulesSheet, rulesTextOf } from "../core/config/stored";
import { rulesTextOfNames } from "../core/config/storedNames";
import { damaged } from "./load";

/** BIFF error codes as Excel shows them. */
const ERROR_TEXT: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

function excelSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

function cellValue(cell: CellObject): CellValue {
  switch (cell.t) {
    case "n":
      return typeof cell.v === "number" && Number.isFinite(cell.v) ? cell.v : null;
    case "s":
      return typeof cell.v === "string" ? cell.v : cell.v === undefined ? null : String(cell.v);
    case "b":
      return Boolean(cell.v);
    case "e":
      return typeof cell.v === "number" ? (ERROR_TEXT[cell.v] ?? cell.w ?? "#VALUE!") : (cell.w ?? "#VALUE!");
    case "d":
      return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? excelSerial(cell.v) : null;
    default:
      return null;
  }
}

/** The sheet's rows as SheetJS's dense mode holds them. */
function denseRows(ws: WorkSheet): (CellObject | undefined)[][] {
  return ((ws as { "!data"?: (CellObject | undefined)[][] })["!data"] ?? []) as (CellObject | undefined)[][];
}

type Range = { s: { r: number; c: number }; e: { r: number; c: number } };

/** Whether a merge covers a cell other than its top-left: a set when the merges are of a sane size, else a scan. */
function coveredCells(merges: Range[]): (r: number, c: number) => boolean {
  const area = merges.reduce((n, m) => n + (m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1), 0);
  if (area > 1_000_000) {
    return (r, c) => merges.some((m) => r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c && (r !== m.s.r || c !== m.s.c));
  }
  const set = new Set<number>();
  for (const m of merges) {
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) set.add(r * 16384 + c);
  }
  return (r, c) => set.has(r * 16384 + c);
}

function formulaOf(cell: CellObject): string | null {
  return typeof cell.f === "string" && cell.f !== "" ? `=${cell.f.replace(/^=/, "")}` : null;
}

function formatOf(cell: CellObject): string | null {
  const z = typeof cell.z === "string" ? cell.z : null;
  return z && z !== "General" ? z : null;
}

function snapshotOfSheet(xlsx: SheetJS, ws: WorkSheet, name: string, hidden: boolean): SheetSnapshot {
  const merges = (ws["!merges"] ?? []).filter((m) => m.s.r !== m.e.r || m.s.c !== m.e.c);
  const covered = merges.length > 0 ? coveredCells(merges) : undefined;
  const mergeRefs = merges.map((m) => xlsx.utils.encode_range(m));
  const rows = denseRows(ws);
  // A cell the snapshot keeps: a value or a formula, not under a merge's top-left.
  const kept = (cell: CellObject | undefined, r: number, c: number): cell is CellObject =>
    cell !== undefined && cell !== null && (cellValue(cell) !== null || (typeof cell.f === "string" && cell.f !== "")) && !(covered && covered(r, c));
  // The box around the kept cells, 0-based.
  let count = 0;
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (!kept(row[c], r, c)) continue;
      count++;
      if (r < top) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  if (count > 0 && keepsWholeBox(count, (bottom - top + 1) * (right - left + 1))) {
    // Every cell is kept (src/core/farCells.ts would leave none out): straight into the snapshot's rows, no cell list.
    const height = bottom - top + 1;
    const width = right - left + 1;
    const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
    const formulas: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
    const numberFormats: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
    for (let r = top; r <= bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      const rowValues = values[r - top];
      const rowFormulas = formulas[r - top];
      const rowFormats = numberFormats[r - top];
      for (let c = left; c < row.length; c++) {
        const cell = row[c];
        if (cell === undefined || cell === null || (covered && covered(r, c))) continue;
        // kept(), with the value and formula worked out once
        const value = cellValue(cell);
        const formula = formulaOf(cell);
        if (value === null && formula === null) continue;
        rowValues[c - left] = value;
        rowFormulas[c - left] = formula;
        rowFormats[c - left] = formatOf(cell);
      }
    }
    return { name, top, left, values, formulas, numberFormats, merges: mergeRefs, hidden };
  }
  // No cell, or far cells to leave out: the list the other readers build.
  const found: FoundCell[] = [];
  rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (kept(cell, r, c)) found.push({ r: r + 1, c: c + 1, value: cellValue(cell), formula: formulaOf(cell), format: formatOf(cell) });
    });
  });
  return snapshotOfCells(name, hidden, found, mergeRefs);
}

function isNodeBuffer(data: Uint8Array): boolean {
  const B = (globalThis as { Buffer?: { isBuffer(x: unknown): boolean } }).Buffer;
  return B !== undefined && B.isBuffer(data);
}

/** SheetJS reports formats it approximates on the console; the CLI's stderr is for our own messages. */
function quietly<T>(run: () => T): T {
  const { error, warn } = console;
  console.error = console.warn = () => {};
  try {
    return run();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

export interface LegacyWorkbook {
  /** Every sheet, as the .xlsx readers give them. */
  sheets: SheetSnapshot[];
  /** The same workbook as .xlsx bytes, for an annotated copy (the input is never written). */
  toXlsx(): Uint8Array;
  /** A copy annotated earlier and saved back as .xls: its marks are restored only by the .xlsx load of toXlsx(). */
  hasRecord: boolean;
  /** The rules the workbook stores (the rules sheet's A1, else the rules' hidden names), if any. */
  storedRules?: string;
}

/** The stored rules SheetJS read: the rules sheet's A1 as text, else the workbook-level names that hold them. */
function storedRulesOf(wb: WorkBook): string | undefined {
  const sheetName = wb.SheetNames.find(isRulesSheet);
  const a1 = sheetName === undefined ? undefined : denseRows(wb.Sheets[sheetName])[0]?.[0];
  const inSheet = a1 && a1.t === "s" ? rulesTextOf(a1.v) : undefined;
  const names = (wb.Workbook?.Names ?? []).filter((n) => n.Sheet === undefined || n.Sheet === null).map((n) => ({ name: n.Name, formula: n.Ref }));
  return inSheet ?? rulesTextOfNames(names);
}

/** Parses .xls / .et / .ods bytes; a workbook SheetJS cannot parse is refused as damaged. */
export async function readLegacyWorkbook(data: Uint8Array): Promise<LegacyWorkbook> {
  const xlsx = await sheetJs();
  let wb: WorkBook;
  try {
    wb = quietly(() =>
      // Node's Buffer as such (the CLI reads files into one); a browser's bytes as an array.
      xlsx.read(data, { type: isNodeBuffer(data) ? "buffer" : "array", dense: true, cellFormula: true, cellNF: true, cellDates: false, cellHTML: false, cellText: false, cellStyles: false }),
    );
  } catch (e) {
    throw damaged(e);
  }
  if (wb.SheetNames.length === 0) throw damaged(new Error("no worksheets"));
  // SheetJS lists a sheet it could not follow (a record stream out of step) without its cells.
  const lost = wb.SheetNames.find((name) => wb.Sheets[name] === undefined);
  if (lost !== undefined) throw damaged(new Error(`worksheet "${lost}" cannot be read`));
  const states = wb.Workbook?.Sheets ?? [];
  const sheets = wb.SheetNames.map((name, i) => snapshotOfSheet(xlsx, wb.Sheets[name], name, Boolean(states[i]?.Hidden)));
  return {
    sheets: sheets.filter((s) => !isRecordSheet(s.name) && !isRulesSheet(s.name)),
    hasRecord: wb.SheetNames.some(isRecordSheet),
    storedRules: storedRulesOf(wb),
    toXlsx: () => {
      // SheetJS's writer wants a row array for every row of the sheet's range, empty ones too.
      for (const name of wb.SheetNames) {
        const ws = wb.Sheets[name];
        const rows = denseRows(ws);
        if (ws["!ref"]) {
          const last = xlsx.utils.decode_range(ws["!ref"]).e.r;
          for (let r = 0; r <= last; r++) rows[r] ??= [];
        }
      }
      return new Uint8Array(xlsx.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
    },
  };
}
