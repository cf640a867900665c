/**
 * Values as ET hands them over, and the inputs that store exactly a value. What a
 * multi-cell Value2 / Formula returns is not documented: a 2-D array (as VBA's
 * SAFEARRAY), an object answering Item(r, c) (reported in WPS), or, for one cell, a
 * scalar. toGrid accepts all three.
 */
import type { CellValue } from "../core/types";

/** A block read as rows × columns, whatever shape ET gave it in. */
export function toGrid(block: unknown, rows: number, columns: number): unknown[][] {
  if (Array.isArray(block)) {
    if (block.length > 0 && Array.isArray(block[0])) return block as unknown[][];
    // A flat array: one row (or one column) of cells.
    if (rows === 1) return [block as unknown[]];
    return (block as unknown[]).map((v) => [v]);
  }
  if (block !== null && typeof block === "object" && typeof (block as { Item?: unknown }).Item === "function") {
    const item = (block as { Item(r: number, c: number): unknown }).Item.bind(block);
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => item(r + 1, c + 1)));
  }
  return rows === 1 && columns === 1 ? [[block]] : Array.from({ length: rows }, () => new Array<unknown>(columns).fill(block));
}

/**
 * VBA's error values as they cross COM (CVErr codes 0x800A07D0 + n): the error's text, as the
 * other hosts give it. What WPS hands JavaScript for an error cell is unverified.
 */
const CV_ERRORS = new Map<number, string>([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
]);

/** A Value2 cell as a snapshot value (null for blank). */
export function snapshotValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number") return CV_ERRORS.get(v) ?? v;
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** "FFC7CE" as ET's BGR integer. */
export function bgrOfHex(hex: string): number {
  const n = parseInt(hex, 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}

/** ET's BGR integer as "FFC7CE". */
export function hexOfBgr(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return [r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("").toUpperCase();
}
