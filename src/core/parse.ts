/**
 * Reads a 目标值 or 完成情况 cell into an IndicatorValue (SPEC §2): its
 * normalised text, comparator, numbers with percent and unit, and the
 * qualitative level of a completion word.
 *
 * Not-applicable marks: `/`, `—`, `-`, 不适用, 不涉及 give kind "notApplicable".
 * 无 does not: it is also the unmet word of a result (and the met target of
 * 无安全事故), so it gives kind "text" with level "unmet"; `isNotApplicableMark`
 * (words.ts) tells the judge that it is one of the marks of a row that does
 * not apply.
 */
import type { CellValue, Comparator, IndicatorValue } from "./types";
import { isExcelError, normalizeText, toHalfWidth } from "./normalize";
import { COMPARATOR_SYMBOL, comparatorOfKindCell } from "./comparators";
import { readQuantities } from "./quantities";
import { isPlainNotApplicableMark, levelOfWord } from "./words";
import { readNumberFormat, serialToDateText } from "./numberFormat";

export { isReverseIndicator } from "./reverse";

export interface ParseOptions {
  /** The cell's number format; "0.0%" turns 0.985 into 98.5 %. */
  numberFormat?: string | null;
  /** Reverse indicator: a bare number reads as "at most". */
  reverse?: boolean;
  /** 指标性质 cell of a split target (">=", "≤", "不低于", 正向 …). */
  kindCell?: CellValue;
  /** 度量单位 cell of a split target. */
  unitCell?: CellValue;
  /** Is this the target (bare number → comparator) or the actual (bare number → none)? Default target. */
  role?: "target" | "actual";
}

/** Line breaks inside a cell are wrapping: join CJK without a space, words with one. */
function removeLineBreaks(s: string): string {
  return s.replace(/[ \t\u3000]*[\r\n\u2028\u2029]+[ \t\u3000]*/g, (m, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + m.length] ?? "";
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? " " : "";
  });
}

export function normalizeValueText(s: string): string {
  return normalizeText(removeLineBreaks(toHalfWidth(s)));
}

/** A number as people write it: no float noise (0.1 + 0.2 → 0.3), no exponent for ordinary sizes. */
function numberText(n: number): string {
  const clean = Number(n.toPrecision(12));
  if (Math.abs(clean) >= 1e21 || (clean !== 0 && Math.abs(clean) < 1e-6)) return String(clean);
  return clean.toString();
}

function cellString(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? numberText(v) : "";
  if (typeof v === "boolean") return "";
  return normalizeValueText(String(v));
}

function defaultComparator(opts: ParseOptions): Comparator | undefined {
  if (opts.role === "actual") return undefined;
  return opts.reverse ? "<=" : ">=";
}

/** The split target's 指标性质 and 度量单位, normalised. */
function splitParts(opts: ParseOptions): { kind?: Comparator; unit: string } {
  const kindText = toHalfWidth(cellString(opts.kindCell)).replace(/\s+/g, "");
  const unit = toHalfWidth(cellString(opts.unitCell)).replace(/\s+/g, "").replace(/^[(（](.*)[)）]$/, "$1");
  return { kind: kindText ? comparatorOfKindCell(kindText) : undefined, unit };
}

function parseNumberCell(raw: number, opts: ParseOptions): IndicatorValue {
  if (!Number.isFinite(raw)) return { text: String(raw), kind: "text" };
  const format = readNumberFormat(opts.numberFormat);
  if (format.isDate && !format.scalesToPercent) return { text: serialToDateText(raw), kind: "text" };
  const split = splitParts(opts);
  const value = Number((format.scalesToPercent ? raw * 100 : raw).toPrecision(12));
  if (!Number.isFinite(value)) return { text: String(raw), kind: "text" };
  const percent = format.scalesToPercent || format.literalPercent || split.unit === "%";
  const unit = percent ? undefined : split.unit || format.unit;
  const comparator = split.kind ?? defaultComparator(opts);
  const text = `${split.kind ? COMPARATOR_SYMBOL[split.kind] : ""}${numberText(value)}${percent ? "%" : ""}${unit ?? ""}`;
  return {
    text,
    kind: "number",
    ...(comparator ? { comparator } : {}),
    value,
    values: [value],
    ...(unit ? { unit } : {}),
    percent,
    ...(percent && value === 100 && !split.kind ? { level: "met" as const } : {}),
  };
}

function parseText(text: string, opts: ParseOptions): IndicatorValue {
  if (!text) return { text, kind: "empty" };
  if (isExcelError(text)) return { text, kind: "text" };
  if (isPlainNotApplicableMark(text)) return { text, kind: "notApplicable" };
  const level = levelOfWord(text);
  const quantities = readQuantities(text);
  const first = quantities[0];
  if (!first) return { text, kind: "text", ...(level ? { level } : {}) };
  const comparator = first.comparator ?? defaultComparator(opts);
  return {
    text,
    kind: "number",
    ...(comparator ? { comparator } : {}),
    value: first.value,
    values: quantities.map((q) => q.value),
    ...(first.unit ? { unit: first.unit } : {}),
    percent: first.percent,
    ...(level ? { level } : {}),
  };
}

/** A split target's value text with its 指标性质 in front and its 度量单位 after, when the text lacks them. */
function withSplitParts(text: string, opts: ParseOptions): string {
  if (opts.kindCell === undefined && opts.unitCell === undefined) return text;
  if (!text) return text;
  // Words (完成, 不适用) take neither: only a value with a number is completed.
  const first = readQuantities(text)[0];
  if (!first) return text;
  const split = splitParts(opts);
  let out = text;
  if (split.kind && !first.comparator) out = COMPARATOR_SYMBOL[split.kind] + out;
  if (split.unit && /\d$/.test(out.replace(/\s+/g, ""))) out += split.unit;
  return out;
}

function parseUnsafe(raw: CellValue, opts: ParseOptions): IndicatorValue {
  if (raw === null || raw === undefined) return { text: "", kind: "empty" };
  if (typeof raw === "number") return parseNumberCell(raw, opts);
  if (typeof raw === "boolean") {
    return { text: raw ? "TRUE" : "FALSE", kind: "text", level: raw ? "met" : "unmet" };
  }
  if (typeof raw !== "string") return { text: "", kind: "text" };
  return parseText(withSplitParts(normalizeValueText(raw), opts), opts);
}

/**
 * Targets and results recur down a table (100%, ≥95%, 完成), so the reading of a
 * text cell is kept by its text and what else it depends on (role, reverse; not
 * when a split target's kind or unit cell takes part). Readings are frozen and
 * shared: a long table's rows then hold a few hundred readings, not one per cell.
 */
const READINGS = new Map<string, IndicatorValue>();
const READINGS_MAX = 100_000;

function frozen(v: IndicatorValue): IndicatorValue {
  if (v.values) Object.freeze(v.values);
  return Object.freeze(v);
}

function parseKept(raw: string, opts: ParseOptions): IndicatorValue {
  const key = `${opts.role === "actual" ? "a" : opts.reverse ? "r" : "t"}\u0000${raw}`;
  let v = READINGS.get(key);
  if (v === undefined) {
    if (READINGS.size >= READINGS_MAX) READINGS.clear();
    v = frozen(parseUnsafe(raw, opts));
    READINGS.set(key, v);
  }
  return v;
}

/** Never throws: anything unreadable comes back as kind "text" (or "empty"). */
export function parseIndicatorValue(raw: CellValue, opts: ParseOptions = {}): IndicatorValue {
  try {
    opts = opts ?? {};
    if (typeof raw === "string" && opts.kindCell === undefined && opts.unitCell === undefined) return parseKept(raw, opts);
    return parseUnsafe(raw, opts);
  } catch {
    let text = "";
    try {
      text = typeof raw === "string" ? raw : "";
    } catch {
      text = "";
    }
    return { text, kind: text ? "text" : "empty" };
  }
}
