/**
 * Everything of a workbook that 清除标记 must leave as it was, as plain comparable data:
 * every sheet (name, state, merges, column widths, views) with every cell's value, formula
 * (and cached result), number format, fill, font, alignment, border and note; the defined
 * names; the document's settings (calculation, views, properties). The record sheets are
 * included on purpose: after a clear there must be none.
 */
import ExcelJS from "exceljs";

function noteText(n: unknown): string | null {
  if (n === undefined || n === null) return null;
  if (typeof n === "string") return n;
  return ((n as { texts?: { text?: string }[] }).texts ?? []).map((t) => t.text ?? "").join("");
}

/** "No fill" reads back as pattern "none" after a save: both are no fill. */
function fillOf(f: unknown): unknown {
  const p = f as ExcelJS.FillPattern | undefined;
  return !p || (p.type === "pattern" && p.pattern === "none") ? null : p;
}

function empty(o: unknown): boolean {
  return o === undefined || o === null || (typeof o === "object" && Object.keys(o as object).length === 0);
}

export function dumpWorkbook(wb: ExcelJS.Workbook): Record<string, unknown> {
  const sheets = wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const entry: Record<string, unknown> = {};
        if (c.value !== null && c.value !== undefined) entry.value = c.type === ExcelJS.ValueType.Formula ? { formula: c.formula, result: c.result ?? null } : c.value;
        if (c.numFmt && c.numFmt !== "General") entry.numFmt = c.numFmt;
        if (fillOf(c.style?.fill)) entry.fill = fillOf(c.style.fill);
        if (!empty(c.style?.font)) entry.font = c.style.font;
        if (!empty(c.style?.alignment)) entry.alignment = c.style.alignment;
        if (!empty(c.style?.border)) entry.border = c.style.border;
        const note = noteText(c.note);
        if (note !== null) entry.note = note;
        if (Object.keys(entry).length > 0) cells[c.address] = entry;
      }),
    );
    const widths: Record<number, number> = {};
    for (let i = 1; i <= Math.max(ws.columnCount, ws.actualColumnCount) + 2; i++) {
      const w = ws.getColumn(i).width;
      if (w !== undefined) widths[i] = w;
    }
    return {
      name: ws.name,
      state: ws.state,
      merges: Object.keys((ws as unknown as { _merges: object })._merges).sort(),
      widths,
      views: ws.views,
      cells,
    };
  });
  return {
    sheets,
    names: wb.definedNames.model,
    calcProperties: wb.calcProperties,
    views: wb.views,
    properties: wb.properties,
  };
}

/** Saved and read back, as a user's file is between two hosts. */
export async function reopen(data: ExcelJS.Workbook | Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof ExcelJS.Workbook ? await data.xlsx.writeBuffer() : data;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}
