/**
 * Excel reads what an add-in writes as if it were typed: "=…" becomes a formula,
 * "123" a number, "TRUE" a boolean, "2020-1-1" a date. These helpers turn a value
 * into the input that stores exactly that value, and read values back.
 */
import type { CellValue } from "../core/types";

const LOOKS_PARSED =
  /^(?:[=+\-@'#]|\s*(?:true|false)\s*$)|^[\s\d.,:/$¥￥%()\-+eE年月日时分秒]*\d[\s\d.,:/$¥￥%()\-+eE年月日时分秒]*$|^[A-Za-z]{3,9}[\s\-/]\d/i;

/** True when Excel would not keep the string as typed text. */
export function needsQuotePrefix(s: string): boolean {
  return LOOKS_PARSED.test(s);
}

/** The input (for Range.formulas) that stores `value` as it is: text stays text, null clears. */
export function inputOf(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return needsQuotePrefix(value) ? `'${value}` : value;
  return value;
}

/** The input for a prior cell: its formula when it had one, else its constant. */
export function priorInput(prior: { formula?: string; value?: CellValue }): string | number | boolean {
  if (prior.formula) return prior.formula;
  return inputOf(prior.value ?? null);
}

/** A value as Office.js returns it ("" for blank) to a snapshot value (null for blank). */
export function snapshotValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * Range.formulas gives the formula for formula cells and the constant for the rest;
 * a quote-prefixed text "=x" comes back equal to its value, which tells it apart.
 */
export function snapshotFormula(formula: unknown, value: unknown): string | null {
  if (typeof formula !== "string" || !formula.startsWith("=") || formula.length < 2) return null;
  if (formula === value) return null;
  return formula;
}

/** "General" is Excel's name for no format; snapshots keep null for it, as the exceljs reader does. */
export function snapshotNumberFormat(f: unknown): string | null {
  if (typeof f !== "string" || f === "" || f === "General" || f === "G/通用格式") return null;
  return f;
}
