/**
 * A small streaming XML tokenizer for the worksheet parts of an .xlsx: start
 * tags (with their raw attribute text), end tags and text, fed in chunks of any
 * size. It does what the worksheet reader needs and no more — no namespaces, no
 * DTD — at several times the speed of a general SAX parser, as it makes no
 * object per event and reads attributes only where asked.
 *
 * XML that matters here: comments and processing instructions are skipped;
 * CDATA is text; entity and character references are decoded (the five
 * predefined entities and &#…; / &#x…;); line ends are normalised to "\n" as
 * XML requires (a &#13; reference stays "\r"). Quoted attribute values may hold
 * ">" and "/".
 *
 * It refuses (MalformedXmlError) every document saxes — the parser of exceljs's
 * full load — refuses, so that the streaming read and the full load never
 * disagree on what can be read: a bare "&" or an unknown entity, a character
 * XML forbids, "<" in an attribute value, "]]>" in text, a bad tag or attribute
 * name, attributes without a value, quotes or separating space, a repeated
 * attribute, a mismatched or unmatched end tag, text or a second element
 * outside the root, a misplaced XML declaration, a malformed comment. It is
 * stricter where saxes (as exceljs drives it) lets a broken document through:
 * a document cut short (elements left open), a DOCTYPE (no real part has one).
 * Each check is a comparison on positions the tokenizer finds anyway, or a
 * search that runs once over each chunk.
 */

export interface XmlHandler {
  /**
   * A start tag. Its attributes are the text of `src` from `start` to `end` (read them
   * with attributeValue / attributesOf): positions rather than a copy, as most tags'
   * attributes are never looked at. The scanner's `parent` is the element it opens in.
   */
  open(name: string, src: string, start: number, end: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data: `raw` still holds references (decode with decodeXmlText) unless `literal` (CDATA). */
  text(raw: string, literal: boolean): void;
}

/** The document is not well-formed XML (what a conforming parser, saxes in exceljs's full load, refuses). */
export class MalformedXmlError extends Error {
  constructor(reason: string) {
    super(`malformed XML: ${reason}`);
    this.name = "MalformedXmlError";
  }
}

const GT = 62; // >
const SLASH = 47; // /
const QUOTE = 34; // "
const APOS = 39; // '

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;
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
  if (names && start === checked.from && end === checked.to && checked.count >= 0 && src === checked.src) {
    // The tag the scanner has just checked: its attributes' positions are known.
    for (let a = 0; a < checked.count; a++) {
      const ns = spans[4 * a];
      const length = spans[4 * a + 1] - ns;
      for (let k = 0; k < names.length; k++) {
        const name = names[k];
        if (out[k] === undefined && length === name.length && src.startsWith(name, ns)) out[k] = attributeText(src, spans[4 * a + 2], spans[4 * a + 3]);
      }
    }
    return;
  }
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

/** The tag name in `s` from `from` to `to`: a shared constant for the common ones; with `check`, refused when it is no XML name. */
function nameAt(s: string, from: number, to: number, check: boolean): string {
  const candidates = BY_LENGTH[to - from];
  if (candidates) {
    for (const n of candidates) if (s.startsWith(n, from)) return n;
  }
  if (check && !isName(s, from, to)) throw new MalformedXmlError("bad tag name");
  return s.slice(from, to);
}

/** Characters XML 1.0 does not allow anywhere in a document (saxes: "disallowed character"). */
const DISALLOWED_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

function hasDisallowedChar(s: string): boolean {
  // Three searches are faster than one over a class with both ends of the range.
  return DISALLOWED_CONTROL.test(s) || s.indexOf("\uFFFE") >= 0 || s.indexOf("\uFFFF") >= 0;
}
const NAME = /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][-.0-9\u00B7\u0300-\u036F\u203F\u2040:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]*$/u;
const XML_DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][-A-Za-z0-9._]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>$/;

function isNameChar(c: number): boolean {
  // Letters, digits, - . _ :, and anything beyond ASCII (checked in full by NAME when it occurs).
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 45 || c === 46 || c === 95 || c >= 128;
}

/** A name made only of ASCII letters, digits and - . _ : that does not start with a digit, - or .; else the full rule. */
function isName(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const first = s.charCodeAt(from);
  let ascii = (first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95 || first === 58;
  for (let i = from + 1; ascii && i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || !isNameChar(c)) ascii = false;
  }
  return ascii || NAME.test(s.slice(from, to));
}

function isXmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Checks every "&" of `s` from `from` to `to` starts a reference XML knows; returns the first "&" at or after `to` (or Infinity). */
function checkReferences(s: string, from: number, to: number): number {
  let at = from;
  while (at < to) {
    const semi = s.indexOf(";", at + 1);
    if (semi < 0 || semi >= to || semi - at > 12) throw new MalformedXmlError("bare & (not an entity reference)");
    if (s.charCodeAt(at + 1) === 35 /* # */) {
      const hex = s.charCodeAt(at + 2) === 120; // x
      const digits = s.slice(at + (hex ? 3 : 2), semi);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) || !isXmlChar(parseInt(digits, hex ? 16 : 10))) {
        throw new MalformedXmlError(`malformed character reference ${s.slice(at, semi + 1)}`);
      }
    } else if (!Object.prototype.hasOwnProperty.call(ENTITIES, s.slice(at + 1, semi))) {
      throw new MalformedXmlError(`undefined entity ${s.slice(at, semi + 1)}`);
    }
    const next = s.indexOf("&", semi + 1);
    at = next < 0 ? Infinity : next;
  }
  return at;
}

function isAllSpace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/**
 * The attributes of the last start tag checked, as positions (name start, name end, value
 * start, value end) in `checked.src`: reading a checked tag's attributes then needs no second parse.
 */
const MAX_RECORDED = 32;
const spans = new Int32Array(4 * MAX_RECORDED);
const checked = { src: "", from: -1, to: -1, count: -1 };

/** Where the name of the start tag `scanStartTag` read ends, where its attributes end, and whether it closes itself. */
const tag = { nameEnd: 0, attributesEnd: 0, selfClosing: false };

/** The tag runs into `limit`: the next "<" (malformed), or the end of the text (the tag goes on in the next chunk: -1). */
function cutAt(limit: number, n: number): number {
  if (limit < n) throw new MalformedXmlError('"<" inside a tag');
  return -1;
}

/**
 * Reads a start tag whose name begins at `from`, in one pass: its name, then each
 * attribute (space before it, a valid name, "=", a quoted value; no name twice),
 * recording their positions for attributeValues; then ">" or "/>". `limit` is the
 * next "<" (or the text's length): the tag must end before it. Returns the index of
 * the ">", or -1 when the text ends first (the tag goes on in the next chunk).
 * ("&" is checked over the whole tag by the caller.)
 */
function scanStartTag(s: string, from: number, limit: number): number {
  const n = s.length;
  let i = from;
  for (; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13) break;
  }
  tag.nameEnd = i;
  let count = 0;
  for (;;) {
    const spaceAt = i;
    while (i < limit && isSpace(s.charCodeAt(i))) i++;
    if (i >= limit) return cutAt(limit, n);
    let c = s.charCodeAt(i);
    if (c === GT || c === SLASH) {
      tag.attributesEnd = i;
      tag.selfClosing = c === SLASH;
      if (c === SLASH) {
        if (i + 1 >= limit) return cutAt(limit, n);
        if (s.charCodeAt(i + 1) !== GT) throw new MalformedXmlError('"/" in a start tag not followed by ">"');
        i++;
      }
      break;
    }
    if (i === spaceAt) throw new MalformedXmlError("no whitespace between attributes");
    const ns = i;
    let ascii = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
    if (!ascii && c < 128) throw new MalformedXmlError("bad attribute name");
    for (i++; i < limit; i++) {
      c = s.charCodeAt(i);
      if (!isNameChar(c)) break;
      if (c >= 128) ascii = false;
    }
    const ne = i;
    while (i < limit && isSpace(s.charCodeAt(i))) i++;
    if (i >= limit) return cutAt(limit, n);
    if (!ascii && !NAME.test(s.slice(ns, ne))) throw new MalformedXmlError("bad attribute name");
    if (s.charCodeAt(i) !== 61 /* = */) throw new MalformedXmlError("attribute without value");
    i++;
    while (i < limit && isSpace(s.charCodeAt(i))) i++;
    if (i >= limit) return cutAt(limit, n);
    const quote = s.charCodeAt(i);
    if (quote !== QUOTE && quote !== APOS) throw new MalformedXmlError("unquoted attribute value");
    const vs = i + 1;
    const ve = s.indexOf(quote === QUOTE ? '"' : "'", vs);
    if (ve < 0 || ve >= limit) return cutAt(limit, n);
    i = ve + 1;
    if (count < MAX_RECORDED) {
      for (let k = 0; k < count; k++) {
        const ks = spans[4 * k];
        if (spans[4 * k + 1] - ks !== ne - ns) continue;
        let j = 0;
        while (j < ne - ns && s.charCodeAt(ns + j) === s.charCodeAt(ks + j)) j++;
        if (j === ne - ns) throw new MalformedXmlError(`duplicate attribute ${s.slice(ns, ne)}`);
      }
      spans[4 * count] = ns;
      spans[4 * count + 1] = ne;
      spans[4 * count + 2] = vs;
      spans[4 * count + 3] = ve;
    } else {
      // More attributes than are recorded (no real tag has so many): the repeated-name check goes on by text.
      if (count === MAX_RECORDED) {
        extraNames = new Set<string>();
        for (let k = 0; k < MAX_RECORDED; k++) extraNames.add(s.slice(spans[4 * k], spans[4 * k + 1]));
      }
      const name = s.slice(ns, ne);
      if (extraNames!.has(name)) throw new MalformedXmlError(`duplicate attribute ${name}`);
      extraNames!.add(name);
    }
    count++;
  }
  checked.src = s;
  checked.from = tag.nameEnd;
  checked.to = tag.attributesEnd;
  checked.count = count <= MAX_RECORDED ? count : -1;
  return i;
}

let extraNames: Set<string> | undefined;

export class XmlScanner {
  private pending = "";
  /** The elements open, outermost first. */
  private readonly stack: string[] = [];
  /** 0 before the root element, 1 inside it, 2 after it. */
  private root: 0 | 1 | 2 = 0;
  /** Characters of the document before `pending`. */
  private consumed = 0;

  constructor(private readonly handler: XmlHandler) {}

  /** The element the current tag or text is in (during `open`, the new element's parent); undefined at the top. */
  get parent(): string | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Feeds the next piece of the document (decoded text; see utf8Text in stream.ts for bytes). */
  write(chunk: string): void {
    if (this.consumed === 0 && this.pending.length === 0 && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1); // a byte-order mark
    if (hasDisallowedChar(chunk)) throw new MalformedXmlError("a character XML does not allow");
    const s = this.pending.length > 0 ? this.pending + chunk : chunk;
    const n = s.length;
    const h = this.handler;
    const stack = this.stack;
    // The next "&" and "]]>" of the chunk: each is searched for once, then checked where it falls.
    let amp = s.indexOf("&");
    if (amp < 0) amp = Infinity;
    let cdataEnd = s.indexOf("]]>");
    if (cdataEnd < 0) cdataEnd = Infinity;
    let i = 0;
    let lt = s.indexOf("<");
    while (i < n) {
      if (lt < 0) break; // text runs on into the next chunk
      if (lt > i) {
        if (this.root !== 1 && !isAllSpace(s, i, lt)) throw new MalformedXmlError("text outside the root element");
        if (amp < lt) amp = checkReferences(s, amp, lt);
        if (cdataEnd < lt) throw new MalformedXmlError('"]]>" in text');
        h.text(s.slice(i, lt), false);
      }
      i = lt;
      const next = s.charCodeAt(i + 1);
      if (next === 33 /* ! */) {
        let end: number;
        if (s.startsWith("<!--", i)) {
          end = s.indexOf("-->", i + 4);
          if (end < 0) break;
          const dashes = s.indexOf("--", i + 4);
          if (dashes < end || s.charCodeAt(end - 1) === 45) throw new MalformedXmlError("-- in a comment");
          end += 3;
        } else if (s.startsWith("<![CDATA[", i)) {
          end = s.indexOf("]]>", i + 9);
          if (end < 0) break;
          if (this.root !== 1) throw new MalformedXmlError("CDATA outside the root element");
          h.text(normaliseLineEnds(s.slice(i + 9, end)), true);
          end += 3;
        } else {
          if (i + 9 > n && ("<![CDATA[".startsWith(s.slice(i, i + 9)) || "<!--".startsWith(s.slice(i, i + 4)))) break;
          // A DOCTYPE (with its entities) or another declaration: no part of a workbook has one.
          throw new MalformedXmlError(s.startsWith("<!DOCTYPE", i) ? "a DOCTYPE" : "a declaration XML does not allow here");
        }
        i = end;
        if (amp < i) amp = nextAt(s, "&", i);
        if (cdataEnd < i) cdataEnd = nextAt(s, "]]>", i);
        lt = s.indexOf("<", i);
        continue;
      }
      if (next === 63 /* ? */) {
        const end = s.indexOf("?>", i + 2);
        if (end < 0) break;
        let te = i + 2;
        while (te < end && !isSpace(s.charCodeAt(te))) te++;
        if (!isName(s, i + 2, te)) throw new MalformedXmlError("bad processing instruction");
        if (te - i - 2 === 3 && s.slice(i + 2, te).toLowerCase() === "xml") {
          if (this.consumed + i !== 0) throw new MalformedXmlError("an XML declaration not at the start");
          if (!XML_DECLARATION.test(s.slice(i, end + 2))) throw new MalformedXmlError("a malformed XML declaration");
        }
        i = end + 2;
        if (amp < i) amp = nextAt(s, "&", i);
        if (cdataEnd < i) cdataEnd = nextAt(s, "]]>", i);
        lt = s.indexOf("<", i);
        continue;
      }
      if (Number.isNaN(next)) break; // a lone "<" at the end of the chunk
      let end: number;
      let nextLt: number;
      if (next === SLASH) {
        end = s.indexOf(">", i + 2);
        // No "<" inside a tag; found at once, also when the tag never ends.
        nextLt = s.indexOf("<", i + 1);
        if (nextLt >= 0 && (end < 0 || nextLt < end)) throw new MalformedXmlError('"<" inside a tag');
        if (end < 0) break;
        if (amp < end) amp = checkReferences(s, amp, end);
        let nameEnd = end;
        while (nameEnd > i + 2 && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
        const name = nameAt(s, i + 2, nameEnd, false);
        const open = stack.pop();
        if (open !== name) throw new MalformedXmlError(open === undefined ? `unmatched end tag </${name}>` : `end tag </${name}> where </${open}> was due`);
        h.close(name);
        if (stack.length === 0) this.root = 2;
      } else {
        nextLt = s.indexOf("<", i + 1);
        end = scanStartTag(s, i + 1, nextLt < 0 ? n : nextLt);
        if (end < 0) break;
        if (amp < end) amp = checkReferences(s, amp, end);
        const name = nameAt(s, i + 1, tag.nameEnd, true);
        const selfClosing = tag.selfClosing;
        if (this.root === 2) throw new MalformedXmlError("a second root element");
        this.root = 1;
        h.open(name, s, tag.nameEnd, tag.attributesEnd, selfClosing);
        if (selfClosing) {
          h.close(name);
          if (stack.length === 0) this.root = 2;
        } else {
          stack.push(name);
        }
      }
      if (cdataEnd < end) cdataEnd = nextAt(s, "]]>", end);
      i = end + 1;
      lt = nextLt;
    }
    this.consumed += i;
    this.pending = i < n ? s.slice(i) : "";
  }

  /** The document is complete: it must have had its root element, closed, and nothing but space after it. */
  end(): void {
    const rest = this.pending;
    this.pending = "";
    if (rest.indexOf("<") >= 0) throw new MalformedXmlError("the document ends inside markup");
    if (this.stack.length > 0) throw new MalformedXmlError(`the document ends with <${this.stack[this.stack.length - 1]}> still open`);
    if (this.root !== 2) throw new MalformedXmlError("no root element");
    if (!isAllSpace(rest, 0, rest.length)) throw new MalformedXmlError("text outside the root element");
  }
}

function nextAt(s: string, what: string, from: number): number {
  const at = s.indexOf(what, from);
  return at < 0 ? Infinity : at;
}
