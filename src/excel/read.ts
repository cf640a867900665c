/**
 * Reads the workbook into the engine's snapshots with as few syncs as Office.js allows:
 *   1. the sheets (names, visibility), the active sheet, workbook protection;
 *   2. each sheet's used range (its extent only), sheet protection, and the record;
 *   3. values, formulas and number formats of every used range, plus merged areas,
 *      in as many requests as the payload limit needs (one while it fits).
 * Marks from an earlier write-back are undone in memory, so the check sees the user's data.
 */
import type { CellValue, SheetSnapshot } from "../core/types";
import { type ExcelEnv, type ExcelFeatures, PAYLOAD_BUDGET_SHARE, WEB_PAYLOAD_LIMIT, isPayloadTooLarge } from "./env";
import { snapshotFormula, snapshotNumberFormat, snapshotValue } from "./cellInput";
import { jsonBytes, rangeAddress, splitAreas } from "./ranges";
import { type RecordEntry, RECORD_SHEET_NAME, cellsOf, decodeRecord, isRecordSheet } from "./record";

/** Bytes one cell takes in a response carrying its value, formula and number format (typical Chinese text). */
export const ESTIMATED_BYTES_PER_CELL = 64;

/**
 * Merged areas are asked for over the whole used range of an ordinary table; over a very
 * long one only its top rows, where the header is (the only place the engine uses them):
 * the query fails past 512 areas, and a long table merges its level cells every few rows.
 */
/** Margin over the measured bytes per cell when sizing the remaining chunks. */
export const MEASURED_MARGIN = 1.3;

export const MERGE_QUERY_MAX_ROWS = 2000;
export const MERGE_QUERY_TOP_ROWS = 200;

export interface WorkbookState {
  sheetNames: string[];
  activeSheet: string;
  /** The record sheet exists (even if empty). */
  recordExists: boolean;
  record: RecordEntry[];
  /** See recordFingerprint. */
  recordFingerprint: string;
  /** Rows the record sheet's used range holds (header included), to clear what a shorter record leaves. */
  recordRows: number;
  /** Workbook structure protected: no record sheet can be added. */
  structureProtected: boolean;
  protectedSheets: Set<string>;
}

export interface ReadOutcome {
  sheets: SheetSnapshot[];
  state: WorkbookState;
  /** Syncs this read took (for the benchmark and the tests). */
  syncs: number;
}

export interface SheetExtent {
  name: string;
  hidden: boolean;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface Chunk {
  sheet: SheetExtent;
  /** 0-based offset within the used range, and row count. */
  firstRow: number;
  rows: number;
}

interface LoadedChunk {
  chunk: Chunk;
  range: Excel.Range;
}

/** Identifies a record's content, to notice when another runtime (the ribbon command) rewrote it. */
export function recordFingerprint(entries: RecordEntry[]): string {
  return JSON.stringify(entries);
}

/** Cuts chunks into row bands of at most `maxCells` cells and packs them into syncs of at most `maxCells`. */
export function packChunks(chunks: Chunk[], maxCells: number): Chunk[][] {
  const pieces: Chunk[] = [];
  for (const c of chunks) {
    const rowsPer = Math.max(1, Math.floor(maxCells / Math.max(1, c.sheet.columnCount)));
    for (let first = c.firstRow; first < c.firstRow + c.rows; first += rowsPer) {
      pieces.push({ sheet: c.sheet, firstRow: first, rows: Math.min(rowsPer, c.firstRow + c.rows - first) });
    }
  }
  const syncs: Chunk[][] = [];
  let current: Chunk[] = [];
  let cells = 0;
  for (const p of pieces) {
    const size = p.rows * p.sheet.columnCount;
    if (current.length > 0 && cells + size > maxCells) {
      syncs.push(current);
      current = [];
      cells = 0;
    }
    current.push(p);
    cells += size;
  }
  if (current.length) syncs.push(current);
  return syncs;
}

/** Sync 1: which sheets there are. */
export async function readWorkbookState(context: Excel.RequestContext, features: ExcelFeatures): Promise<{
  sheets: { name: string; visibility: string }[];
  activeSheet: string;
  structureProtected: boolean;
}> {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  const protection = features.structure17 ? context.workbook.protection.load("protected") : undefined;
  await context.sync();
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility) })),
    activeSheet: active.name,
    structureProtected: protection ? protection.protected : false,
  };
}

/** Queues a load of the record sheet's rows; read `.values` after the sync. */
export function loadRecordRange(context: Excel.RequestContext): Excel.Range {
  return context.workbook.worksheets.getItem(RECORD_SHEET_NAME).getUsedRange().load("values");
}

export async function readWorkbook(
  context: Excel.RequestContext,
  env: ExcelEnv,
  features: ExcelFeatures,
  onProgress?: (fraction: number) => void,
): Promise<ReadOutcome> {
  let syncs = 0;
  const book = await readWorkbookState(context, features);
  syncs++;

  // Sync 2: extents, protection, record.
  const names = book.sheets.map((s) => s.name);
  const dataSheets = book.sheets.filter((s) => !isRecordSheet(s.name));
  const used = dataSheets.map((s) => {
    const ws = context.workbook.worksheets.getItem(s.name);
    const range = (features.usedRangeValuesOnly ? ws.getUsedRange(true) : ws.getUsedRange()).load(
      "rowIndex,columnIndex,rowCount,columnCount",
    );
    const protection = features.formatting12 ? ws.protection.load("protected") : undefined;
    return { sheet: s, range, protection };
  });
  const recordExists = names.includes(RECORD_SHEET_NAME);
  const recordRange = recordExists ? loadRecordRange(context) : undefined;
  await context.sync();
  syncs++;

  const recordRows = recordRange ? (recordRange.values as unknown[][]) : [];
  const record = decodeRecord(recordRows);
  const protectedSheets = new Set(used.filter((u) => u.protection?.protected).map((u) => u.sheet.name));
  const extents: SheetExtent[] = used.map((u) => ({
    name: u.sheet.name,
    hidden: u.sheet.visibility !== "Visible",
    rowIndex: u.range.rowIndex,
    columnIndex: u.range.columnIndex,
    rowCount: u.range.rowCount,
    columnCount: u.range.columnCount,
  }));
  // The active sheet first: it is the one the user means when several hold a table.
  extents.sort((a, b) => Number(b.name === book.activeSheet) - Number(a.name === book.activeSheet));

  // Sync 3 (and one more per chunk when the data exceeds one request).
  const limit = (env.payloadLimit ?? WEB_PAYLOAD_LIMIT) * PAYLOAD_BUDGET_SHARE;
  let bytesPerCell = ESTIMATED_BYTES_PER_CELL;
  const grids = new Map<string, { values: CellValue[][]; formulas: (string | null)[][]; numberFormats: (string | null)[][] }>();
  for (const e of extents) {
    grids.set(e.name, {
      values: Array.from({ length: e.rowCount }, () => []),
      formulas: Array.from({ length: e.rowCount }, () => []),
      numberFormats: Array.from({ length: e.rowCount }, () => []),
    });
  }
  const merges = new Map<string, string[]>();
  let wantMerges = features.mergedAreas;
  const totalCells = extents.reduce((s, e) => s + e.rowCount * e.columnCount, 0) || 1;
  let doneCells = 0;

  let pending = packChunks(
    extents.map((sheet) => ({ sheet, firstRow: 0, rows: sheet.rowCount })),
    Math.floor(limit / bytesPerCell),
  );
  while (pending.length > 0) {
    const batch = pending[0];
    const mergeLoads: { sheet: string; areas: Excel.RangeAreas }[] = [];
    const loads: LoadedChunk[] = batch.map((chunk) => {
      const { sheet } = chunk;
      const top = sheet.rowIndex + chunk.firstRow + 1;
      const left = sheet.columnIndex + 1;
      const address = rangeAddress(top, left, top + chunk.rows - 1, left + sheet.columnCount - 1);
      const range = context.workbook.worksheets.getItem(sheet.name).getRange(address).load("values,formulas,numberFormat");
      if (wantMerges && chunk.firstRow === 0 && !merges.has(sheet.name)) {
        const rows = sheet.rowCount <= MERGE_QUERY_MAX_ROWS ? sheet.rowCount : MERGE_QUERY_TOP_ROWS;
        const whole = rangeAddress(sheet.rowIndex + 1, left, sheet.rowIndex + rows, left + sheet.columnCount - 1);
        const areas = context.workbook.worksheets.getItem(sheet.name).getRange(whole).getMergedAreasOrNullObject();
        areas.load("address");
        mergeLoads.push({ sheet: sheet.name, areas });
      }
      return { chunk, range };
    });
    try {
      await context.sync();
      syncs++;
    } catch (e) {
      syncs++;
      if (isPayloadTooLarge(e) && batch.some((c) => c.rows > 1)) {
        // The data was denser than estimated: re-plan what is left with a larger estimate.
        bytesPerCell *= 2;
        const left = pending.flat();
        pending = packChunks(left, Math.floor(limit / bytesPerCell));
        continue;
      }
      if (mergeLoads.length > 0) {
        // Merged-area queries fail past 512 areas; the engine does not need them.
        wantMerges = false;
        continue;
      }
      throw e;
    }
    for (const m of mergeLoads) merges.set(m.sheet, m.areas.isNullObject ? [] : splitAreas(m.areas.address));
    let loadedBytes = 0;
    let loadedCells = 0;
    for (const { chunk, range } of loads) {
      const g = grids.get(chunk.sheet.name)!;
      const values = range.values;
      const formulas = range.formulas;
      const formats = range.numberFormat;
      for (let i = 0; i < chunk.rows; i++) {
        const r = chunk.firstRow + i;
        g.values[r] = values[i].map(snapshotValue);
        g.formulas[r] = formulas[i].map((f, j) => snapshotFormula(f, values[i][j]));
        g.numberFormats[r] = formats[i].map(snapshotNumberFormat);
      }
      doneCells += chunk.rows * chunk.sheet.columnCount;
      loadedCells += chunk.rows * chunk.sheet.columnCount;
      if (pending.length > 1) loadedBytes += jsonBytes(values) + jsonBytes(formulas) + jsonBytes(formats);
    }
    pending = pending.slice(1);
    if (pending.length > 0 && loadedCells > 0) {
      // Size what is left by what the data really weighed, with a margin; a denser part still falls back above.
      const measured = Math.max(8, Math.ceil((loadedBytes / loadedCells) * MEASURED_MARGIN));
      if (Math.abs(measured - bytesPerCell) / bytesPerCell > 0.2) {
        bytesPerCell = measured;
        pending = packChunks(pending.flat(), Math.floor(limit / bytesPerCell));
      }
    }
    onProgress?.(Math.min(1, doneCells / totalCells));
  }

  const sheets: SheetSnapshot[] = extents.map((e) => {
    const g = grids.get(e.name)!;
    const snapshot: SheetSnapshot = {
      name: e.name,
      top: e.rowIndex,
      left: e.columnIndex,
      values: g.values,
      formulas: g.formulas,
      numberFormats: g.numberFormats,
      hidden: e.hidden,
    };
    undoMarks(snapshot, record);
    const trimmed = trimSnapshot(snapshot);
    const m = merges.get(e.name);
    if (m) trimmed.merges = m;
    return trimmed;
  });

  return {
    sheets,
    syncs,
    state: {
      sheetNames: names,
      activeSheet: book.activeSheet,
      recordExists,
      record,
      recordFingerprint: recordFingerprint(record),
      recordRows: recordRows.length,
      structureProtected: book.structureProtected,
      protectedSheets,
    },
  };
}

/** Puts back, in the snapshot only, the contents an earlier write-back replaced. */
export function undoMarks(snapshot: SheetSnapshot, record: RecordEntry[]): void {
  for (const entry of record) {
    if (entry.sheet !== snapshot.name || !entry.prior.content) continue;
    const content = entry.prior.content;
    for (const { row, col } of cellsOf(entry)) {
      const r = row - 1 - snapshot.top;
      const c = col - 1 - snapshot.left;
      if (r < 0 || c < 0 || r >= snapshot.values.length) continue;
      if ("formula" in content) {
        snapshot.formulas[r][c] = content.formula;
        if (content.result !== undefined) snapshot.values[r][c] = content.result;
      } else {
        snapshot.values[r][c] = content.constant;
        snapshot.formulas[r][c] = null;
      }
    }
  }
}

/** Drops blank rows and columns around the data, so the snapshot is the same whatever the used range included. */
export function trimSnapshot(s: SheetSnapshot): SheetSnapshot {
  const filled = (r: number, c: number) => {
    const v = s.values[r]?.[c];
    return (v !== null && v !== undefined && v !== "") || !!s.formulas[r]?.[c];
  };
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  s.values.forEach((row, r) => {
    const width = Math.max(row.length, s.formulas[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      if (!filled(r, c)) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  });
  if (bottom < 0) return { name: s.name, top: 0, left: 0, values: [], formulas: [], numberFormats: [], hidden: s.hidden };
  const slice = <T>(rows: T[][]) =>
    rows.slice(top, bottom + 1).map((row) => {
      const out = row.slice(left, right + 1);
      while (out.length < right - left + 1) out.push(null as T);
      return out;
    });
  return {
    name: s.name,
    top: s.top + top,
    left: s.left + left,
    values: slice(s.values),
    formulas: slice(s.formulas),
    numberFormats: slice(s.numberFormats),
    hidden: s.hidden,
  };
}
