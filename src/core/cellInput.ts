/**
 * Excel and WPS 表格 read what an add-in writes as if it were typed: "=…" becomes a formula,
 * "123" a number, "TRUE" a boolean, "2020-1-1" a date. These helpers turn a value into the
 * input that stores exactly that value, and read formulas and formats back, for both hosts.
 */
import type { CellValue } from "./types";

const LOOKS_PARSED =
  /^(?:[=+\-@'#]|\s*(?:true|false)\s*$)|^[\s\d.,:/$¥￥%()\-+eE年月日时分秒]*\d[\s\d.,:/$¥￥%()\-+eE年月日时分秒]*$|^[A-Za-z]{3,9}[\s\-/]\d/i;

/** True when the spreadsheet would not keep the string as typed text. */
export function needsQuotePrefix(s: string): boolean {
  return LOOKS_PARSED.test(s);
}

/** The input (Range.formulas in Office.js, Range.Formula in ET) that stores `value` as it is: text stays text, null clears. */
export function inputOf(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return needsQuotePrefix(value) ? `'${value}` : value;
  return value;
}

/**
 * A formula read gives the formula of a formula cell and the constant of the rest;
 * a quote-prefixed text "=x" comes back equal to its value, which tells it apart.
 */
export function snapshotFormula(formula: unknown, value: unknown): string | null {
  if (typeof formula !== "string" || !formula.startsWith("=") || formula.length < 2) return null;
  if (formula === value) return null;
  return formula;
}

/** "General" (G/通用格式 in a Chinese WPS) is no format; snapshots keep null for it, as the exceljs reader does. */
export function snapshotNumberFormat(f: unknown): string | null {
  if (typeof f !== "string" || f === "" || f === "General" || f === "G/通用格式") return null;
  return f;
}
