import { parseRange, type RangeRef } from "../address";

export interface SummedRef extends RangeRef {
  /** Sheet named before "!", unquoted; undefined for the formula's own sheet. */
  sheet?: string;
}

const REF = /(?:('(?:[^']|'')+'|[A-Za-z0-9_.\u4e00-\u9fff]+)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;

/**
 * The cells a total formula adds up: "=SUM(F5:F51)", "=SUM(F5:F20,F22:F51)",
 * "=F5+F6+F7", "=SUM(F5:F51)+F3". Undefined for anything else (other
 * functions, subtraction, constants), which cannot be compared row by row.
 */
export function summedRefs(formula: string): SummedRef[] | undefined {
  const refs: SummedRef[] = [];
  let shape = formula.trim().replace(/^=/, "");
  shape = shape.replace(REF, (_m, sheet: string | undefined, ref: string) => {
    const range = parseRange(ref);
    if (!range) return "?";
    const name = sheet === undefined ? undefined : sheet.replace(/^'|'$/g, "").replace(/''/g, "'");
    refs.push({ ...range, sheet: name });
    return "R";
  });
  shape = shape.replace(/\s+/g, "");
  if (refs.length === 0) return undefined;
  // Fold SUM(R,R,…), (R+R…) and R+R… down to a single R; anything left over is not a plain sum.
  for (;;) {
    const next = shape
      .replace(/SUM\(R(?:[,+]R)*\)/gi, "R")
      .replace(/\(R(?:\+R)*\)/g, "R")
      .replace(/^R(?:\+R)+$/, "R");
    if (next === shape) break;
    shape = next;
  }
  return shape === "R" ? refs : undefined;
}

/**
 * True when two sum formulas add up the same cells of their own sheet, however they are
 * written: "=SUM(F11:F31)+F5" and "=SUM(F11:F31,F5)" are one sum. False when either is not a
 * plain sum, refers to another sheet, or spans more than `limit` cells.
 */
export function sameCellsSummed(a: string, b: string, limit = 2_000_000): boolean {
  const cells = (formula: string): Set<string> | undefined => {
    const refs = summedRefs(formula);
    if (!refs || refs.some((r) => r.sheet !== undefined)) return undefined;
    const out = new Set<string>();
    for (const r of refs) {
      if ((r.bottom - r.top + 1) * (r.right - r.left + 1) + out.size > limit) return undefined;
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.add(`${row}:${col}`);
    }
    return out;
  };
  const x = cells(a);
  const y = x && cells(b);
  if (!x || !y || x.size !== y.size) return false;
  for (const k of x) if (!y.has(k)) return false;
  return true;
}
