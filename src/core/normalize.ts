/**
 * Text normalisation shared by header matching and value parsing:
 * full-width ASCII to half-width, ideographic space to space, line breaks removed.
 */

function isFullWidth(c: number): boolean {
  return (c >= 0xff01 && c <= 0xff5e) || c === 0x3000;
}

/** By UTF-16 unit: surrogate halves are never in the full-width range, so they are copied as they are. */
export function toHalfWidth(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && !isFullWidth(s.charCodeAt(i))) i++;
  if (i === n) return s; // the common case: nothing to convert, no new string
  // One new string; appending a character at a time made one per character (（ ） in most names).
  return s.replace(FULL_WIDTH, halfWidthOf);
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

function halfWidthOf(ch: string): string {
  const c = ch.charCodeAt(0);
  return c === 0x3000 ? " " : String.fromCharCode(c - 0xfee0);
}

/** Exactly the characters of the regular expression class [\s\u200b]. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Whether normalizeText would change a half-width text: a line break, tab, no-break or zero-width
 * space, two spaces running, or whitespace at either end. Most cells have none of these, and the
 * check is a loop where the replacements would be three new strings per cell.
 */
function needsNormalizing(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1))) return true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0d || c === 0x0a || c === 0x09 || c === 0xa0 || c === 0x200b) return true;
    if (c === 0x20 && s.charCodeAt(i + 1) === 0x20) return true;
  }
  return false;
}

/** Half-width, no line breaks, collapsed and trimmed spaces. */
export function normalizeText(s: string): string {
  const half = toHalfWidth(s);
  if (!needsNormalizing(half)) return half;
  return half
    .replace(/[\r\n\t\u00a0\u200b]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** What compactText removes (any whitespace) or converts (full-width forms). */
const COMPACTED = /[\s\u200b\uff01-\uff5e]/g;

function compactedOf(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0xff01 ? String.fromCharCode(c - 0xfee0) : "";
}

/**
 * Half-width with every whitespace removed: for comparing words and headers. One pass and one
 * new string at most: most names hold full-width brackets, and several rules compact each name.
 */
export function compactText(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && !isFullWidth(s.charCodeAt(i)) && !isSpace(s.charCodeAt(i))) i++;
  if (i === n) return s; // nothing to convert or remove: no new string
  // The ideographic space is whitespace, removed; no other full-width form becomes whitespace.
  return s.replace(COMPACTED, compactedOf);
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return normalizeText(String(v));
}

const EXCEL_ERROR = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export function isExcelError(v: unknown): v is string {
  return typeof v === "string" && EXCEL_ERROR.test(v.trim());
}
