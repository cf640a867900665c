/**
 * The numbers written in a 目标值 / 完成情况 text, each with its percent sign,
 * unit and comparator (SPEC §2): "办件量大于 30000 件" → > 30000 件,
 * "3个工作日内完成" → ≤ 3 个工作日, "培训率100%、考核率100%" → 100 %, 100 %.
 */
import type { Comparator } from "./types";
import { compactText } from "./normalize";
import { comparatorAfter, comparatorBefore } from "./comparators";
import { memoByText } from "./memo";
import { unitAt } from "./units";

export interface Quantity {
  value: number;
  percent: boolean;
  unit?: string;
  /** The comparator written before or after the number, if any. */
  comparator?: Comparator;
}

/** Stands in for text that holds digits but no quantity (dates, list markers, ordinals). */
const MASK = "§";

/** Digits that are not quantities: dates, 第3批, list markers (1、 (2) 3.), quoted names (“3550”). */
const NOT_QUANTITIES: RegExp[] = [
  /(19|20)\d{2}年(\d{1,2}月(\d{1,2}[日号])?)?/g,
  /(19|20)\d{2}[-./]\d{1,2}([-./]\d{1,2})?/g,
  /\d{1,2}[-~至到]\d{1,2}月/g,
  /\d{1,2}月(\d{1,2}[日号]|底|末|份|初|前|中旬|上旬|下旬)?/g,
  /第\d+/g,
  /[“"]\d+[”"]/g,
];

const LIST_MARKER = /(^|[,;。:、])(\(\d{1,2}\)|\d{1,2}[、)]|\d{1,2}\.(?!\d))/g;

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+/g;

/** Characters after which a minus sign is a sign and not a dash (1-3). */
const SIGN_CONTEXT = /(^|[≥≧≤≦<>=:﹦为于])$/;

function maskNotQuantities(s: string): string {
  let out = s.replace(/﹪/g, "%").replace(/百分之(\d+(?:\.\d+)?)/g, "$1%");
  for (const re of NOT_QUANTITIES) out = out.replace(re, MASK);
  return out.replace(LIST_MARKER, `$1${MASK}`);
}

/**
 * Targets and results recur down a table (100%, ≥95%, 完成) and each is read
 * by the parser and again by the judge, so readings are kept by text; callers
 * get their own copies. The cache is dropped when it grows past a bound.
 */
const READINGS = new Map<string, Quantity[]>();
const READINGS_MAX = 100_000;

/** Every quantity in the text, in order. The text need not be normalised. */
export function readQuantities(text: string): Quantity[] {
  let found = READINGS.get(text);
  if (found === undefined) {
    if (READINGS.size >= READINGS_MAX) READINGS.clear();
    found = readQuantitiesUncached(text);
    READINGS.set(text, found);
  }
  return found.length === 0 ? [] : found.map((q) => Object.assign({}, q));
}

function readQuantitiesUncached(text: string): Quantity[] {
  const compact = compactText(text);
  if (!/\d/.test(compact)) return []; // no digit, no quantity: skip the masking
  const s = maskNotQuantities(compact);
  const out: Quantity[] = [];
  for (const m of s.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    let value = Number(m[0].replace(/,/g, ""));
    if (!Number.isFinite(value)) continue;
    let before = s.slice(0, start);
    if (before.endsWith("-") && SIGN_CONTEXT.test(before.slice(0, -1))) {
      value = -value;
      before = before.slice(0, -1);
    }
    let after = s.slice(start + m[0].length);
    let percent = false;
    let unit: string | undefined;
    if (after.startsWith("%")) {
      percent = true;
      after = after.slice(1);
    } else {
      unit = unitAt(after);
      if (unit) after = after.slice(unit.length);
      else if (/^[万亿]/.test(after)) {
        value *= after.startsWith("万") ? 1e4 : 1e8;
        after = after.slice(1);
      }
    }
    const comparator = comparatorBefore(before)?.comparator ?? comparatorAfter(after);
    out.push({ value, percent, ...(unit ? { unit } : {}), ...(comparator ? { comparator } : {}) });
  }
  return out;
}

/** The comparator written in the text (the first quantity's), if any. */
export const writtenComparator = memoByText((text: string): Comparator | undefined => readQuantities(text)[0]?.comparator);
