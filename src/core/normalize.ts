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
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

/** Half-width, no line breaks, collapsed and trimmed spaces. */
export function normalizeText(s: string): string {
  return toHalfWidth(s)
    .replace(/[\r\n\t\u00a0\u200b]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** Half-width with every whitespace removed: for comparing words and headers. */
export function compactText(s: string): string {
  return toHalfWidth(s).replace(/[\s\u00a0\u200b]+/g, "");
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
