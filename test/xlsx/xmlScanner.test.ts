/**
 * The worksheet tokenizer (src/xlsx/xmlScanner.ts) must see what a conforming
 * XML parser sees — saxes, which exceljs's full load uses — however the
 * document is cut into chunks.
 */
import { SaxesParser } from "saxes";
import { XmlScanner, attributeValue, attributesOf, decodeXmlText } from "../../src/xlsx/xmlScanner";

type Event = ["open", string, Record<string, string>] | ["close", string] | ["text", string];

/** Adjacent texts joined; whitespace outside the root element dropped (saxes does not report it). */
function tidy(events: Event[]): Event[] {
  const out: Event[] = [];
  let depth = 0;
  for (const e of events) {
    if (e[0] === "text") {
      const last = out[out.length - 1];
      if (last && last[0] === "text") last[1] += e[1];
      else if (depth > 0 || e[1].trim() !== "") out.push(["text", e[1]]);
      continue;
    }
    depth += e[0] === "open" ? 1 : -1;
    out.push(e);
  }
  return out.filter((e) => e[0] !== "text" || e[1] !== "");
}

function bySaxes(xml: string): Event[] {
  const events: Event[] = [];
  const p = new SaxesParser();
  p.on("opentag", (t) => events.push(["open", t.name, { ...(t.attributes as Record<string, string>) }]));
  p.on("closetag", (t) => events.push(["close", t.name]));
  p.on("text", (t) => events.push(["text", t]));
  p.on("cdata", (t) => events.push(["text", t]));
  p.write(xml).close();
  return tidy(events);
}

function byScanner(chunks: string[]): Event[] {
  const events: Event[] = [];
  const s = new XmlScanner({
    open: (name, src, start, end) => events.push(["open", name, attributesOf(src, start, end)]),
    close: (name) => events.push(["close", name]),
    text: (raw, literal) => events.push(["text", literal ? raw : decodeXmlText(raw)]),
  });
  for (const c of chunks) s.write(c);
  s.end();
  return tidy(events);
}

const SHEET = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="urn:r">',
  "<!-- a comment with <c> and > inside -->",
  '<sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c>',
  "<c r='B1' t='inlineStr'><is><r><t xml:space=\"preserve\"> 完成 &amp; 达成 </t></r><r><t>（第&#20108;批）&#x4e00;</t></r></is></c>",
  '<c r="C1" s="3"><f>IF(A1&lt;&gt;"",A1&amp;"分","")</f><v>3</v></c></row>',
  '<row r="2"><c r="A2" t="str"><f t="shared" ref="A2:A9" si="0">SUM(B2:C2)</f><v>a &quot;b&quot; &apos;c&apos;</v></c>',
  '<c r="B2" t="inlineStr"><is><t>第一行\r\n第二行\r第三行&#13;</t></is></c>',
  '<c r="C2" t="inlineStr"><is><t><![CDATA[<不是标签> & 也不是实体]]></t></is></c>',
  '<c r="D2" t="e"><v>#REF!</v></c><c r="E2" note="a > b / c"/></row></sheetData>',
  '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
  "</worksheet>",
].join("");

describe("XmlScanner", () => {
  test("gives saxes's events for a worksheet in one piece", () => {
    expect(byScanner([SHEET])).toEqual(bySaxes(SHEET));
  });

  test("gives the same events however the document is cut in two", () => {
    const whole = bySaxes(SHEET);
    for (let i = 1; i < SHEET.length; i++) {
      expect(byScanner([SHEET.slice(0, i), SHEET.slice(i)])).toEqual(whole);
    }
  });

  test("gives the same events when cut into many small pieces", () => {
    const whole = bySaxes(SHEET);
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks: string[] = [];
      for (let i = 0; i < SHEET.length; i += size) chunks.push(SHEET.slice(i, i + size));
      expect(byScanner(chunks)).toEqual(whole);
    }
  });

  test("reports a document cut short inside a tag", () => {
    const s = new XmlScanner({ open: () => undefined, close: () => undefined, text: () => undefined });
    s.write('<worksheet><sheetData><row r="1"><c r="A');
    expect(() => s.end()).toThrow(/inside markup/);
  });

  test("reads attributes in either quotes, the first of a repeated name, prefixed names apart", () => {
    expect(attributesOf(`c r="A1" s='3' t="s" r="B2" r:id="rId1" x14ac:dyDescent="0.25"`)).toEqual({
      r: "A1",
      s: "3",
      t: "s",
      "r:id": "rId1",
      "x14ac:dyDescent": "0.25",
    });
    const tag = `<c r="A1" s='3' rr="x" t="s" r:id="rId1" note="a &amp; b"/>`;
    expect(attributeValue(tag, 2, tag.length - 2, "r")).toBe("A1");
    expect(attributeValue(tag, 2, tag.length - 2, "t")).toBe("s");
    expect(attributeValue(tag, 2, tag.length - 2, "note")).toBe("a & b");
    expect(attributeValue(tag, 2, tag.length - 2, "id")).toBeUndefined();
  });
});
