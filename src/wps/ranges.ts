/** A1 addresses for ET calls. */
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
