import type { CellValue, IndicatorValue } from "./types";

export interface ParseOptions {
  /** The cell's number format; "0.0%" turns 0.985 into 98.5 %. */
  numberFormat?: string | null;
  /** Reverse indicator: a bare number reads as "at most". */
  reverse?: boolean;
  /** 指标性质 cell of a split target (">=", "≤", "不低于" …). */
  kindCell?: CellValue;
  /** 度量单位 cell of a split target. */
  unitCell?: CellValue;
  /** Is this the target (bare number → comparator) or the actual (bare number → "=")? */
  role?: "target" | "actual";
}

// STUB — replaced by the parse module (SPEC §2).
export function parseIndicatorValue(raw: CellValue, opts: ParseOptions = {}): IndicatorValue {
  void opts;
  const text = raw === null ? "" : String(raw).trim();
  if (!text) return { text, kind: "empty" };
  if (typeof raw === "number") return { text, kind: "number", value: raw, values: [raw] };
  return { text, kind: "text" };
}

/** 投诉率, 差错率, 时限, …个工作日: a bare target number reads as "at most". */
export function isReverseIndicator(indicator: string, target = ""): boolean {
  void indicator;
  void target;
  return false;
}
