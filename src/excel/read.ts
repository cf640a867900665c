/**
 * Reads the workbook into the engine's snapshots with as few syncs as Office.js allows:
 *   1. the sheets (names, visibility), the active sheet, workbook protection;
 *   2. each sheet's used range (its extent only), sheet protection, the record and, from
 *      ExcelApi 1.9, how many cells hold a constant or a formula (getSpecialCellsOrNullObject);
 *   3. values, formulas and number formats of every used range, plus merged areas, in as
 *      many requests as the payload limit needs: one while it fits, else the fewest requests
 *      of at most PAYLOAD_BUDGET_SHARE of the limit, the cells shared evenly among them.
 * Only when a used range is far larger than its cells (a stray cell at XFD1048576 makes it
 * 17 billion) does one more sync, between 2 and 3, ask where those cells are; then only they
 * are read, and cells far from the table are left out of the snapshot as the exceljs readers do.
 * Marks from an earlier write-back are undone in memory, so the check sees the user's data.
 */
import type { CellValue, SheetSnapshot } from "../core/types";
import type { RangeRef } from "../core/address";
import { snapshotOfCells, type FoundCell } from "../core/farCells";
import { type ExcelEnv, type ExcelFeatures, PAYLOAD_BUDGET_SHARE, WEB_PAYLOAD_LIMIT, isPayloadTooLarge } from "./env";
import { snapshotValue } from "./cellInput";
import { snapshotFormula, snapshotNumberFormat } from "../core/cellInput";
import { jsonBytes, rangeAddress, splitAreas } from "./ranges";
import { areaRefs, isSparse, readRects } from "./extent";
import { isRulesSheet } from "../core/config/stored";
import { type RecordEntry, LEGACY_RECORD_SHEET, RECORD_SHEET, decodeRecord, decodeLegacyRecord, isRecordSheet, undoMarks } from "../core/record";

/** Bytes a blank cell takes in a response of values, formulas and number formats: `"",` `"",` `"General",`. */
export const BLANK_CELL_BYTES = 16;
/**
 * Bytes a cell with content takes there (its text twice, as value and as formula, and its format),
 * measured on realistic tables: 47 on the benchmark's, 62 on the seed table; planning with 56 keeps
 * a request of the seed's density under the limit.
 */
export const FILLED_CELL_BYTES = 56;
/** Bytes per cell when how many are blank is unknown (below ExcelApi 1.9): measured 37 (benchmark) and 49 (seed). */
export const ESTIMATED_BYTES_PER_CELL = 44;
/** Margin over the bytes per cell measured on the requests so far, when sizing the rest. */
export const MEASURED_MARGIN = 1.1;
/** Cells in one range load at most (Excel refuses a get over five million cells). */
export const MAX_CELLS_PER_LOAD = 1_000_000;

/**
 * Merged areas are asked for over the whole used range of an ordinary table; over a very
 * long one only its top rows (the header) and as many bottom rows (the total and grade rows,
 * where the write plan must know them): the query fails past 512 areas, and a long table
 * merges its level cells every few rows.
 */
export const MERGE_QUERY_MAX_ROWS = 2000;
export const MERGE_QUERY_TOP_ROWS = 200;
/** Rows at the top and at the bottom asked for when a query over more failed. */
export const MERGE_EDGE_ROWS = 12;
/** Columns right of the used range searched for merged areas (where the 核查结果 column may go). */
export const MERGE_QUERY_EXTRA_COLUMNS = 16;

/**
 * A used range read as one box may hold at most this many cells (about 40 requests); a larger
 * one is refused. From ExcelApi 1.9 only the cells that exist are read, so this meets only
 * older Excel with a stray cell far from the table.
 */
export const MAX_BOX_CELLS = 10_000_000;

/** Thrown when a sheet's used range is too large to read as one box (see MAX_BOX_CELLS). */
export class UsedRangeTooLargeError extends Error {
  constructor(
    readonly sheet: string,
    readonly cells: number,
  ) {
    super(
      `工作表“${sheet}”的已用区域有 ${cells} 个单元格，过大，无法读取：请删除远离表格的单元格，或使用支持 ExcelApi 1.9 的 Excel。` +
        ` / The used range of sheet "${sheet}" holds ${cells} cells, too many to read: delete the cells far from the table, or use an Excel with ExcelApi 1.9.`,
    );
    this.name = "UsedRangeTooLargeError";
  }
}

/** The two kinds of cells with content, whose areas getSpecialCellsOrNullObject gives. */
const CONTENT_TYPES = ["Constants", "Formulas"] as const;

export interface WorkbookState {
  sheetNames: string[];
  activeSheet: string;
  /** The record sheet exists (even if empty). */
  recordExists: boolean;
  /** The command line's or the page's record (`_scorecheck`) is there too: its entries are in `record`, and the next write-back removes it. */
  cliRecordExists: boolean;
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

/** A rectangle of one sheet read as a block: its used range, or (sparse sheets) one group of its cells. 0-based. */
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
  /** 0-based offset within the block, and row count. */
  firstRow: number;
  rows: number;
}

interface LoadedChunk {
  chunk: Chunk;
  range: Excel.Range;
}

interface Grid {
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
}

/** What the read knows of one data sheet. */
interface SheetRead {
  name: string;
  hidden: boolean;
  /** The used range. */
  box: SheetExtent;
  /** Cells holding a constant or a formula (ExcelApi 1.9), else undefined. */
  filled: number | undefined;
  areas: Excel.RangeAreas[] | undefined;
  /** The blocks read: the used range, or the groups of a sparse sheet's cells. */
  blocks: SheetExtent[];
  sparse: boolean;
}

/** Identifies a record's content, to notice when another runtime (the ribbon command) rewrote it. */
export function recordFingerprint(entries: RecordEntry[]): string {
  return JSON.stringify(entries);
}

function cellCount(e: SheetExtent): number {
  return e.rowCount * e.columnCount;
}

/**
 * Cuts the chunks into row bands and packs them, in order, into syncs of at most `maxCells`
 * cells: a sync is filled before the next starts (a block may continue into the next sync).
 * A single row wider than `maxCells` goes alone.
 */
export function packChunks(chunks: Chunk[], maxCells: number): Chunk[][] {
  const cap = Math.max(1, Math.min(Math.floor(maxCells), MAX_CELLS_PER_LOAD));
  const syncs: Chunk[][] = [];
  let current: Chunk[] = [];
  let room = cap;
  for (const c of chunks) {
    const cols = Math.max(1, c.sheet.columnCount);
    const end = c.firstRow + c.rows;
    let first = c.firstRow;
    while (first < end) {
      let rows = Math.min(end - first, Math.floor(Math.max(0, room) / cols));
      if (rows === 0) {
        if (current.length > 0) {
          syncs.push(current);
          current = [];
          room = cap;
          continue;
        }
        rows = 1;
      }
      const last = current[current.length - 1];
      if (last && last.sheet === c.sheet && last.firstRow + last.rows === first) last.rows += rows;
      else current.push({ sheet: c.sheet, firstRow: first, rows });
      room -= rows * cols;
      first += rows;
    }
  }
  if (current.length > 0) syncs.push(current);
  return syncs;
}

/**
 * The fewest syncs of at most `budgetCells` cells each, the cells shared evenly among them
 * (so that no request runs close to the limit while another is nearly empty).
 */
export function planChunks(chunks: Chunk[], budgetCells: number): Chunk[][] {
  let total = 0;
  let widest = 1;
  for (const c of chunks) {
    total += c.rows * c.sheet.columnCount;
    if (c.sheet.columnCount > widest) widest = c.sheet.columnCount;
  }
  const budget = Math.max(1, Math.floor(budgetCells));
  const syncs = Math.max(1, Math.ceil(total / budget));
  // One row of slack (within the budget), so that rounding to whole rows does not need one more sync.
  return packChunks(chunks, Math.min(budget, Math.ceil(total / syncs) + widest));
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

/** Queues a load of a record sheet's rows (the add-in's unless named); read `.values` after the sync. */
export function loadRecordRange(context: Excel.RequestContext, sheet: string = RECORD_SHEET): Excel.Range {
  return context.workbook.worksheets.getItem(sheet).getUsedRange().load("values");
}

type RecordState = Pick<WorkbookState, "recordExists" | "cliRecordExists" | "record" | "recordFingerprint" | "recordRows">;

/**
 * Queues the loads of the add-in's record and, in a copy the command line or the page
 * annotated before there was one format (LEGACY_RECORD_SHEET); returns what to read after the sync. The
 * fingerprint covers the add-in's record alone: that is the one a write-back rewrites.
 */
export function loadRecords(context: Excel.RequestContext, sheetNames: string[]): () => RecordState {
  const recordExists = sheetNames.includes(RECORD_SHEET);
  const cliRecordExists = sheetNames.includes(LEGACY_RECORD_SHEET);
  const own = recordExists ? loadRecordRange(context) : undefined;
  const cli = cliRecordExists ? loadRecordRange(context, LEGACY_RECORD_SHEET) : undefined;
  return () => {
    const rows = own ? (own.values as unknown[][]) : [];
    const entries = decodeRecord(rows);
    const fromCli = cli ? decodeLegacyRecord(cli.values as unknown[][]) : [];
    return {
      recordExists,
      cliRecordExists,
      record: [...entries, ...fromCli],
      recordFingerprint: recordFingerprint(entries),
      recordRows: rows.length,
    };
  };
}

/** Cells with content the areas count (-1, past 2^31, reads as unknown). */
function filledCount(areas: Excel.RangeAreas[]): number {
  let n = 0;
  for (const a of areas) {
    if (a.isNullObject) continue;
    if (a.cellCount < 0) return Infinity;
    n += a.cellCount;
  }
  return n;
}

function blockOf(sheet: SheetRead, r: RangeRef): SheetExtent {
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    rowIndex: r.top - 1,
    columnIndex: r.left - 1,
    rowCount: r.bottom - r.top + 1,
    columnCount: r.right - r.left + 1,
  };
}

/**
 * Sync 2b, only for sheets whose used range is far larger than their cells: the areas of their
 * constants and formulas, grouped into the blocks to read. A sheet whose areas cannot be had
 * is read whole, as below ExcelApi 1.9. Returns the syncs taken (0 or 1).
 */
async function findCells(context: Excel.RequestContext, sheets: SheetRead[]): Promise<number> {
  const sparse = sheets.filter((s) => s.areas && s.filled !== undefined && isSparse(cellCount(s.box), s.filled));
  if (sparse.length === 0) return 0;
  for (const s of sparse) for (const a of s.areas!) if (!a.isNullObject) a.load("address");
  try {
    await context.sync();
  } catch {
    return 1;
  }
  for (const s of sparse) {
    const rects: RangeRef[] = [];
    let readable = true;
    for (const a of s.areas!) {
      if (a.isNullObject) continue;
      const refs = areaRefs(a.address);
      if (!refs) {
        readable = false;
        break;
      }
      for (const r of refs) rects.push(r);
    }
    if (!readable || rects.length === 0) continue;
    s.blocks = readRects(rects).map((r) => blockOf(s, r));
    s.sparse = true;
  }
  return 1;
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

  // Sync 2: extents, protection, record, and how many cells hold something.
  const names = book.sheets.map((s) => s.name);
  const dataSheets = book.sheets.filter((s) => !isRecordSheet(s.name) && !isRulesSheet(s.name));
  const used = dataSheets.map((s) => {
    const ws = context.workbook.worksheets.getItem(s.name);
    const range = (features.usedRangeValuesOnly ? ws.getUsedRange(true) : ws.getUsedRange()).load(
      "rowIndex,columnIndex,rowCount,columnCount",
    );
    const protection = features.formatting12 ? ws.protection.load("protected") : undefined;
    // Queued in this same request, so that noticing a stray far cell costs no sync of its own.
    const areas = features.specialCells ? CONTENT_TYPES.map((t) => range.getSpecialCellsOrNullObject(t).load("cellCount")) : undefined;
    return { sheet: s, range, protection, areas };
  });
  const records = loadRecords(context, names);
  await context.sync();
  syncs++;

  const recordState = records();
  const { record } = recordState;
  const protectedSheets = new Set(used.filter((u) => u.protection?.protected).map((u) => u.sheet.name));
  const sheets: SheetRead[] = used.map((u) => {
    const box: SheetExtent = {
      name: u.sheet.name,
      hidden: u.sheet.visibility !== "Visible",
      rowIndex: u.range.rowIndex,
      columnIndex: u.range.columnIndex,
      rowCount: u.range.rowCount,
      columnCount: u.range.columnCount,
    };
    return { name: box.name, hidden: box.hidden, box, filled: u.areas ? filledCount(u.areas) : undefined, areas: u.areas, blocks: [box], sparse: false };
  });
  // The active sheet first: it is the one the user means when several hold a table.
  sheets.sort((a, b) => Number(b.name === book.activeSheet) - Number(a.name === book.activeSheet));

  syncs += await findCells(context, sheets);

  for (const s of sheets) {
    // Below ExcelApi 1.9 nothing tells where a huge used range's cells are (a stray cell at
    // XFD1048576 makes it 17 billion): refuse it, rather than read for hours.
    if (!s.sparse && cellCount(s.box) > MAX_BOX_CELLS) throw new UsedRangeTooLargeError(s.name, cellCount(s.box));
  }

  // Sync 3 (and one more per chunk when the data exceeds one request).
  const limit = (env.payloadLimit ?? WEB_PAYLOAD_LIMIT) * PAYLOAD_BUDGET_SHARE;
  const blocks = sheets.flatMap((s) => s.blocks);
  const totalCells = blocks.reduce((n, b) => n + cellCount(b), 0) || 1;
  let bytesPerCell = ESTIMATED_BYTES_PER_CELL;
  if (sheets.every((s) => s.filled !== undefined && Number.isFinite(s.filled))) {
    const filled = Math.min(totalCells, sheets.reduce((n, s) => n + s.filled!, 0));
    bytesPerCell = (filled * FILLED_CELL_BYTES + (totalCells - filled) * BLANK_CELL_BYTES) / totalCells;
  }
  const grids = new Map<SheetExtent, Grid>();
  for (const b of blocks) {
    grids.set(b, {
      values: Array.from({ length: b.rowCount }, () => []),
      formulas: Array.from({ length: b.rowCount }, () => []),
      numberFormats: Array.from({ length: b.rowCount }, () => []),
    });
  }
  const merges = new Map<string, string[]>();
  // "full": the ranges mergeQueryAddresses gives; "edges": only a few rows at the top and bottom, after a query failed
  // (past 512 areas); "none" after that too failed.
  let mergeMode: "full" | "edges" | "none" = features.mergedAreas ? "full" : "none";
  let doneCells = 0;
  let measuredBytes = 0;
  let measuredCells = 0;

  let pending = planChunks(
    blocks.map((sheet) => ({ sheet, firstRow: 0, rows: sheet.rowCount })),
    limit / bytesPerCell,
  );
  while (pending.length > 0) {
    const batch = pending[0];
    const mergeLoads: { sheet: string; areas: Excel.RangeAreas }[] = [];
    if (mergeMode !== "none") {
      for (const s of sheets) {
        if (merges.has(s.name) || !batch.some((c) => c.sheet.name === s.name)) continue;
        for (const address of mergeQueryAddresses(s, mergeMode === "edges" ? MERGE_EDGE_ROWS : undefined)) {
          const areas = context.workbook.worksheets.getItem(s.name).getRange(address).getMergedAreasOrNullObject();
          areas.load("address");
          mergeLoads.push({ sheet: s.name, areas });
        }
      }
    }
    const loads: LoadedChunk[] = batch.map((chunk) => {
      const { sheet } = chunk;
      const top = sheet.rowIndex + chunk.firstRow + 1;
      const left = sheet.columnIndex + 1;
      const address = rangeAddress(top, left, top + chunk.rows - 1, left + sheet.columnCount - 1);
      const range = context.workbook.worksheets.getItem(sheet.name).getRange(address).load("values,formulas,numberFormat");
      return { chunk, range };
    });
    try {
      await context.sync();
      syncs++;
    } catch (e) {
      syncs++;
      if (isPayloadTooLarge(e) && (batch.length > 1 || batch[0].rows > 1)) {
        // The data was denser than estimated: re-plan what is left with a larger estimate,
        // and never again as much in one request as what just failed.
        bytesPerCell *= 2;
        const failed = batch.reduce((n, c) => n + c.rows * c.sheet.columnCount, 0);
        pending = planChunks(pending.flat(), Math.min(limit / bytesPerCell, failed / 2));
        continue;
      }
      if (mergeLoads.length > 0) {
        // Merged-area queries fail past 512 areas: ask again for the header's and the total's rows only, then not at all.
        mergeMode = mergeMode === "full" ? "edges" : "none";
        continue;
      }
      throw e;
    }
    for (const m of mergeLoads) merges.set(m.sheet, [...(merges.get(m.sheet) ?? []), ...(m.areas.isNullObject ? [] : splitAreas(m.areas.address))]);
    pending = pending.slice(1);
    for (const { chunk, range } of loads) {
      const g = grids.get(chunk.sheet)!;
      const values = range.values;
      const formulas = range.formulas;
      const formats = range.numberFormat;
      for (let i = 0; i < chunk.rows; i++) {
        const r = chunk.firstRow + i;
        g.values[r] = values[i].map(snapshotValue);
        g.formulas[r] = formulas[i].map((f, j) => snapshotFormula(f, values[i][j]));
        g.numberFormats[r] = formats[i].map(snapshotNumberFormat);
      }
      const cells = chunk.rows * chunk.sheet.columnCount;
      doneCells += cells;
      if (pending.length > 0) {
        measuredCells += cells;
        measuredBytes += jsonBytes(values) + jsonBytes(formulas) + jsonBytes(formats);
      }
    }
    if (pending.length > 0 && measuredCells > 0) {
      // Size what is left by what the data really weighed so far, with a margin; a denser part still falls back above.
      bytesPerCell = Math.max(8, (measuredBytes / measuredCells) * MEASURED_MARGIN);
      pending = planChunks(pending.flat(), limit / bytesPerCell);
    }
    onProgress?.(Math.min(1, doneCells / totalCells));
  }

  const snapshots: SheetSnapshot[] = sheets.map((s) => {
    const snapshot = s.sparse ? sparseSnapshot(s, grids) : blockSnapshot(s, grids.get(s.blocks[0])!);
    undoMarks(snapshot, record);
    const trimmed = trimSnapshot(snapshot);
    const m = merges.get(s.name);
    if (m) trimmed.merges = m;
    return trimmed;
  });

  return {
    sheets: snapshots,
    syncs,
    state: {
      sheetNames: names,
      activeSheet: book.activeSheet,
      ...recordState,
      structureProtected: book.structureProtected,
      protectedSheets,
    },
  };
}

/**
 * Where merged areas are asked for: the used range, or a sparse sheet's largest block; when
 * long, its top rows (the header) and its bottom rows (the total and the grade, whose merged
 * labels the write plan must not write into).
 */
function mergeQueryAddresses(s: SheetRead, edgeRows = MERGE_QUERY_TOP_ROWS): string[] {
  const region = s.sparse ? s.blocks.reduce((a, b) => (cellCount(b) > cellCount(a) ? b : a)) : s.box;
  const left = region.columnIndex + 1;
  // A few columns past the used range too: the 核查结果 column goes there, and a merged area there holds no value to widen the used range.
  const right = Math.min(16_384, left + region.columnCount - 1 + MERGE_QUERY_EXTRA_COLUMNS);
  const top = region.rowIndex + 1;
  const bottom = region.rowIndex + region.rowCount;
  const limit = edgeRows === MERGE_QUERY_TOP_ROWS ? MERGE_QUERY_MAX_ROWS : edgeRows * 2;
  if (region.rowCount <= limit) return [rangeAddress(top, left, bottom, right)];
  return [rangeAddress(top, left, top + edgeRows - 1, right), rangeAddress(bottom - edgeRows + 1, left, bottom, right)];
}

function blockSnapshot(s: SheetRead, g: Grid): SheetSnapshot {
  const b = s.blocks[0];
  return { name: s.name, top: b.rowIndex, left: b.columnIndex, values: g.values, formulas: g.formulas, numberFormats: g.numberFormats, hidden: s.hidden };
}

/**
 * A sparse sheet's blocks put together: the cells with content, less those far from the rest
 * (src/core/farCells.ts, as the exceljs readers), in one dense box; everything between is blank.
 */
function sparseSnapshot(s: SheetRead, grids: Map<SheetExtent, Grid>): SheetSnapshot {
  const found: FoundCell[] = [];
  for (const b of s.blocks) {
    const g = grids.get(b)!;
    g.values.forEach((row, i) => {
      row.forEach((value, j) => {
        const formula = g.formulas[i][j];
        if (value === null && formula === null) return;
        found.push({ r: b.rowIndex + i + 1, c: b.columnIndex + j + 1, value, formula, format: g.numberFormats[i][j] });
      });
    });
  }
  return snapshotOfCells(s.name, s.hidden, found);
}

export { undoMarks };

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
