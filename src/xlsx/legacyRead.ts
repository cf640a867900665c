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

/**
 * Whether a merge covers a cell other than its top-left: a byte a cell over the rows and columns the
 * merges reach when that is of a sane size (a lookup is an index; a set of numbers was a hash lookup
 * for every cell of a long table), else a scan.
 */
function coveredCells(merges: Range[]): (r: number, c: number) => boolean {
  let area = 0;
  let rows = 0;
  let width = 0;
  for (const m of merges) {
    area += (m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1);
    if (m.e.r >= rows) rows = m.e.r + 1;
    if (m.e.c >= width) width = m.e.c + 1;
  }
  if (area > 1_000_000 || rows * width > 64_000_000) {
    return (r, c) => merges.some((m) => r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c && (r !== m.s.r || c !== m.s.c));
  }
  const covered = new Uint8Array(rows * width);
  for (const m of merges) {
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered[r * width + c] = 1;
  }
  return (r, c) => r < rows && c < width && covered[r * width + c] === 1;
}

function formulaOf(cell: CellObject): string | null {
  return typeof cell.f === "string" && cell.f !== "" ? `=${cell.f.replace(/^=/, "")}` : null;
}

function formatOf(cell: CellObject): string | null {
  const z = typeof cell.z === "string" ? cell.z : null;
  return z && z !== "General" ? z : null;
}

/** The row's cells from `left` to `right` (0-based), null where nothing is kept. */
function boxRow<T>(row: T[], left: number, right: number): (T | null)[] {
  const width = right - left + 1;
  if (left === 0 && row.length === width) return row;
  const out: (T | null)[] = row.slice(left, right + 1);
  while (out.length < width) out.push(null);
  return out;
}

function snapshotOfSheet(xlsx: SheetJS, ws: WorkSheet, name: string, hidden: boolean): SheetSnapshot {
  const merges = (ws["!merges"] ?? []).filter((m) => m.s.r !== m.e.r || m.s.c !== m.e.c);
  const covered = merges.length > 0 ? coveredCells(merges) : undefined;
  const mergeRefs = merges.map((m) => xlsx.utils.encode_range(m));
  const rows = denseRows(ws);
  // One pass over the cells (each is a property read away in memory, the cost of a long sheet): every
  // kept cell (a value or a formula, not under a merge's top-left) into rows at the sheet's own columns.
  // A row's formulas and formats are made only when it has one.
  const values: (CellValue[] | undefined)[] = new Array(rows.length);
  const formulas: ((string | null)[] | undefined)[] = new Array(rows.length);
  const formats: ((string | null)[] | undefined)[] = new Array(rows.length);
  let count = 0;
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === undefined || cell === null) continue;
      const value = cellValue(cell);
      const formula = formulaOf(cell);
      if ((value === null && formula === null) || (covered && covered(r, c))) continue;
      (values[r] ??= new Array<CellValue>(row.length).fill(null))[c] = value;
      if (formula !== null) (formulas[r] ??= new Array<string | null>(row.length).fill(null))[c] = formula;
      const format = formatOf(cell);
      if (format !== null) (formats[r] ??= new Array<string | null>(row.length).fill(null))[c] = format;
      count++;
      if (r < top) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  if (count > 0 && keepsWholeBox(count, (bottom - top + 1) * (right - left + 1))) {
    // Every cell is kept (src/core/farCells.ts would leave none out): the rows as the snapshot's, no cell list.
    const width = right - left + 1;
    // Rows without a formula or a format share one row of nulls, frozen: nothing writes into a snapshot read from SheetJS.
    const none = Object.freeze(new Array<null>(width).fill(null)) as (string | null)[];
    const box = <T>(list: (T[] | undefined)[], blank: () => (T | null)[]) => {
      const out: (T | null)[][] = new Array(bottom - top + 1);
      for (let r = top; r <= bottom; r++) {
        const row = list[r];
        out[r - top] = row ? boxRow(row, left, right) : blank();
      }
      return out;
    };
    return {
      name,
      top,
      left,
      values: box(values, () => new Array<CellValue>(width).fill(null)),
      formulas: box(formulas, () => none),
      numberFormats: box(formats, () => none),
      merges: mergeRefs,
      hidden,
    };
  }
  // No cell, or far cells to leave out: the list the other readers build.
  const found: FoundCell[] = [];
  values.forEach((row, r) => {
    row?.forEach((value, c) => {
      const formula = formulas[r]?.[c] ?? null;
      if (value !== null || formula !== null) found.push({ r: r + 1, c: c + 1, value, formula, format: formats[r]?.[c] ?? null });
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

/** The options of SheetJS's read: dense rows, formulas and number formats; no text, HTML or styles. */
export const SHEETJS_READ_OPTIONS = { dense: true, cellFormula: true, cellNF: true, cellDates: false, cellHTML: false, cellText: false, cellStyles: false } as const;

/** SheetJS's parse of .xls / .et / .ods bytes; a workbook SheetJS cannot parse is refused as damaged. */
export function parseLegacy(xlsx: SheetJS, data: Uint8Array): WorkBook {
  let wb: WorkBook;
  try {
    // Node's Buffer as such (the CLI reads files into one); a browser's bytes as an array.
    wb = quietly(() => xlsx.read(data, { type: isNodeBuffer(data) ? "buffer" : "array", ...SHEETJS_READ_OPTIONS }));
  } catch (e) {
    throw damaged(e);
  }
  if (wb.SheetNames.length === 0) throw damaged(new Error("no worksheets"));
  // SheetJS lists a sheet it could not follow (a record stream out of step) without its cells.
  const lost = wb.SheetNames.find((name) => wb.Sheets[name] === undefined);
  if (lost !== undefined) throw damaged(new Error(`worksheet "${lost}" cannot be read`));
  return wb;
}

/** Every sheet SheetJS parsed, as the .xlsx readers give them (the record and rules sheets too). */
export function snapshotsOfWorkbook(xlsx: SheetJS, wb: WorkBook): SheetSnapshot[] {
  const states = wb.Workbook?.Sheets ?? [];
  return wb.SheetNames.map((name, i) => snapshotOfSheet(xlsx, wb.Sheets[name], name, Boolean(states[i]?.Hidden)));
}

/** Parses .xls / .et / .ods bytes into snapshots; a workbook SheetJS cannot parse is refused as damaged. */
export async function readLegacyWorkbook(data: Uint8Array): Promise<LegacyWorkbook> {
  const xlsx = await sheetJs();
  const wb = parseLegacy(xlsx, data);
  const sheets = snapshotsOfWorkbook(xlsx, wb);
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
