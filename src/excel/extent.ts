/**
 * Where a sheet's cells are, from what Office.js tells about them without reading them:
 * the used range's box, and (ExcelApi 1.9) the areas of its constants and formulas
 * (Range.getSpecialCellsOrNullObject). A stray cell at XFD1048576 makes the box
 * 17 billion cells; the areas say that only a table and one cell exist, so the host
 * reads those two rectangles instead of the box. Pure: no Office.js here.
 */
import { parseRange, type RangeRef } from "../core/address";

/** A box up to this many cells is read whole (about one request of blank cells): finding the areas would cost a sync. */
export const SPARSE_MIN_CELLS = 200_000;
/** A larger box is read whole unless it holds more than this many cells per cell with content. */
export const SPARSE_RATIO = 4;
/** A group of areas whose box is up to this many cells is read as one rectangle. */
export const GROUP_MIN_CELLS = 10_000;

/** True when the box is so much larger than its cells that reading only where the cells are is worth one more sync. */
export function isSparse(boxCells: number, cellsWithContent: number): boolean {
  if (!Number.isFinite(cellsWithContent) || cellsWithContent < 0) return false;
  return boxCells > SPARSE_MIN_CELLS && boxCells > SPARSE_RATIO * cellsWithContent;
}

/**
 * The rectangles of a RangeAreas address ("Sheet1!A1:G60,Sheet1!XFD1048576", sheet names
 * possibly quoted and holding commas or "!"), or undefined when a part cannot be read.
 */
export function areaRefs(address: string): RangeRef[] | undefined {
  const out: RangeRef[] = [];
  let part = "";
  const flush = (): boolean => {
    const bare = part.trim();
    part = "";
    if (bare === "") return true;
    const r = parseRange(bare.replace(/\$/g, ""));
    if (!r) return false;
    out.push(r);
    return true;
  };
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      // A quoted sheet name: skip to its closing quote ('' is a quote inside the name).
      let j = i + 1;
      while (j < address.length && !(address[j] === "'" && address[j + 1] !== "'")) j += address[j] === "'" ? 2 : 1;
      i = j;
      part = "";
    } else if (ch === "!") {
      part = "";
    } else if (ch === ",") {
      if (!flush()) return undefined;
    } else {
      part += ch;
    }
  }
  if (!flush()) return undefined;
  return out;
}

export function areaOf(r: RangeRef): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function boxOf(rs: RangeRef[]): RangeRef {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const r of rs) {
    if (r.top < top) top = r.top;
    if (r.left < left) left = r.left;
    if (r.bottom > bottom) bottom = r.bottom;
    if (r.right > right) right = r.right;
  }
  return { top, left, bottom, right };
}

/** Splits rectangles wherever a whole empty row (or column) lies between them. */
function splitAlong(rs: RangeRef[], axis: "row" | "col"): RangeRef[][] {
  const lo = axis === "row" ? "top" : "left";
  const hi = axis === "row" ? "bottom" : "right";
  const sorted = [...rs].sort((a, b) => a[lo] - b[lo]);
  const parts: RangeRef[][] = [];
  let current: RangeRef[] = [];
  let end = -Infinity;
  for (const r of sorted) {
    if (current.length > 0 && r[lo] > end + 1) {
      parts.push(current);
      current = [];
      end = -Infinity;
    }
    current.push(r);
    if (r[hi] > end) end = r[hi];
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/**
 * The rectangles to read so that every cell with content is read and few blank ones:
 * areas are grouped by cutting along empty rows and columns until each group's box is
 * dense (or small); a group that cannot be cut further yet stays sparse is read area by area.
 * Each cell with content lies in exactly one returned rectangle; the rectangles do not overlap.
 */
export function readRects(areas: RangeRef[]): RangeRef[] {
  const out: RangeRef[] = [];
  const stack: RangeRef[][] = areas.length > 0 ? [areas] : [];
  while (stack.length > 0) {
    const rs = stack.pop()!;
    const box = boxOf(rs);
    const cells = rs.reduce((s, r) => s + areaOf(r), 0);
    if (rs.length === 1 || areaOf(box) <= Math.max(GROUP_MIN_CELLS, SPARSE_RATIO * cells)) {
      out.push(box);
      continue;
    }
    const byRows = splitAlong(rs, "row");
    const parts = byRows.length > 1 ? byRows : splitAlong(rs, "col");
    if (parts.length > 1) {
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
      continue;
    }
    for (const r of rs) out.push(r);
  }
  return out;
}
