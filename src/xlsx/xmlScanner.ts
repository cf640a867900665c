/**
 * A small streaming XML tokenizer for the worksheet parts of an .xlsx: start
 * tags (with their raw attribute text), end tags and text, fed in chunks of any
 * size. It does what the worksheet reader needs and no more — no namespaces, no
 * DTD, no validation — at several times the speed of a general SAX parser, as
 * it makes no object per event and reads attributes only where asked.
 *
 * XML that matters here: comments, processing instructions and <!DOCTYPE> are
 * skipped; CDATA is text; entity and character references are decoded (the five
 * predefined entities and &#…; / &#x…;); line ends are normalised to "\n" as
 * XML requires (a &#13; reference stays "\r"). Quoted attribute values may hold
 * ">" and "/". A document cut short leaves markup pending; `end()` reports it.
 */

export interface XmlHandler {
  /**
   * A start tag. Its attributes are the text of `src` from `start` to `end` (read them
   * with attributeValue / attributesOf): positions rather than a copy, as most tags'
   * attributes are never looked at.
   */
  open(name: string, src: string, start: number, end: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data: `raw` still holds references (decode with decodeXmlText) unless `literal` (CDATA). */
  text(raw: string, literal: boolean): void;
}

const GT = 62; // >
const SLASH = 47; // /
const QUOTE = 34; // "
const APOS = 39; // '

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;
}

/** Index of the ">" that ends the tag starting at `from`, past quoted attribute values; -1 when not yet there. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === QUOTE || c === APOS) {
      quote = c;
    } else if (c === GT) {
      return i;
    }
  }
  return -1;
}

function normaliseLineEnds(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeReference(whole: string, body: string): string {
  if (body.charCodeAt(0) === 35 /* # */) {
    const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88; // x X
    const code = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[body] ?? whole;
}

/** Character data or an attribute value as the document means it: line ends normalised, references decoded. */
export function decodeXmlText(raw: string): string {
  const s = normaliseLineEnds(raw);
  return s.indexOf("&") < 0 ? s : s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);/g, decodeReference);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function attributeText(src: string, vs: number, ve: number): string {
  const value = src.slice(vs, ve);
  return value.indexOf("&") < 0 && value.indexOf("\r") < 0 ? value : decodeXmlText(value);
}

/**
 * Reads the attributes of a start tag (its text in `src` from `start` to `end`):
 * with `names`, the values of those attributes into `out` at the same index
 * (undefined when absent); without, every attribute into `all`. The first of a
 * repeated name wins; a malformed rest is ignored. No object per attribute.
 */
function readAttributes(src: string, start: number, end: number, names: readonly string[] | undefined, out: (string | undefined)[], all?: Record<string, string>): void {
  for (let k = 0; k < out.length; k++) out[k] = undefined;
  let i = start;
  while (i < end) {
    while (i < end && isSpace(src.charCodeAt(i))) i++;
    const ns = i;
    while (i < end) {
      const c = src.charCodeAt(i);
      if (isSpace(c) || c === 61 /* = */ || c === SLASH) break;
      i++;
    }
    const ne = i;
    while (i < end && isSpace(src.charCodeAt(i))) i++;
    if (ne === ns || src.charCodeAt(i) !== 61) return;
    i++;
    while (i < end && isSpace(src.charCodeAt(i))) i++;
    const quote = src.charCodeAt(i);
    if (quote !== QUOTE && quote !== APOS) return;
    const vs = i + 1;
    const ve = src.indexOf(quote === QUOTE ? '"' : "'", vs);
    if (ve < 0 || ve > end) return;
    i = ve + 1;
    if (names) {
      for (let k = 0; k < names.length; k++) {
        const name = names[k];
        if (out[k] === undefined && ne - ns === name.length && src.startsWith(name, ns)) out[k] = attributeText(src, vs, ve);
      }
    } else if (all) {
      const name = src.slice(ns, ne);
      if (!(name in all)) all[name] = attributeText(src, vs, ve);
    }
  }
}

/** Reads the attributes `names` of a start tag into `out` (same index; undefined when absent). */
export function attributeValues(src: string, start: number, end: number, names: readonly string[], out: (string | undefined)[]): void {
  if (out.length !== names.length) out.length = names.length;
  readAttributes(src, start, end, names, out);
}

const ONE: (string | undefined)[] = [undefined];

/** The value of one attribute of a start tag (its text in `src` from `start` to `end`), decoded. */
export function attributeValue(src: string, start: number, end: number, name: string): string | undefined {
  readAttributes(src, start, end, [name], ONE);
  return ONE[0];
}

/** Every attribute of a start tag, decoded; the first of a repeated name wins. */
export function attributesOf(src: string, start = 0, end = src.length): Record<string, string> {
  const all: Record<string, string> = {};
  let i = start;
  while (i < end && !isNameEnd(src.charCodeAt(i))) i++;
  readAttributes(src, i, end, undefined, [], all);
  return all;
}

/** The names worksheets and shared strings are made of, so that reading them makes no new string. */
const COMMON_NAMES = ["c", "v", "f", "t", "r", "row", "is", "si", "rPh", "rPr", "sheetData", "mergeCell"];
const BY_LENGTH: string[][] = [];
for (const n of COMMON_NAMES) (BY_LENGTH[n.length] ??= []).push(n);

/** The tag name in `s` from `from` to `to`: a shared constant for the common ones. */
function nameAt(s: string, from: number, to: number): string {
  const candidates = BY_LENGTH[to - from];
  if (candidates) {
    for (const n of candidates) if (s.startsWith(n, from)) return n;
  }
  return s.slice(from, to);
}

export class XmlScanner {
  private pending = "";

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next piece of the document (decoded text; see utf8Text in stream.ts for bytes). */
  write(chunk: string): void {
    const s = this.pending.length > 0 ? this.pending + chunk : chunk;
    const n = s.length;
    const h = this.handler;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) break; // text runs on into the next chunk
      if (lt > i) h.text(s.slice(i, lt), false);
      i = lt;
      const next = s.charCodeAt(i + 1);
      if (next === 33 /* ! */) {
        if (s.startsWith("<!--", i)) {
          const end = s.indexOf("-->", i + 4);
          if (end < 0) break;
          i = end + 3;
        } else if (s.startsWith("<![CDATA[", i)) {
          const end = s.indexOf("]]>", i + 9);
          if (end < 0) break;
          h.text(normaliseLineEnds(s.slice(i + 9, end)), true);
          i = end + 3;
        } else {
          if (i + 9 > n) break; // not enough to tell a comment or CDATA from a declaration
          const end = tagEnd(s, i + 2);
          if (end < 0) break;
          i = end + 1;
        }
        continue;
      }
      if (next === 63 /* ? */) {
        const end = s.indexOf("?>", i + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      if (Number.isNaN(next)) break; // a lone "<" at the end of the chunk
      const end = tagEnd(s, i + 1);
      if (end < 0) break;
      if (next === SLASH) {
        let nameEnd = end;
        while (nameEnd > i + 2 && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
        h.close(nameAt(s, i + 2, nameEnd));
      } else {
        let nameEnd = i + 1;
        while (nameEnd < end && !isNameEnd(s.charCodeAt(nameEnd))) nameEnd++;
        const name = nameAt(s, i + 1, nameEnd);
        const selfClosing = s.charCodeAt(end - 1) === SLASH;
        h.open(name, s, nameEnd, selfClosing ? end - 1 : end, selfClosing);
        if (selfClosing) h.close(name);
      }
      i = end + 1;
    }
    this.pending = i < n ? s.slice(i) : "";
  }

  /** The document is complete: anything still pending is markup cut short (trailing text is ignored). */
  end(): void {
    const rest = this.pending;
    this.pending = "";
    if (rest.indexOf("<") >= 0) throw new Error("XML ends inside markup");
  }
}
