/**
 * The record of what a write-back changed, kept in the workbook (very hidden sheet) so that
 * 清除标记 — and the next check — restore exactly what was there, after save and reopen too.
 *
 * The WPS host keeps it in the Excel add-in's format and sheet (`_scorecheck_addin`: row 1 a
 * header, then sheet | A1 range | JSON of the prior state, aspects only), so a copy marked in
 * WPS and opened in Excel clears there, and the other way round. Hosts may not import each
 * other: this is the add-in's format restated, until the record moves into the core
 * (issue 18, item 2). Only the rows cross into WPS: recordSheet.ts loads and stores them.
 */
import type { CellValue } from "../core/types";
import { cellAddress, parseRange } from "../core/address";

export const RECORD_SHEET_NAME = "_scorecheck_addin";
/** The command line's and the page's record: a copy they annotated. Never read as data. */
export const CLI_RECORD_SHEET = "_scorecheck";
export const RECORD_HEADER = ["scorecheck add-in record v1", "range", "prior"] as const;

export function isRecordSheet(name: string): boolean {
  return name === RECORD_SHEET_NAME || name === CLI_RECORD_SHEET;
}

export type PriorContent = { formula: string; result?: CellValue } | { constant: CellValue };

export interface PriorState {
  content?: PriorContent;
  /** Fill as 6 hex digits, or null for none. */
  fill?: string | null;
  wrap?: boolean;
  /** A note was added here (there was none): remove it. */
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

export function isColumnEntry(e: RecordEntry): boolean {
  return /^[A-Z]+:[A-Z]+$/i.test(e.range);
}

export function encodeRecord(entries: RecordEntry[]): string[][] {
  return [[...RECORD_HEADER], ...entries.map((e) => [e.sheet, e.range, JSON.stringify(e.prior)])];
}

/** Record rows back into entries; damaged rows are skipped, never guessed. */
export function decodeRecord(rows: unknown[][]): RecordEntry[] {
  if (rows.length === 0 || rows[0][0] !== RECORD_HEADER[0]) return [];
  const out: RecordEntry[] = [];
  for (const [sheet, range, json] of rows.slice(1)) {
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

export function cellsOf(entry: RecordEntry): { row: number; col: number }[] {
  if (isColumnEntry(entry)) return [];
  const r = parseRange(entry.range);
  if (!r) return [];
  const out: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

export interface Run<T> {
  col: number;
  top: number;
  bottom: number;
  items: T[];
}

/** Cells of one column grouped into runs of consecutive rows with the same key: each run is one range. */
export function columnRuns<T extends { row: number; col: number }>(cells: T[], key: (c: T) => string = () => ""): Run<T>[] {
  const sorted = cells.slice().sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Run<T>[] = [];
  let cur: Run<T> | undefined;
  let curKey = "";
  for (const c of sorted) {
    const k = key(c);
    if (cur && cur.col === c.col && c.row === cur.bottom + 1 && k === curKey) {
      cur.bottom = c.row;
      cur.items.push(c);
    } else {
      cur = { col: c.col, top: c.row, bottom: c.row, items: [c] };
      curKey = k;
      runs.push(cur);
    }
  }
  return runs;
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  return top === bottom && left === right ? a : `${a}:${cellAddress(bottom, right)}`;
}

/** Consecutive cells of one column with the same prior state share one record row. */
export function compressPriors(cells: PriorCell[]): RecordEntry[] {
  const bySheet = new Map<string, PriorCell[]>();
  for (const c of cells) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  const out: RecordEntry[] = [];
  for (const [sheet, list] of bySheet) {
    for (const run of columnRuns(list, (c) => JSON.stringify(c.prior))) {
      out.push({ sheet, range: rangeAddress(run.top, run.col, run.bottom, run.col), prior: run.items[0].prior });
    }
  }
  return out;
}

/** Cell by cell, the prior state the entries record for one sheet. */
export function priorMap(entries: RecordEntry[], sheet: string): Map<string, PriorState> {
  const map = new Map<string, PriorState>();
  for (const e of entries) {
    if (e.sheet !== sheet) continue;
    for (const c of cellsOf(e)) map.set(`${c.row}:${c.col}`, { ...map.get(`${c.row}:${c.col}`), ...e.prior });
  }
  return map;
}
