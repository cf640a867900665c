import type { CellValue, NumberCell } from "./types";
import { isExcelError, toHalfWidth } from "./normalize";

/**
 * A weight/score/total cell as a number: numbers as they are, text such as
 * " 2 ", "２", "2分", "1,000" read as numbers; anything else undefined.
 */
export function toNumber(v: CellValue): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v !== "string") return undefined;
  const t = toHalfWidth(v).replace(/\s+/g, "").replace(/,/g, "").replace(/(分|points?|pts?)$/i, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

/** No weight or score is this large; beyond it sums would overflow to Infinity (1e306 × 100 in rounding). */
const LARGEST_POINTS = 1e15;

export function readNumberCell(v: CellValue): NumberCell {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { kind: "empty" };
  const n = toNumber(v);
  if (n !== undefined && Math.abs(n) < LARGEST_POINTS) return { kind: "number", value: n };
  return { kind: "invalid", text: isExcelError(v) ? v.trim() : String(v).trim() };
}
