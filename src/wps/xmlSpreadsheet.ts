/**
 * A range's number formats and merged areas from one call: `Range.Value(11)`
 * (xlRangeValueXMLSpreadsheet) gives the range as an XML Spreadsheet 2003 document, whose
 * styles carry each cell's number format and whose cells carry their merges
 * (ss:MergeAcross / ss:MergeDown). WPS declares the constant (et-jsapi-declare's
 * XlRangeValueDataType); whether ET fills it in as Excel does is not verified, so read.ts
 * falls back to asking column by column when this answer is missing or unreadable.
 */
import type { RangeRef } from "../core/address";

/** xlRangeValueXMLSpreadsheet. */
export const XL_RANGE_VALUE_XML_SPREADSHEET = 11;

export interface RangeStyles {
  /** Number format by "row:col" (1-based within the range) for cells that have one other than General. */
  formats: Map<string, string>;
  /** Merged areas, 1-based within the range. */
  merges: RangeRef[];
}

/** Excel's names for built-in formats in XML Spreadsheet, as format codes. */
const NAMED_FORMATS: Record<string, string | null> = {
  General: null,
  "General Number": null,
  Fixed: "0.00",
  Standard: "#,##0.00",
  Percent: "0.00%",
  Scientific: "0.00E+00",
};

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1].replace(/^ss:/, "")] = decode(m[2]);
  return out;
}

function decode(s: string): string {
  return s.replace(/&(quot|amp|lt|gt|apos|#(\d+)|#x([0-9a-f]+));/gi, (all, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" }[name.toLowerCase()] ?? all;
  });
}

/** The formats and merges of an XML Spreadsheet document; undefined when it is not one. */
export function parseXmlSpreadsheet(xml: unknown): RangeStyles | undefined {
  if (typeof xml !== "string" || !/<Workbook\b/.test(xml) || !/<Table\b/.test(xml)) return undefined;
  const styles = new Map<string, string | null>();
  for (const m of xml.matchAll(/<Style\b([^>]*?)(\/>|>([\s\S]*?)<\/Style>)/g)) {
    const id = attrs(m[1]).ID;
    if (!id) continue;
    const nf = /<NumberFormat\b([^>]*)\/?>/.exec(m[3] ?? "");
    const format = nf ? attrs(nf[1]).Format : undefined;
    styles.set(id, format === undefined || format === "" ? null : format in NAMED_FORMATS ? NAMED_FORMATS[format] : format);
  }
  const formatOf = (id: string | undefined) => (id === undefined ? null : (styles.get(id) ?? null));
  const table = /<Table\b[^>]*>([\s\S]*)<\/Table>/.exec(xml);
  if (!table) return undefined;
  const columnStyles = new Map<number, string>();
  let col = 0;
  for (const m of table[1].matchAll(/<Column\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    col = a.Index ? Number(a.Index) : col + 1;
    const span = a.Span ? Number(a.Span) : 0;
    if (a.StyleID) for (let c = col; c <= col + span; c++) columnStyles.set(c, a.StyleID);
    col += span;
  }
  const formats = new Map<string, string>();
  const merges: RangeRef[] = [];
  /** Cells below a merge's anchor row: taken, so the next cell without an index skips them. */
  const covered = new Set<string>();
  let row = 0;
  for (const m of table[1].matchAll(/<Row\b([^>]*?)(\/>|>([\s\S]*?)<\/Row>)/g)) {
    const ra = attrs(m[1]);
    row = ra.Index ? Number(ra.Index) : row + 1;
    let c = 0;
    for (const cm of (m[3] ?? "").matchAll(/<Cell\b([^>]*?)(\/>|>[\s\S]*?<\/Cell>)/g)) {
      const a = attrs(cm[1]);
      if (a.Index) c = Number(a.Index);
      else {
        c += 1;
        while (covered.has(`${row}:${c}`)) c += 1;
      }
      const across = a.MergeAcross ? Number(a.MergeAcross) : 0;
      const down = a.MergeDown ? Number(a.MergeDown) : 0;
      const format = formatOf(a.StyleID ?? ra.StyleID ?? columnStyles.get(c));
      if (format !== null) formats.set(`${row}:${c}`, format);
      if (across > 0 || down > 0) {
        merges.push({ top: row, left: c, bottom: row + down, right: c + across });
        for (let r = row; r <= row + down; r++) for (let x = c; x <= c + across; x++) if (r !== row) covered.add(`${r}:${x}`);
      }
      c += across;
    }
  }
  return { formats, merges };
}
