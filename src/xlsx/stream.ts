/**
 * Reads an .xlsx into snapshots for a check that writes nothing back (the CLI
 * without --out, a batch): no exceljs Workbook is built, so a large table is read
 * in a fraction of the time and memory of a full load.
 *
 * The file is in memory already: the parts a check needs are inflated straight
 * from the zip (node's zlib). The small ones — workbook (sheet names, states, 1904
 * dates), its relationships, styles (number formats) — are parsed by the same
 * exceljs xforms the full load uses; the shared strings and worksheets, where the
 * size is, by src/xlsx/xmlScanner.ts, several times faster than a general SAX parser.
 * Cells are read as the full load reads them: a formula's cached result and its
 * text (shared formulas translated from their master), error values as "#REF!",
 * numbers in a date format as dates, rich text as its plain text, the cells a
 * merge covers blank. The snapshots equal those of `loadXlsx` (test/xlsx/stream.test.ts).
 *
 * A workbook that holds a record sheet (earlier marks) is not read here:
 * `readSheets` leaves it to the full load, which restores the marks first.
 */
import zlib from "node:zlib";
import type ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot } from "../core/types";
import { cellAddress } from "../core/address";
import { fromExcelJsValue } from "./read";
import { isRecordSheet } from "../core/record";
import { isRulesSheet, rulesTextOf } from "../core/config/stored";
import { rulesTextOfNames } from "../core/config/storedNames";
import { readWorkbookXml } from "./workbookXml";
import { readRuleSheet } from "./ruleSheet";
import { guardPackage, loadXlsx, sniffXlsx, type LoadOptions } from "./load";
import { XmlScanner, attributeValue, attributeValues, decodeXmlText } from "./xmlScanner";
import { snapshotOfCells, type FoundCell } from "../core/farCells";
import { entryBytes, readZipDirectory, type ZipEntry } from "./zipGuard";
import { nodeInflate } from "./nodeInflate";

/* exceljs internals the full load is built on (exceljs 4.4, no typings): its xforms and helpers. */
interface Xform<M> {
  parseStream(input: Iterable<string>): Promise<M>;
}
type XformClass<M> = new () => Xform<M>;
type WorkbookModel = {
  sheets?: { name: string; id: number; rId: string; state?: string }[];
  properties?: { date1904?: boolean };
};
interface ExcelJsParts {
  WorkbookXform: XformClass<WorkbookModel>;
  RelationshipsXform: XformClass<{ Id: string; Target: string }[]>;
  StylesXform: new () => Xform<unknown> & { getStyleModel(id: number): { numFmt?: string } | undefined };
  slideFormula: (f: string, from: string, to: string) => string;
  excelUtils: { isDateFmt(fmt: string | undefined): boolean; excelToDate(v: number, date1904?: boolean): Date; xmlDecode(text: string): string };
}

/* Loaded by the first streamSnapshots: a CLI run on an .xls (SheetJS) never pays for them. */
let slideFormula: ExcelJsParts["slideFormula"];
let excelUtils: ExcelJsParts["excelUtils"];
let parts: ExcelJsParts | undefined;

function excelJsParts(): ExcelJsParts {
  if (parts) return parts;
  /* eslint-disable @typescript-eslint/no-require-imports */
  parts = {
    WorkbookXform: require("exceljs/lib/xlsx/xform/book/workbook-xform"),
    RelationshipsXform: require("exceljs/lib/xlsx/xform/core/relationships-xform"),
    StylesXform: require("exceljs/lib/xlsx/xform/style/styles-xform"),
    slideFormula: require("exceljs/lib/utils/shared-formula").slideFormula,
    excelUtils: require("exceljs/lib/utils/utils"),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  ({ slideFormula, excelUtils } = parts);
  return parts;
}

/** The parts of the package, by name (without a leading "/"), inflated on demand. */
class Package {
  private readonly entries = new Map<string, ZipEntry>();

  /** `inflated`: the parts the zip guard has already inflated and verified, by directory name. */
  constructor(
    private readonly data: Uint8Array,
    private readonly inflated?: Map<string, Uint8Array>,
  ) {
    for (const e of readZipDirectory(data)) if (!e.directory) this.entries.set(e.name.replace(/^\//, ""), e);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The part's bytes, inflated; undefined when the package has no such part. */
  bytes(name: string): Buffer | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const done = this.inflated?.get(e.name);
    if (done) return Buffer.from(done.buffer, done.byteOffset, done.byteLength);
    const raw = entryBytes(this.data, e);
    return e.method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw);
  }

  text(name: string): string | undefined {
    return this.bytes(name)?.toString("utf8");
  }

  /** A part parsed by an exceljs xform, as the full load parses it. */
  async parse<M>(name: string, xform: Xform<M>): Promise<M | undefined> {
    const text = this.text(name);
    return text === undefined ? undefined : xform.parseStream([text]);
  }
}

/** Large parts are decoded and scanned a slice at a time, so the whole XML never sits in memory as one string. */
const SLICE_BYTES = 1 << 20;

function* utf8Slices(bytes: Buffer): Iterable<string> {
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < bytes.length; i += SLICE_BYTES) {
    const text = decoder.decode(bytes.subarray(i, i + SLICE_BYTES), { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
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

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/**
 * A part the streaming reader does not read as the full load would: malformed XML, a cell
 * address Excel cannot have, elements where a worksheet has none. `readSheets` then leaves
 * the file to the full load, whose answer (its refusal, or its reading) is the CLI's.
 */
class UnusualPartError extends Error {
  constructor(part: string, reason: string) {
    super(`${part}: ${reason}`);
    this.name = "UnusualPartError";
  }
}

/** "AB12" → { row: 12, col: 28 }: upper-case letters then a row number, inside A1:XFD1048576; undefined otherwise. */
function decodeRef(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else break;
  }
  if (col === 0 || col > MAX_COL || i === ref.length) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57 || j - i > 7) return undefined;
    row = row * 10 + (c - 48);
  }
  if (row < 1 || row > MAX_ROW) return undefined;
  return { row, col };
}

/** A merge's range ("A1:B2", or one cell), as Excel writes it; undefined when it is not one. */
function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const colon = ref.indexOf(":");
  const from = decodeRef(colon < 0 ? ref : ref.slice(0, colon));
  const to = colon < 0 ? from : decodeRef(ref.slice(colon + 1));
  if (!from || !to) return undefined;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

/** The cells of one worksheet's XML, as cell-xform reads them in a full load. */
const CELL_ATTRIBUTES = ["r", "t", "s"];
const FORMULA_ATTRIBUTES = ["t", "si", "ref"];
const attributes: (string | undefined)[] = [];

/**
 * The shared strings as the full load reads them (SharedStringXform) and the
 * snapshot keeps them: a plain <t>, or the runs of rich text joined, without
 * the phonetic guide (<rPh>); Excel's _xHHHH_ escapes decoded; null for an
 * <si> with neither.
 */
function readSharedStrings(xml: Buffer): (string | null)[] {
  const out: (string | null)[] = [];
  let model: string | string[] | null = null;
  let inRun = false;
  let runText = "";
  let phonetic = 0;
  let capturing = false;
  let text: string[] = [];
  const unescape = (t: string) => (t.indexOf("_x") < 0 ? t : t.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  const unusual = (what: string) => new UnusualPartError("xl/sharedStrings.xml", what);
  const scanner: XmlScanner = new XmlScanner({
    open(name) {
      // Only the shape Excel writes; anything else is left to the full load (see UnusualPartError).
      if (capturing) throw unusual(`<${name}> inside <t>`);
      const parent = scanner.parent;
      // The full load fails on anything but <si> in <sst> (and on another root).
      if ((parent === undefined && name !== "sst") || (parent === "sst" && name !== "si")) throw unusual(`<${name}> inside <${parent ?? ""}>`);
      if (name === "si" ? parent !== "sst" : name === "t" ? parent !== "si" && parent !== "r" && parent !== "rPh" : (name === "r" || name === "rPh") && parent !== "si") {
        throw unusual(`<${name}> inside <${parent ?? ""}>`);
      }
      if (name === "si") {
        model = null;
        phonetic = 0;
      } else if (name === "rPh") phonetic++;
      else if (name === "r" && phonetic === 0) {
        inRun = true;
        runText = "";
      } else if (name === "t" && phonetic === 0) {
        capturing = true;
        text = [];
      }
    },
    close(name) {
      if (name === "t" && capturing) {
        capturing = false;
        const t = unescape(text.join(""));
        if (inRun) runText = t;
        else model = t;
      } else if (name === "r" && inRun) {
        inRun = false;
        if (model === null) model = [runText];
        else if (Array.isArray(model)) model.push(runText);
      } else if (name === "rPh") phonetic--;
      else if (name === "si") out.push(Array.isArray(model) ? model.join("") : model);
    },
    text(raw, literal) {
      // CDATA is dropped, as the full load's parser drives saxes without a cdata handler.
      if (capturing && !literal) text.push(decodeXmlText(raw));
    },
  });
  for (const t of utf8Slices(xml)) scanner.write(t);
  scanner.end();
  return out;
}

function readWorksheet(xml: Buffer, name: string, state: string | undefined, sharedStrings: (string | null)[] | undefined): RawSheet {
  const cells: RawCell[] = [];
  const merges: string[] = [];
  const masters = new Map<string, { address: string; formula: string }>();
  let row = 0;
  let col = 0;
  // The cell being read.
  let inCell = false;
  let type: string | undefined;
  let styleId = 0;
  let formula: string | undefined;
  let shareType: string | undefined;
  let sharedIndex: string | undefined;
  let sharedRef: string | undefined;
  let value: string | undefined;
  let runs: string[] | undefined;
  let capture: "f" | "v" | "t" | undefined;

  const part = `worksheet ${name}`;
  const unusual = (what: string) => new UnusualPartError(part, what);
  let sawSheetData = false;
  let inRich = false;
  let richFormat = 0;

  // Only the shape Excel writes is read here (worksheet > sheetData > row > c > f | v | is > t | r > rPr, t);
  // anything else is left to the full load (see UnusualPartError), which decides what it means.
  const scanner: XmlScanner = new XmlScanner({
    open(name, src, start, end) {
      if (inCell) {
        if (capture !== undefined) throw unusual(`<${name}> inside <${capture}>`);
        if (richFormat > 0) {
          richFormat++;
          return;
        }
        const parent = scanner.parent;
        switch (name) {
          case "f":
            if (parent !== "c" || formula !== undefined || shareType !== undefined) throw unusual(`<f> inside <${parent}>, or a second formula`);
            capture = "f";
            attributeValues(src, start, end, FORMULA_ATTRIBUTES, attributes);
            [shareType, sharedIndex, sharedRef] = attributes;
            return;
          case "v":
            if (parent !== "c" || value !== undefined || runs) throw unusual(`<v> inside <${parent}>, or a second value`);
            capture = "v";
            return;
          case "is":
            if (parent !== "c" || runs || value !== undefined) throw unusual(`<is> inside <${parent}>, or a second value`);
            runs = [];
            return;
          case "r":
            if (parent !== "is") throw unusual(`<r> inside <${parent}>`);
            inRich = true;
            return;
          case "t":
            if (parent !== "is" && !(parent === "r" && inRich)) throw unusual(`<t> inside <${parent}>`);
            capture = "t";
            return;
          case "rPr":
            if (parent !== "r") throw unusual(`<rPr> inside <${parent}>`);
            richFormat = 1;
            return;
          default:
            throw unusual(`<${name}> inside a cell`);
        }
      }
      switch (name) {
        case "sheetData":
          if (sawSheetData || scanner.parent !== "worksheet") throw unusual("a second <sheetData>, or one outside <worksheet>");
          sawSheetData = true;
          break;
        case "row": {
          if (scanner.parent !== "sheetData") throw unusual("<row> outside <sheetData>");
          // The full load places a row by its r (a row without one is lost there): only a row number Excel can have is read here.
          const r = attributeValue(src, start, end, "r");
          const n = r !== undefined && /^[0-9]{1,7}$/.test(r) ? Number(r) : 0;
          if (n < 1 || n > MAX_ROW) throw unusual(`a row numbered "${r ?? ""}"`);
          row = n;
          col = 0;
          break;
        }
        case "c": {
          if (scanner.parent !== "row") throw unusual("<c> outside <row>");
          attributeValues(src, start, end, CELL_ATTRIBUTES, attributes);
          const [r, t, s] = attributes;
          if (r !== undefined) {
            // A cell in its own row, at an address Excel can have (not XFE1, A0, A1048577, a5 …).
            const ref = decodeRef(r);
            if (!ref || ref.row !== row) throw unusual(`a cell at "${r}" in row ${row}`);
            col = ref.col;
          } else if (col === 0 || col === MAX_COL) {
            throw unusual("a first cell in a row without its address"); // the full load cannot place it
          } else {
            col += 1;
          }
          inCell = true;
          type = t;
          styleId = s ? parseInt(s, 10) || 0 : 0;
          formula = shareType = sharedIndex = sharedRef = value = runs = undefined;
          inRich = false;
          break;
        }
        case "mergeCell": {
          if (scanner.parent !== "mergeCells") throw unusual("<mergeCell> outside <mergeCells>");
          const ref = attributeValue(src, start, end, "ref");
          if (ref === undefined || !decodeRange(ref)) throw unusual(`a merge "${ref ?? ""}"`);
          merges.push(ref);
          break;
        }
        default:
          if (scanner.parent === "sheetData" || scanner.parent === "row") throw unusual(`<${name}> inside <${scanner.parent}>`);
          break;
      }
    },
    close(name) {
      if (richFormat > 0) {
        richFormat--;
      } else if (name === "f" || name === "v" || name === "t") {
        capture = undefined;
      } else if (name === "r" && inCell) {
        inRich = false;
      } else if (name === "c" && inCell) {
        inCell = false;
        const cell = finishCell();
        if (cell) cells.push(cell);
      }
    },
    text(raw, literal) {
      if (literal) return; // CDATA: dropped, as the full load does (see readSharedStrings)
      if (capture === undefined) {
        if (inCell && richFormat === 0 && /[^ \t\r\n]/.test(raw)) throw unusual("text loose in a cell");
        return;
      }
      const text = decodeXmlText(raw);
      if (capture === "f") formula = (formula ?? "") + text;
      else if (capture === "v") value = (value ?? "") + text;
      else runs!.push(text);
    },
  });
  for (const text of utf8Slices(xml)) scanner.write(text);
  scanner.end();
  checkMergesApart(name, merges);
  return { name, hidden: state !== undefined && state !== "visible", cells, merges };

  function finishCell(): RawCell | undefined {
    const text = runs && runs.length > 0 ? runs.join("") : value;
    if (formula || shareType) {
      let f: string | null = formula ?? null;
      if (shareType === "shared" && sharedIndex !== undefined) {
        const address = cellAddress(row, col);
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
        if (!sharedStrings) {
          v = index; // the full load keeps the index when the package has no shared strings
          break;
        }
        v = sharedStrings[index];
        // The full load fails on an index past the shared strings: left to it.
        if (v === undefined) throw unusual(`a shared-string index "${text}" that is not there`);
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

/** Merges that overlap, which the full load refuses ("Cannot merge already merged cells"): left to it. */
function checkMergesApart(sheet: string, merges: string[]): void {
  if (merges.length < 2) return;
  const boxes = merges.map((m) => decodeRange(m)!).sort((a, b) => a.top - b.top);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].top <= a.bottom; j++) {
      const b = boxes[j];
      if (b.left <= a.right && a.left <= b.right) throw new UnusualPartError(`worksheet ${sheet}`, "merges that overlap");
    }
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

function toSnapshot(sheet: RawSheet, styles: { getStyleModel(id: number): { numFmt?: string } | undefined } | undefined, date1904: boolean): SheetSnapshot {
  const formats = new Map<number, string | undefined>();
  const formatOf = (styleId: number): string | undefined => {
    if (!styleId) return undefined;
    if (!formats.has(styleId)) formats.set(styleId, styles?.getStyleModel(styleId)?.numFmt);
    return formats.get(styleId);
  };
  const found: FoundCell[] = [];
  for (const cell of blankMergedCells(sheet.cells, sheet.merges)) {
    const fmt = formatOf(cell.styleId);
    let v = cell.value;
    if (typeof v === "number" && excelUtils.isDateFmt(fmt)) v = excelUtils.excelToDate(v, date1904);
    const plain = typeof v === "string" || typeof v === "number" || typeof v === "boolean";
    const { value, formula } =
      cell.formula !== null
        ? { value: fromExcelJsValue({ formula: cell.formula, result: v } as ExcelJS.CellValue).value, formula: `=${cell.formula.replace(/^=/, "")}` }
        : plain
          ? { value: v as CellValue, formula: null } // what fromExcelJsValue gives a plain value, without its objects
          : fromExcelJsValue((v ?? null) as ExcelJS.CellValue);
    if (value === null && formula === null) continue;
    found.push({ r: cell.row, c: cell.col, value, formula, format: fmt && fmt !== "General" ? fmt : null });
  }
  // As the full load: a stray cell at XFD1048576 must not make the snapshot huge (src/core/farCells.ts).
  return snapshotOfCells(sheet.name, sheet.hidden, found, sheet.merges);
}

const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+[.]xml$/;

/** What a read gives: the user's sheets, and the rules the workbook stores (src/core/config/stored.ts), if any. */
export interface WorkbookRead {
  sheets: SheetSnapshot[];
  storedRules?: string;
}

/**
 * Every worksheet of the package as a snapshot, in workbook order; undefined
 * when the workbook holds a record sheet (earlier marks must be restored by
 * the full load first). Throws on a package it cannot read.
 */
export async function streamSnapshots(data: Uint8Array, inflated?: Map<string, Uint8Array>): Promise<SheetSnapshot[] | undefined> {
  return (await streamWorkbook(data, inflated))?.sheets;
}

/** As streamSnapshots, with the stored rules: the rules sheet's A1, else the rules' hidden names. */
export async function streamWorkbook(data: Uint8Array, inflated?: Map<string, Uint8Array>): Promise<WorkbookRead | undefined> {
  const { WorkbookXform, RelationshipsXform, StylesXform } = excelJsParts();
  const pkg = new Package(data, inflated);
  const workbookXml = pkg.text("xl/workbook.xml");
  if (workbookXml === undefined) throw new Error("no xl/workbook.xml");
  const workbook = await new WorkbookXform().parseStream([workbookXml]);
  const sheetDefs = workbook.sheets ?? [];
  if (sheetDefs.some((s) => isRecordSheet(s.name))) return undefined;
  const rels = new Map((await pkg.parse("xl/_rels/workbook.xml.rels", new RelationshipsXform()) ?? []).map((r) => [r.Id, r]));
  const styles = pkg.has("xl/styles.xml") ? new StylesXform() : undefined;
  if (styles) await pkg.parse("xl/styles.xml", styles);
  const sharedStringsXml = pkg.bytes("xl/sharedStrings.xml");
  const sharedStrings = sharedStringsXml && readSharedStrings(sharedStringsXml);
  const date1904 = workbook.properties?.date1904 === true;
  const snapshots: SheetSnapshot[] = [];
  let inSheet: string | undefined;
  // As the full load: each sheet of the workbook whose relationship points at a worksheet part.
  for (const def of sheetDefs) {
    const rel = rels.get(def.rId);
    if (!rel) continue;
    const part = `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, "")}`;
    if (!WORKSHEET_PART.test(part)) continue;
    const xml = pkg.bytes(part);
    if (!xml) continue;
    const sheet = readWorksheet(xml, def.name, def.state, sharedStrings);
    // The rules the workbook carries are not the user's data (the full load leaves them out too).
    if (isRulesSheet(def.name)) {
      const a1 = sheet.cells.find((c) => c.row === 1 && c.col === 1 && c.formula === null)?.value;
      inSheet = rulesTextOf(a1 && typeof a1 === "object" && "richText" in a1 ? (a1 as { richText: { text: string }[] }).richText.map((r) => r.text).join("") : a1);
      continue;
    }
    snapshots.push(toSnapshot(sheet, styles, date1904));
  }
  const storedRules = inSheet ?? rulesTextOfNames(readWorkbookXml(workbookXml).names);
  return storedRules === undefined ? { sheets: snapshots } : { sheets: snapshots, storedRules };
}

/**
 * The snapshots a check needs, by the cheapest read that gives them: the same
 * refusals as `loadXlsx` (not an xlsx, damaged, too large), then the streaming
 * read; the full load where that cannot serve (earlier marks to restore, no
 * worksheet, a package the streaming reader trips on — the full load then
 * gives the clear message).
 */
export async function readSheets(data: Uint8Array, options: LoadOptions = {}): Promise<SheetSnapshot[]> {
  return (await readXlsxWorkbook(data, options)).sheets;
}

/** As readSheets, with the rules the workbook stores. */
export async function readXlsxWorkbook(data: Uint8Array, options: LoadOptions = {}): Promise<WorkbookRead> {
  sniffXlsx(data);
  // The guard inflates and checksums every part (with Node's zlib: one call each); the parts are kept for the read.
  options = { inflate: nodeInflate, ...options };
  const inflated = new Map<string, Uint8Array>();
  await guardPackage(data, options, inflated);
  let read: WorkbookRead | undefined;
  try {
    read = await streamWorkbook(data, inflated);
  } catch {
    read = undefined;
  }
  inflated.clear();
  if (read && read.sheets.length > 0) return read;
  const loaded = await loadXlsx(data, options);
  const storedRules = readRuleSheet(loaded.workbook);
  return storedRules === undefined ? { sheets: loaded.sheets } : { sheets: loaded.sheets, storedRules };
}
