/**
 * Excel reads what an add-in writes as if it were typed: "=…" becomes a formula,
 * "123" a number, "TRUE" a boolean, "2020-1-1" a date. These helpers turn a value
 * into the input that stores exactly that value, and read values back.
 */
import type { CellValue } from "../core/types";
import { inputOf } from "../core/cellInput";

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
