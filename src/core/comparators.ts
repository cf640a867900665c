/**
 * Comparators written before a number (≥, 不低于, 大于 …) or after it (…以上,
 * …以内, …内), SPEC §2. Texts here are already half-width and without spaces.
 */
import type { Comparator } from "./types";

/** Written before the number. Longest first, so that 不超过 wins over 超过 and 大于等于 over 等于. */
const PREFIXES: [string, Comparator][] = (
  [
    ["大于或等于", ">="],
    ["小于或等于", "<="],
    ["大于等于", ">="],
    ["小于等于", "<="],
    ["不低于", ">="],
    ["不少于", ">="],
    ["不小于", ">="],
    ["不高于", "<="],
    ["不超过", "<="],
    ["不多于", "<="],
    ["不大于", "<="],
    ["至少", ">="],
    ["最少", ">="],
    ["最多", "<="],
    ["大于", ">"],
    ["高于", ">"],
    ["超过", ">"],
    ["多于", ">"],
    ["小于", "<"],
    ["低于", "<"],
    ["少于", "<"],
    ["等于", "="],
    [">=", ">="],
    ["=>", ">="],
    ["<=", "<="],
    ["=<", "<="],
    ["≥", ">="],
    ["≧", ">="],
    ["⩾", ">="],
    ["≤", "<="],
    ["≦", "<="],
    ["⩽", "<="],
    [">", ">"],
    ["<", "<"],
    ["﹥", ">"],
    ["﹤", "<"],
    ["=", "="],
    ["﹦", "="],
    // Look-alikes printed for = on some pages: box-drawing double line, 〓.
    ["═", "="],
    ["〓", "="],
  ] as [string, Comparator][]
).sort((a, b) => b[0].length - a[0].length);

/** Written after the number and its unit. */
const SUFFIXES: [string, Comparator][] = [
  ["及以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
  ["之内", "<="],
  ["内", "<="],
];

/** 指标性质 cells of split targets may say 正向 / 反向 instead of a symbol. */
const KIND_WORDS: [RegExp, Comparator][] = [
  [/^正向(指标)?$/, ">="],
  [/^反向(指标)?$/, "<="],
];

/** The comparator that `before` (the text just before a number) ends with, and its length. */
export function comparatorBefore(before: string): { comparator: Comparator; length: number } | undefined {
  // "不低于:95%" — allow a colon between the word and the number.
  const trimmed = before.replace(/[:：]$/, "");
  for (const [word, comparator] of PREFIXES) {
    if (trimmed.endsWith(word)) return { comparator, length: word.length + (before.length - trimmed.length) };
  }
  return undefined;
}

/** The comparator that `after` (the text just after a number and its unit) starts with. */
export function comparatorAfter(after: string): Comparator | undefined {
  const s = after.replace(/^\((含|包含|包括)\)/, "");
  // 内 as in 3日内, not as in 内容 / 内部 / 内控.
  if (/^内(容|部|在|外|涵|控|设|网)/.test(s)) return undefined;
  for (const [word, comparator] of SUFFIXES) if (s.startsWith(word)) return comparator;
  return undefined;
}

/** A whole 指标性质 cell read as a comparator (≥, 不低于, 正向 …). */
export function comparatorOfKindCell(text: string): Comparator | undefined {
  for (const [re, comparator] of KIND_WORDS) if (re.test(text)) return comparator;
  for (const [word, comparator] of PREFIXES) if (text === word) return comparator;
  for (const [word, comparator] of SUFFIXES) if (text === word) return comparator;
  return undefined;
}

/** The usual symbol of a comparator, for composing a split target's text. */
export const COMPARATOR_SYMBOL: Record<Comparator, string> = {
  ">=": "≥",
  "<=": "≤",
  ">": ">",
  "<": "<",
  "=": "=",
};

export function isAtLeast(c: Comparator): boolean {
  return c === ">=" || c === ">";
}

export function isAtMost(c: Comparator): boolean {
  return c === "<=" || c === "<";
}

export function isStrict(c: Comparator): boolean {
  return c === ">" || c === "<";
}
