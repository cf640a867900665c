/**
 * What a write-back changed, kept inside the workbook (a very hidden sheet) so
 * that 清除标记 — and the next check — restore exactly what was there, even
 * after the file was closed and reopened.
 *
 * Only the aspects the add-in changed are recorded (a flagged score cell records
 * its fill, never its value), so restoring cannot undo an edit the user made to a
 * value after the check. Cells with the same prior state in consecutive rows of one
 * column share one row of the record ("H5:H52"), which keeps it small for long tables.
 *
 * Row 1: RECORD_HEADER. Then one row per entry: sheet name | A1 range | JSON of PriorState.
 * Pure data: no Office.js here, so any host can read and write the same record.
 */
import type { CellValue } from "../core/types";
import { parseRange } from "../core/address";
import { columnRuns, rangeAddress } from "./ranges";

export const RECORD_SHEET_NAME = "_scorecheck_addin";
export const RECORD_HEADER = ["scorecheck add-in record v1", "range", "prior"] as const;

/** Sheets the add-in keeps for itself (this record, and the exceljs host's). Never read as data. */
export function isRecordSheet(name: string): boolean {
  return name === RECORD_SHEET_NAME || name === "_scorecheck";
}

/**
 * A cell's content before it was written: its formula (with the result it showed, so that the
 * next check sees the same numbers), or its constant (null for blank).
 */
export type PriorContent = { formula: string; result?: CellValue } | { constant: CellValue };

export interface PriorState {
  content?: PriorContent;
  /** Fill as 6 hex digits, or null for no fill. */
  fill?: string | null;
  wrap?: boolean;
  /** The add-in added a note here (there was none), to be removed. */
  note?: true;
  /** Column width in points, for a whole-column entry ("H:H"). */
  width?: number;
}

export interface RecordEntry {
  sheet: string;
  /** "H5", "H5:H52" (one column) or "H:H" (a column's width). */
  range: string;
  prior: PriorState;
}

export interface PriorCell {
  sheet: string;
  row: number;
  col: number;
  prior: PriorState;
}

/** Column entries ("H:H") carry a width; everything else is cells. */
export function isColumnEntry(e: RecordEntry): boolean {
  return /^[A-Z]+:[A-Z]+$/i.test(e.range);
}

export function encodeRecord(entries: RecordEntry[]): string[][] {
  return [[...RECORD_HEADER], ...entries.map((e) => [e.sheet, e.range, JSON.stringify(e.prior)])];
}

/** Reads record rows back (the used range's values of the record sheet); damaged rows are skipped, never guessed. */
export function decodeRecord(rows: unknown[][]): RecordEntry[] {
  if (rows.length === 0 || rows[0][0] !== RECORD_HEADER[0]) return [];
  const out: RecordEntry[] = [];
  for (const row of rows.slice(1)) {
    const [sheet, range, json] = row;
    if (typeof sheet !== "string" || typeof range !== "string" || typeof json !== "string" || !sheet || !range) continue;
    try {
      const prior = JSON.parse(json) as PriorState;
      if (prior && typeof prior === "object") out.push({ sheet, range, prior });
    } catch {
      // A damaged row: skip it.
    }
  }
  return out;
}

/** Every cell of a cell entry, 1-based. */
export function cellsOf(entry: RecordEntry): { row: number; col: number }[] {
  if (isColumnEntry(entry)) return [];
  const r = parseRange(entry.range);
  if (!r) return [];
  const out: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

/** Entries of consecutive cells in one column with the same prior state, so each is one record row. */
export function compressPriors(cells: PriorCell[]): RecordEntry[] {
  const bySheet = new Map<string, PriorCell[]>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet) ?? [];
    list.push(c);
    bySheet.set(c.sheet, list);
  }
  const out: RecordEntry[] = [];
  for (const [sheet, list] of bySheet) {
    for (const run of columnRuns(list, (c) => JSON.stringify(c.prior))) {
      out.push({ sheet, range: rangeAddress(run.top, run.col, run.bottom, run.col), prior: run.items[0].prior });
    }
  }
  return out;
}

/** Cell by cell, the prior state an entry list records (later entries never overlap earlier ones). */
export function priorMap(entries: RecordEntry[], sheet: string): Map<string, PriorState> {
  const map = new Map<string, PriorState>();
  for (const e of entries) {
    if (e.sheet !== sheet) continue;
    for (const c of cellsOf(e)) map.set(`${c.row}:${c.col}`, { ...map.get(`${c.row}:${c.col}`), ...e.prior });
  }
  return map;
}
