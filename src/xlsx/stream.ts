/**
 * Reads an .xlsx into snapshots in one streaming pass, for a check that writes
 * nothing back (the CLI without --out, a batch): no exceljs Workbook is built,
 * so a large table is read in a fraction of the time and memory of a full load.
 *
 * exceljs's streaming WorkbookReader unzips the package and caches the shared
 * strings, styles and workbook (sheet names, states, 1904 dates); the cells of
 * each worksheet are read here from its XML events, as the full load reads
 * them: a formula's cached result and its text (shared formulas translated
 * from their master), error values as "#REF!", numbers in a date format as
 * dates, rich text as its plain text, and the cells a merge covers blank.
 * The snapshots equal those of `loadXlsx` (test/xlsx/stream.test.ts).
 *
 * A workbook that holds our record sheet (earlier marks) is not read here:
 * `readSheets` leaves it to the full load, which restores the marks first.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot } from "../core/types";
import { fromExcelJsValue } from "./read";
import { RECORD_SHEET } from "./record";
import { RECORD_SHEET_NAME as ADDIN_RECORD_SHEET } from "../excel/record";
import { guardPackage, loadXlsx, sniffXlsx, type LoadOptions } from "./load";
import { withoutFarCells } from "./farCells";

/* exceljs internals the streaming reader is built on (exceljs 4.4, no typings). */
type SaxEvent =
  | { eventType: "opentag"; value: { name: string; attributes: Record<string, string> } }
  | { eventType: "closetag"; value: { name: string } }
  | { eventType: "text"; value: string };
const parseSax = require("exceljs/lib/utils/parse-sax") as (input: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>;
const iterateStream = require("exceljs/lib/utils/iterate-stream") as (stream: unknown) => AsyncIterable<unknown>;
const { slideFormula } = require("exceljs/lib/utils/shared-formula") as { slideFormula: (f: string, from: string, to: string) => string };
const excelUtils = require("exceljs/lib/utils/utils") as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904?: boolean): Date;
  xmlDecode(text: string): string;
};

/**
 * The XML of a zip entry as text. exceljs's streaming reader decodes each
 * chunk on its own, which garbles a Chinese character whose UTF-8 bytes
 * straddle two chunks; here the decoder carries them over.
 */
async function* utf8Text(chunks: AsyncIterable<unknown>): AsyncIterable<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The package parts the WorkbookReader parses itself; each gets its entry as decoded text. */
const WORKBOOK_PARTS = ["_parseRels", "_parseWorkbook", "_parseSharedStrings", "_parseStyles"] as const;

function decodePartsAsText(reader: Record<string, unknown>): void {
  for (const part of WORKBOOK_PARTS) {
    const original = reader[part];
    if (typeof original !== "function") throw new Error(`exceljs WorkbookReader has no ${part}`);
    reader[part] = function (this: unknown, entry: unknown) {
      return (original as (e: unknown) => unknown).call(this, Readable.from(utf8Text(iterateStream(entry))));
    };
  }
}

interface StreamingWorkbook {
  sharedStrings?: unknown[];
  styles: { getStyleModel(id: number): { numFmt?: string } | undefined };
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: { name: string }[] };
  [Symbol.asyncIterator](): AsyncIterator<StreamingWorksheet>;
}

interface StreamingWorksheet {
  name: string;
  state?: string;
  /** The worksheet XML, as it comes out of the zip. */
  iterator: AsyncIterable<unknown>;
}

/** One cell as read from the XML, before styles are applied (styles.xml may come after the sheet). */
interface RawCell {
  row: number;
  col: number;
  styleId: number;
  /** exceljs-shaped value: string, number, boolean, { error }, { richText }; for a formula, its cached result. */
  value: unknown;
  /** Formula text without "=", or null. */
  formula: string | null;
}

interface RawSheet {
  name: string;
  hidden: boolean;
  cells: RawCell[];
  merges: string[];
}

/** "AB12" → { row: 12, col: 28 }; undefined when it is not a plain cell reference. */
function decodeRef(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  const row = Number(ref.slice(i));
  if (col === 0 || i === ref.length || !Number.isInteger(row) || row < 1) return undefined;
  return { row, col };
}

function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(":");
  const from = decodeRef(a.replace(/\$/g, ""));
  const to = decodeRef(b.replace(/\$/g, ""));
  if (!from || !to) return undefined;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

function cellRef(row: number, col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row}`;
}

/** The cells of one worksheet's XML, as cell-xform reads them in a full load. */
async function readWorksheet(ws: StreamingWorksheet, sharedStrings: unknown[] | undefined): Promise<RawSheet> {
  const cells: RawCell[] = [];
  const merges: string[] = [];
  const masters = new Map<string, { address: string; formula: string }>();
  let row = 0;
  let col = 0;
  // The cell being read.
  let inCell = false;
  let address = "";
  let type: string | undefined;
  let styleId = 0;
  let formula: string | undefined;
  let shareType: string | undefined;
  let sharedIndex: string | undefined;
  let sharedRef: string | undefined;
  let value: string | undefined;
  let runs: string[] | undefined;
  let capture: "f" | "v" | "t" | undefined;

  for await (const events of parseSax(utf8Text(ws.iterator))) {
    for (const e of events) {
      if (e.eventType === "text") {
        if (capture === "f") formula = (formula ?? "") + e.value;
        else if (capture === "v") value = (value ?? "") + e.value;
        else if (capture === "t") runs!.push(e.value);
        continue;
      }
      const name = e.value.name;
      if (e.eventType === "opentag") {
        const at = e.value.attributes;
        switch (name) {
          case "row": {
            const r = Number(at.r);
            row = Number.isInteger(r) && r > 0 ? r : row + 1;
            col = 0;
            break;
          }
          case "c": {
            const ref = at.r ? decodeRef(at.r) : undefined;
            if (ref) {
              row = ref.row;
              col = ref.col;
            } else {
              col += 1;
            }
            inCell = true;
            address = cellRef(row, col);
            type = at.t;
            styleId = at.s ? parseInt(at.s, 10) || 0 : 0;
            formula = shareType = sharedIndex = sharedRef = value = runs = undefined;
            break;
          }
          case "f":
            if (!inCell) break;
            capture = "f";
            shareType = at.t;
            sharedIndex = at.si;
            sharedRef = at.ref;
            break;
          case "v":
            if (inCell) capture = "v";
            break;
          case "is":
            if (inCell) runs = [];
            break;
          case "t":
            if (inCell && runs) capture = "t";
            break;
          case "mergeCell":
            if (at.ref) merges.push(at.ref);
            break;
          default:
            break;
        }
        continue;
      }
      // closetag
      if (name === "f" || name === "v" || name === "t") {
        capture = undefined;
      } else if (name === "c" && inCell) {
        inCell = false;
        const cell = finishCell();
        if (cell) cells.push(cell);
      }
    }
  }
  return { name: ws.name, hidden: ws.state !== undefined && ws.state !== "visible", cells, merges };

  function finishCell(): RawCell | undefined {
    const text = runs && runs.length > 0 ? runs.join("") : value;
    if (formula || shareType) {
      let f: string | null = formula ?? null;
      if (shareType === "shared" && sharedIndex !== undefined) {
        if (sharedRef) {
          if (formula) masters.set(sharedIndex, { address, formula });
        } else {
          const master = masters.get(sharedIndex);
          f = master ? slideFormula(master.formula, master.address, address) : null;
        }
      }
      let result: unknown;
      if (text !== undefined && text !== "") {
        if (type === "str") result = excelUtils.xmlDecode(text);
        else if (type === "b") result = parseInt(text, 10) !== 0;
        else if (type === "e") result = { error: text };
        else result = parseFloat(text);
      }
      return { row, col, styleId, value: result, formula: f };
    }
    if (text === undefined) return undefined;
    let v: unknown;
    switch (type) {
      case "s": {
        const index = parseInt(text, 10);
        v = sharedStrings?.[index];
        // The streaming reader keeps an empty <si><t/></si> as null; the full load reads "".
        if (v === null && sharedStrings && index >= 0 && index < sharedStrings.length) v = "";
        break;
      }
      case "str":
        v = excelUtils.xmlDecode(text);
        break;
      case "inlineStr":
        v = text;
        break;
      case "b":
        v = parseInt(text, 10) !== 0;
        break;
      case "e":
        v = { error: text };
        break;
      default:
        v = parseFloat(text);
        break;
    }
    return { row, col, styleId, value: v, formula: null };
  }
}

/** Drops the cells a merge covers (all but its top-left), as the full-load reader does. */
function blankMergedCells(cells: RawCell[], merges: string[]): RawCell[] {
  if (merges.length === 0) return cells;
  const coveredByRow = new Map<number, Set<number>>();
  const large: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const ref of merges) {
    const m = decodeRange(ref);
    if (!m) continue;
    // A merge larger than the sheet's cells is tested cell by cell rather than spelt out.
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > cells.length) {
      large.push(m);
      continue;
    }
    for (let r = m.top; r <= m.bottom; r++) {
      let cols = coveredByRow.get(r);
      if (!cols) coveredByRow.set(r, (cols = new Set()));
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) cols.add(c);
    }
  }
  return cells.filter((cell) => {
    if (coveredByRow.get(cell.row)?.has(cell.col)) return false;
    for (const m of large) {
      const inside = cell.row >= m.top && cell.row <= m.bottom && cell.col >= m.left && cell.col <= m.right;
      if (inside && (cell.row !== m.top || cell.col !== m.left)) return false;
    }
    return true;
  });
}

function toSnapshot(sheet: RawSheet, workbook: StreamingWorkbook): SheetSnapshot {
  const date1904 = workbook.properties?.model?.date1904 === true;
  const formats = new Map<number, string | undefined>();
  const formatOf = (styleId: number): string | undefined => {
    if (!styleId) return undefined;
    if (!formats.has(styleId)) formats.set(styleId, workbook.styles.getStyleModel(styleId)?.numFmt);
    return formats.get(styleId);
  };
  const found: { r: number; c: number; value: CellValue; formula: string | null; format: string | null }[] = [];
  for (const cell of blankMergedCells(sheet.cells, sheet.merges)) {
    const fmt = formatOf(cell.styleId);
    let v = cell.value;
    if (typeof v === "number" && excelUtils.isDateFmt(fmt)) v = excelUtils.excelToDate(v, date1904);
    const { value, formula } =
      cell.formula !== null
        ? { value: fromExcelJsValue({ formula: cell.formula, result: v } as ExcelJS.CellValue).value, formula: `=${cell.formula.replace(/^=/, "")}` }
        : fromExcelJsValue((v ?? null) as ExcelJS.CellValue);
    if (value === null && formula === null) continue;
    found.push({ r: cell.row, c: cell.col, value, formula, format: fmt && fmt !== "General" ? fmt : null });
  }
  // As the full load: a stray cell at XFD1048576 must not make the snapshot huge (src/xlsx/farCells.ts).
  const read = withoutFarCells(found);
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const cell of read) {
    if (cell.r < top) top = cell.r;
    if (cell.r > bottom) bottom = cell.r;
    if (cell.c < left) left = cell.c;
    if (cell.c > right) right = cell.c;
  }
  const { name, hidden, merges } = sheet;
  if (read.length === 0) return { name, top: 0, left: 0, values: [], formulas: [], numberFormats: [], merges, hidden };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  for (const cell of read) {
    values[cell.r - top][cell.c - left] = cell.value;
    formulas[cell.r - top][cell.c - left] = cell.formula;
    numberFormats[cell.r - top][cell.c - left] = cell.format;
  }
  return { name, top: top - 1, left: left - 1, values, formulas, numberFormats, merges, hidden };
}

/**
 * Every worksheet of the package as a snapshot, in workbook order; undefined
 * when the workbook holds our record sheet (earlier marks must be restored by
 * the full load first). Throws on a package the streaming reader cannot read.
 */
export async function streamSnapshots(data: Uint8Array): Promise<SheetSnapshot[] | undefined> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as StreamingWorkbook;
  decodePartsAsText(reader as unknown as Record<string, unknown>);
  const sheets: RawSheet[] = [];
  let hasRecord = false;
  for await (const ws of reader) {
    if (ws.name === RECORD_SHEET || ws.name === ADDIN_RECORD_SHEET) {
      hasRecord = true;
      // Pass over its bytes all the same: the package is one stream, read to its end.
      for await (const chunk of ws.iterator) void chunk;
      continue;
    }
    sheets.push(await readWorksheet(ws, reader.sharedStrings));
  }
  if (hasRecord) return undefined;
  const order = (reader.model?.sheets ?? []).map((s) => s.name);
  const rank = (n: string) => {
    const i = order.indexOf(n);
    return i < 0 ? order.length : i;
  };
  sheets.sort((a, b) => rank(a.name) - rank(b.name));
  return sheets.map((s) => toSnapshot(s, reader));
}

/**
 * The snapshots a check needs, by the cheapest read that gives them: the same
 * refusals as `loadXlsx` (not an xlsx, damaged, too large), then the streaming
 * read; the full load where that cannot serve (earlier marks to restore, no
 * worksheet, a package the streaming reader trips on — the full load then
 * gives the clear message).
 */
export async function readSheets(data: Uint8Array, options: LoadOptions = {}): Promise<SheetSnapshot[]> {
  sniffXlsx(data);
  await guardPackage(data, options);
  let sheets: SheetSnapshot[] | undefined;
  try {
    sheets = await streamSnapshots(data);
  } catch {
    sheets = undefined;
  }
  if (sheets && sheets.length > 0) return sheets;
  return (await loadXlsx(data, options)).sheets;
}
