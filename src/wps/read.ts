/**
 * Reads the workbook into snapshots over the ET API. Each sheet costs a fixed number of calls
 * plus, where ET does not answer Value(11), a few per column and per merged area, never per cell:
 *   - the used range's place and size (6 calls), its Value2 and Formula as 2-D blocks (2);
 *   - its number formats and merged areas as one XML Spreadsheet document (Value(11), 1 call:
 *     xmlSpreadsheet.ts); where that is missing or unreadable, as follows —
 *   - NumberFormat of the whole box (1): one answer when every cell shares a format, else null,
 *     then per column, halving a column until each part answers (calls grow with the format
 *     changes down a column, not its rows);
 *   - MergeCells of the box (1): false when nothing is merged, else per column the same halving
 *     down to each merged area, whose MergeArea gives its address (calls grow with merged areas).
 * Marks an earlier write-back left are undone in memory from the record, so the check sees the
 * user's data.
 */
import type { SheetSnapshot } from "../core/types";
import { cellAddress, parseRange, type RangeRef } from "../core/address";
import { snapshotOfCells, type FoundCell } from "../core/farCells";
import { type EtRange, type EtWorkbook, type EtWorksheet, XL_SHEET_VISIBLE } from "./et";
import { snapshotValue, toGrid } from "./cells";
import { snapshotFormula, snapshotNumberFormat } from "../core/cellInput";
import { isRulesSheet } from "../core/config/stored";
import { LEGACY_RECORD_SHEET, RECORD_SHEET, type RecordEntry, decodeRecords, isRecordSheet, priorMap } from "../core/record";
import { rangeAddress } from "./ranges";
import { type StoredRecord, usedValues } from "./recordSheet";
import { XL_RANGE_VALUE_XML_SPREADSHEET, parseXmlSpreadsheet, type RangeStyles } from "./xmlSpreadsheet";

/** A used range over this many cells is refused: a stray cell far from the table would make the read huge. */
export const MAX_BOX_CELLS = 10_000_000;
/** Cells in one block read; a larger box is read in bands of rows. */
export const MAX_CELLS_PER_CALL = 1_000_000;
/** Merged areas are looked for over the whole of a table up to this many rows; over a longer one, its top and bottom rows only. */
export const MERGE_SCAN_MAX_ROWS = 2000;
export const MERGE_SCAN_EDGE_ROWS = 200;

export class UsedRangeTooLargeError extends Error {
  constructor(
    readonly sheet: string,
    readonly cells: number,
  ) {
    super(
      `工作表“${sheet}”的已用区域有 ${cells} 个单元格，过大，无法读取：请删除远离表格的单元格。` +
        ` / The used range of sheet "${sheet}" holds ${cells} cells, too many to read: delete the cells far from the table.`,
    );
    this.name = "UsedRangeTooLargeError";
  }
}

export class NoWorkbookError extends Error {
  constructor() {
    super("没有打开的工作簿：请先在 WPS 表格中打开要检查的表格。 / No workbook is open: open the form in WPS Spreadsheets first.");
    this.name = "NoWorkbookError";
  }
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
  index: number;
}

export interface BookState {
  sheets: SheetInfo[];
  activeSheet: string;
  stored: StoredRecord;
  /** The record's entries, then those of the command line's older record (a copy it annotated). */
  record: RecordEntry[];
}

export function sheetInfos(book: EtWorkbook): SheetInfo[] {
  const sheets = book.Worksheets;
  const n = sheets.Count;
  const out: SheetInfo[] = [];
  for (let i = 1; i <= n; i++) {
    const ws = sheets.Item(i);
    const visible: unknown = ws.Visible;
    out.push({ name: ws.Name, hidden: visible !== XL_SHEET_VISIBLE && visible !== true, index: i });
  }
  return out;
}

export function readBookState(book: EtWorkbook): BookState {
  const sheets = sheetInfos(book);
  const activeSheet = book.ActiveSheet.Name;
  const names = sheets.map((s) => s.name);
  const exists = names.includes(RECORD_SHEET);
  const legacyExists = names.includes(LEGACY_RECORD_SHEET);
  const record = exists ? usedValues(book.Worksheets.Item(RECORD_SHEET)) : [];
  const legacy = legacyExists ? usedValues(book.Worksheets.Item(LEGACY_RECORD_SHEET)) : [];
  return { sheets, activeSheet, stored: { exists, legacyExists, rows: record.length }, record: decodeRecords({ record, legacy }) };
}

interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** What a probe answers over rows top..bottom of one column: one value when every cell agrees, null when they differ. */
type Probe = (top: number, bottom: number) => unknown;

const agrees = (v: unknown) => v !== null && v !== undefined;

/** Between a row where the cells from the anchor agree (`good`) and one where they do not (`bad`), the last that agrees. */
function lastAgreeing(probe: Probe, anchor: number, good: number, value: unknown, bad: number): { end: number; value: unknown } {
  const span = (a: number, b: number) => (a <= b ? probe(a, b) : probe(b, a));
  while (Math.abs(bad - good) > 1) {
    const mid = good + Math.trunc((bad - good) / 2);
    const v = span(anchor, mid);
    if (agrees(v)) {
      good = mid;
      value = v;
    } else bad = mid;
  }
  return { end: good, value };
}

/**
 * Rows top..bottom of one column, whose cells do not all agree: the run at the top or at the
 * bottom, whichever ends nearer its edge. Both edges are galloped at once (1, 2, 4 … rows), then
 * the change is found by halving: calls grow with the log of the distance from the nearer edge.
 */
function edgeRun(probe: Probe, top: number, bottom: number): { side: "top" | "bottom"; start: number; end: number; value: unknown } {
  let goodTop = top;
  let valueTop = probe(top, top);
  let goodBottom = bottom;
  let valueBottom = probe(bottom, bottom);
  for (let step = 1; ; step *= 2) {
    const down = Math.min(bottom, goodTop + step);
    const vd = probe(top, down);
    if (!agrees(vd)) {
      const run = lastAgreeing(probe, top, goodTop, valueTop, down);
      return { side: "top", start: top, end: run.end, value: run.value };
    }
    goodTop = down;
    valueTop = vd;
    const up = Math.max(top, goodBottom - step);
    const vu = probe(up, bottom);
    if (!agrees(vu)) {
      const run = lastAgreeing(probe, bottom, goodBottom, valueBottom, up);
      return { side: "bottom", start: run.end, end: bottom, value: run.value };
    }
    goodBottom = up;
    valueBottom = vu;
  }
}

/**
 * The runs of one column where `probe` answers one value: the whole column when it does, else the
 * run nearest an edge and then the same for what is left. A form's header at the top and its total
 * at the bottom cost a few calls each; the long body between, one.
 */
export function columnRunsOf(probe: Probe, top: number, bottom: number, found: (top: number, bottom: number, v: unknown) => void): void {
  while (top <= bottom) {
    const whole = probe(top, bottom);
    if (agrees(whole) || top === bottom) {
      found(top, bottom, whole);
      return;
    }
    const run = edgeRun(probe, top, bottom);
    found(run.start, run.end, run.value);
    if (run.side === "top") top = run.end + 1;
    else bottom = run.start - 1;
  }
}

function readNumberFormats(ws: EtWorksheet, used: EtRange, box: Box): (string | null)[][] {
  const formats: (string | null)[][] = Array.from({ length: box.rows }, () => new Array<string | null>(box.cols).fill(null));
  const whole = used.NumberFormat;
  const fill = (top: number, bottom: number, col: number, v: unknown) => {
    const f = snapshotNumberFormat(v);
    if (f === null) return;
    for (let r = top; r <= bottom; r++) formats[r - box.top][col - box.left] = f;
  };
  if (whole !== null && whole !== undefined) {
    for (let c = box.left; c < box.left + box.cols; c++) fill(box.top, box.top + box.rows - 1, c, whole);
    return formats;
  }
  for (let c = box.left; c < box.left + box.cols; c++) {
    columnRunsOf((t, b) => ws.Range(rangeAddress(t, c, b, c)).NumberFormat, box.top, box.top + box.rows - 1, (t, b, v) => fill(t, b, c, v));
  }
  return formats;
}

/** The rows where merged areas are looked for: all of them, or a long table's top and bottom. */
function mergeScanBands(box: Box): [number, number][] {
  const bottom = box.top + box.rows - 1;
  if (box.rows <= MERGE_SCAN_MAX_ROWS) return [[box.top, bottom]];
  return [
    [box.top, box.top + MERGE_SCAN_EDGE_ROWS - 1],
    [bottom - MERGE_SCAN_EDGE_ROWS + 1, bottom],
  ];
}

/**
 * The merged areas of the box, as A1 ranges (top to bottom, left to right): per column, the runs
 * of merged cells (MergeCells true) found as above, and in each run the areas one MergeArea at a time.
 */
export function readMerges(ws: EtWorksheet, used: EtRange, box: Box): string[] {
  if (used.MergeCells === false) return [];
  const areas = new Map<string, RangeRef>();
  for (const [bandTop, bandBottom] of mergeScanBands(box)) {
    for (let col = box.left; col < box.left + box.cols; col++) {
      columnRunsOf(
        (t, b) => ws.Range(rangeAddress(t, col, b, col)).MergeCells,
        bandTop,
        bandBottom,
        (top, bottom, merged) => {
          if (merged !== true) return;
          for (let row = top; row <= bottom; ) {
            // An area an earlier column found is known: no call for it.
            const known = [...areas.values()].find((a) => a.left <= col && a.right >= col && a.top <= row && a.bottom >= row);
            const ref = known ?? parseRange(ws.Range(cellAddress(row, col)).MergeArea.Address(false, false));
            if (!ref || ref.bottom < row) break;
            areas.set(rangeAddress(ref.top, ref.left, ref.bottom, ref.right), ref);
            row = ref.bottom + 1;
          }
        },
      );
    }
  }
  return [...areas.values()].sort((a, b) => a.top - b.top || a.left - b.left).map((r) => rangeAddress(r.top, r.left, r.bottom, r.right));
}

/** Formats and merges of the whole box in one call (Value(11)), or undefined where ET does not give them so. */
function readStyles(used: EtRange): RangeStyles | undefined {
  try {
    return parseXmlSpreadsheet(used.Value(XL_RANGE_VALUE_XML_SPREADSHEET));
  } catch {
    return undefined;
  }
}

function formatsOf(styles: RangeStyles, box: Box): (string | null)[][] {
  const formats: (string | null)[][] = Array.from({ length: box.rows }, () => new Array<string | null>(box.cols).fill(null));
  for (const [key, f] of styles.formats) {
    const [r, c] = key.split(":").map(Number);
    const format = snapshotNumberFormat(f);
    if (r <= box.rows && c <= box.cols && format !== null) formats[r - 1][c - 1] = format;
  }
  return formats;
}

function mergesOf(styles: RangeStyles, box: Box): string[] {
  return styles.merges
    .map((m) => ({ top: m.top + box.top - 1, left: m.left + box.left - 1, bottom: m.bottom + box.top - 1, right: m.right + box.left - 1 }))
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((r) => rangeAddress(r.top, r.left, r.bottom, r.right));
}

/** One data sheet as a snapshot, with the record's contents put back in memory. */
export function readSheet(ws: EtWorksheet, info: SheetInfo, record: RecordEntry[]): SheetSnapshot {
  const used = ws.UsedRange;
  const box: Box = { top: used.Row, left: used.Column, rows: used.Rows.Count, cols: used.Columns.Count };
  const cells = box.rows * box.cols;
  if (cells > MAX_BOX_CELLS) throw new UsedRangeTooLargeError(info.name, cells);
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  if (cells <= MAX_CELLS_PER_CALL) {
    values.push(...toGrid(used.Value2, box.rows, box.cols));
    formulas.push(...toGrid(used.Formula, box.rows, box.cols));
  } else {
    const band = Math.max(1, Math.floor(MAX_CELLS_PER_CALL / box.cols));
    for (let first = 0; first < box.rows; first += band) {
      const n = Math.min(band, box.rows - first);
      const range = ws.Range(rangeAddress(box.top + first, box.left, box.top + first + n - 1, box.left + box.cols - 1));
      values.push(...toGrid(range.Value2, n, box.cols));
      formulas.push(...toGrid(range.Formula, n, box.cols));
    }
  }
  const styles = readStyles(used);
  const formats = styles ? formatsOf(styles, box) : readNumberFormats(ws, used, box);
  const merges = styles ? mergesOf(styles, box) : readMerges(ws, used, box);

  const byCell = new Map<string, FoundCell>();
  for (let i = 0; i < box.rows; i++) {
    for (let j = 0; j < box.cols; j++) {
      const value = snapshotValue(values[i]?.[j]);
      const formula = snapshotFormula(formulas[i]?.[j], values[i]?.[j]);
      if (value === null && formula === null) continue;
      const r = box.top + i;
      const c = box.left + j;
      byCell.set(`${r}:${c}`, { r, c, value, formula, format: formats[i][j] });
    }
  }
  for (const [key, prior] of priorMap(record, info.name)) {
    const content = prior.content;
    if (!content) continue;
    const [row, col] = key.split(":").map(Number);
    {
      const format = byCell.get(key)?.format ?? formats[row - box.top]?.[col - box.left] ?? null;
      const cell: FoundCell =
        "formula" in content
          ? { r: row, c: col, value: content.result ?? null, formula: content.formula, format }
          : { r: row, c: col, value: content.constant, formula: null, format };
      if (cell.value === null && cell.formula === null) byCell.delete(key);
      else byCell.set(key, cell);
    }
  }
  return snapshotOfCells(info.name, info.hidden, [...byCell.values()], merges);
}

/** Every data sheet, the active one first. */
export function readWorkbook(book: EtWorkbook, state: BookState, onProgress?: (fraction: number) => void): SheetSnapshot[] {
  const data = state.sheets.filter((s) => !isRecordSheet(s.name) && !isRulesSheet(s.name));
  data.sort((a, b) => Number(b.name === state.activeSheet) - Number(a.name === state.activeSheet));
  const out: SheetSnapshot[] = [];
  data.forEach((info, i) => {
    out.push(readSheet(book.Worksheets.Item(info.index), info, state.record));
    onProgress?.((i + 1) / data.length);
  });
  return out;
}
