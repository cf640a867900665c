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
  /** A start tag. `tag` is the text between "<" and ">" (name, attributes, a final "/"). */
  open(name: string, tag: string, selfClosing: boolean): void;
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

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's text, decoded; the first of a repeated name wins. */
export function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < tag.length && !isNameEnd(tag.charCodeAt(i))) i++;
  ATTRIBUTE.lastIndex = i;
  for (let m = ATTRIBUTE.exec(tag); m !== null; m = ATTRIBUTE.exec(tag)) {
    const value = m[2] ?? m[3] ?? "";
    if (!(m[1] in out)) out[m[1]] = value.indexOf("&") < 0 && value.indexOf("\r") < 0 ? value : decodeXmlText(value);
  }
  return out;
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
        h.close(s.slice(i + 2, end).trim());
      } else {
        let nameEnd = i + 1;
        while (nameEnd < end && !isNameEnd(s.charCodeAt(nameEnd))) nameEnd++;
        const name = s.slice(i + 1, nameEnd);
        const selfClosing = s.charCodeAt(end - 1) === SLASH;
        const tag = s.slice(i + 1, selfClosing ? end - 1 : end);
        h.open(name, tag, selfClosing);
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
