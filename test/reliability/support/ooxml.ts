/**
 * Writes minimal .xlsx packages by hand (inline strings, no styles), fast
 * enough for 50,000-row tables and free to say what exceljs would never
 * write: formulas without a cached result, error results, a cell at
 * XFD1048576, a DOCTYPE, a sheet that is a flood.
 */
import { writeZip, type ZipInput, type ZipOptions } from "./zip";

export type RawCell =
  | string
  | number
  | boolean
  | null
  /** A formula; `v` is its cached result (none: never calculated), `error` an error result. */
  | { f: string; v?: number | string; error?: string }
  | { error: string };

export interface RawSheet {
  name: string;
  /** Cells by A1 address. */
  cells: Record<string, RawCell>;
  state?: "hidden" | "veryHidden";
  /** Replace the whole worksheet XML (hostile content). */
  xml?: string;
  /** Replace the worksheet entry (a flood). */
  entry?: Omit<ZipInput, "name">;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

function splitAddress(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function cellXml(ref: string, c: RawCell): string {
  if (c === null) return "";
  if (typeof c === "string") return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(c)}</t></is></c>`;
  if (typeof c === "number") return `<c r="${ref}"><v>${c}</v></c>`;
  if (typeof c === "boolean") return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
  if ("f" in c) {
    const f = `<f>${escapeXml(c.f.replace(/^=/, ""))}</f>`;
    if (c.error !== undefined) return `<c r="${ref}" t="e">${f}<v>${escapeXml(c.error)}</v></c>`;
    if (c.v === undefined) return `<c r="${ref}">${f}</c>`;
    if (typeof c.v === "string") return `<c r="${ref}" t="str">${f}<v>${escapeXml(c.v)}</v></c>`;
    return `<c r="${ref}">${f}<v>${c.v}</v></c>`;
  }
  return `<c r="${ref}" t="e"><v>${escapeXml(c.error)}</v></c>`;
}

export function sheetXml(cells: Record<string, RawCell>): string {
  const rows = new Map<number, { col: number; xml: string }[]>();
  for (const [ref, c] of Object.entries(cells)) {
    const { row, col } = splitAddress(ref);
    const xml = cellXml(ref, c);
    if (!xml) continue;
    const list = rows.get(row) ?? [];
    list.push({ col, xml });
    rows.set(row, list);
  }
  const body = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, cs]) => `<row r="${r}">${cs.sort((a, b) => a.col - b.col).map((c) => c.xml).join("")}</row>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** The entries of a workbook package, sheets in order. */
export function workbookEntries(sheets: RawSheet[]): ZipInput[] {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const types = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheets.map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
    "</Types>",
  ].join("");
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${ns}><sheets>${sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;
  const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("")}</Relationships>`;
  return [
    { name: "[Content_Types].xml", data: types },
    { name: "_rels/.rels", data: rootRels },
    { name: "xl/workbook.xml", data: workbook },
    { name: "xl/_rels/workbook.xml.rels", data: workbookRels },
    ...sheets.map((s, i): ZipInput => {
      const name = `xl/worksheets/sheet${i + 1}.xml`;
      if (s.entry) return { name, ...s.entry };
      return { name, data: s.xml ?? sheetXml(s.cells) };
    }),
  ];
}

export function xlsxBytes(sheets: RawSheet[], options?: ZipOptions): Buffer {
  return writeZip(workbookEntries(sheets), options);
}

/** An indicator table as raw cells: one-row header at row 1, `rows` indicator rows, a SUM total row. */
export function rawTable(rows: number, options: { weight?: number } = {}): Record<string, RawCell> {
  const cells: Record<string, RawCell> = {};
  ["一级指标", "二级指标", "三级指标", "目标值", "完成情况", "权重", "得分"].forEach((h, i) => (cells[a1(1, i + 1)] = h));
  const weight = options.weight ?? 100 / rows;
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    cells[a1(r, 1)] = i === 0 ? "产出指标" : null;
    cells[a1(r, 2)] = i === 0 ? "数量指标" : null;
    cells[a1(r, 3)] = `办件量指标${i + 1}`;
    cells[a1(r, 4)] = "≥95%";
    cells[a1(r, 5)] = "98.5%";
    cells[a1(r, 6)] = weight;
    cells[a1(r, 7)] = weight;
  }
  const total = rows + 2;
  cells[a1(total, 1)] = "总分";
  cells[a1(total, 6)] = { f: `SUM(F2:F${rows + 1})`, v: weight * rows };
  cells[a1(total, 7)] = { f: `SUM(G2:G${rows + 1})`, v: weight * rows };
  return cells;
}
