/** A1 addresses for Office.js calls, and grouping of cells into the fewest rectangular writes. */
import { cellAddress, columnLetter } from "../core/address";

/** "A1:C3" from 1-based bounds (one cell gives "A1"). */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  return top === bottom && left === right ? a : `${a}:${cellAddress(bottom, right)}`;
}

/** Whole-column address "H:H". */
export function columnAddress(col: number): string {
  const L = columnLetter(col);
  return `${L}:${L}`;
}

/** Drops a "Sheet1!" or "'My sheet'!" prefix. */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0 ? address : address.slice(bang + 1);
}

/** Splits "Sheet1!A1:B2, Sheet1!C3" (as RangeAreas.address gives it) into bare A1 ranges. */
export function splitAreas(address: string): string[] {
  return address
    .split(",")
    .map((a) => stripSheet(a.trim()).replace(/\$/g, ""))
    .filter((a) => a.length > 0);
}

export { columnRuns, type Run } from "../core/record";

/** Bytes a value takes in a JSON request (UTF-8), for payload budgeting. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}
