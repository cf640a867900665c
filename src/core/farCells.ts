/**
 * A snapshot is a dense array from its top-left to its bottom-right cell, so one
 * stray cell at XFD1048576 would make it 17 billion cells. Work from the cells
 * that exist: when the box around them is far larger than they are, cells
 * separated from the rest by a wide empty gap are left out of the snapshot.
 * They stay in the workbook (write-back never touches them); they are only not
 * looked at, and they cannot be part of the table: a table ends at its first
 * blank rows.
 */
import { matchHeader } from "./headers";
import type { CellValue, SheetSnapshot } from "./types";

export interface PlacedCell {
  r: number;
  c: number;
  value: unknown;
}

/** Boxes up to this many cells are always kept whole (a 50,000-row table of 40 columns). */
const MIN_AREA = 2_000_000;
/** Otherwise the box may hold this many blank cells per cell that exists. */
const AREA_PER_CELL = 8;
/** The first gap, in empty rows or columns, that splits the cells into bands; narrowed until the box fits. */
const FIRST_GAP = 1024;

function area(cells: PlacedCell[]): number {
  if (cells.length === 0) return 0;
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (const { r, c } of cells) {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  return (bottom - top + 1) * (right - left + 1);
}

function isHeaderWord(v: unknown): boolean {
  if (typeof v !== "string" || v.length > 40) return false;
  const m = matchHeader(v);
  return m !== undefined && m.strength >= 2;
}

/**
 * Splits the cells into bands along rows or columns wherever more than `gap`
 * empty lines lie between two cells, and keeps one band: the one with the most
 * header words (权重, 得分 …), then the one with the most cells, then the first.
 */
function keepOneBand(cells: PlacedCell[], axis: "r" | "c", gap: number): PlacedCell[] {
  const sorted = [...cells].sort((a, b) => a[axis] - b[axis]);
  let best: { from: number; to: number; headers: number; size: number } | undefined;
  let from = 0;
  let headers = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (isHeaderWord(sorted[i].value)) headers++;
    const end = i === sorted.length - 1 || sorted[i + 1][axis] - sorted[i][axis] > gap + 1;
    if (!end) continue;
    const size = i + 1 - from;
    if (!best || headers > best.headers || (headers === best.headers && size > best.size)) best = { from, to: i + 1, headers, size };
    from = i + 1;
    headers = 0;
  }
  return best ? sorted.slice(best.from, best.to) : cells;
}

/** Whether `count` cells whose box has this area are all worth a dense snapshot (withoutFarCells keeps them all). */
export function keepsWholeBox(count: number, boxArea: number): boolean {
  return boxArea <= Math.max(MIN_AREA, AREA_PER_CELL * count);
}

/** The cells worth a dense snapshot: all of them, unless their box is mostly empty and very large. */
export function withoutFarCells<T extends PlacedCell>(cells: T[]): T[] {
  const budget = Math.max(MIN_AREA, AREA_PER_CELL * cells.length);
  let kept: PlacedCell[] = cells;
  for (let gap = FIRST_GAP; gap >= 1 && area(kept) > budget; gap = Math.floor(gap / 4)) {
    kept = keepOneBand(kept, "r", gap);
    if (area(kept) > budget) kept = keepOneBand(kept, "c", gap);
  }
  return kept as T[];
}

/** A cell a reader found, with what the snapshot keeps of it (1-based row and column). */
export interface FoundCell extends PlacedCell {
  value: CellValue;
  formula: string | null;
  format: string | null;
}

/**
 * The snapshot of the cells a reader found: far cells left out, the rest in one dense box
 * from the top-left to the bottom-right cell that remains; everything between is blank.
 */
export function snapshotOfCells(name: string, hidden: boolean, found: FoundCell[], merges?: string[]): SheetSnapshot {
  const cells = withoutFarCells(found);
  const extra = merges === undefined ? {} : { merges };
  if (cells.length === 0) return { name, top: 0, left: 0, values: [], formulas: [], numberFormats: [], ...extra, hidden };
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const { r, c } of cells) {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  for (const cell of cells) {
    values[cell.r - top][cell.c - left] = cell.value;
    formulas[cell.r - top][cell.c - left] = cell.formula;
    numberFormats[cell.r - top][cell.c - left] = cell.format;
  }
  return { name, top: top - 1, left: left - 1, values, formulas, numberFormats, ...extra, hidden };
}
