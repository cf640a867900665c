import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot } from "../core/types";

/** Converts one exceljs cell value to a snapshot value and its formula. */
export function fromExcelJsValue(v: ExcelJS.CellValue): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { value: v, formula: null };
  if (v instanceof Date) return { value: excelDateSerial(v), formula: null };
  const o = v as unknown as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) {
    const f = (o.formula ?? o.sharedFormula) as string | undefined;
    const inner = fromExcelJsValue((o.result ?? null) as ExcelJS.CellValue);
    return { value: inner.value, formula: f ? `=${f}` : null };
  }
  if ("richText" in o && Array.isArray(o.richText)) {
    return { value: (o.richText as { text: string }[]).map((t) => t.text).join(""), formula: null };
  }
  if ("error" in o) return { value: String(o.error), formula: null };
  if ("text" in o) return fromExcelJsValue(o.text as ExcelJS.CellValue);
  return { value: String(v), formula: null };
}

function excelDateSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/** Reads one worksheet's used cells into a snapshot; cells covered by a merge (not its top-left) read as blank. */
export function snapshotFromWorksheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const merges: string[] = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).map(
    (k) => String(((ws as unknown as { _merges: Record<string, { range?: string }> })._merges[k]).range ?? k),
  );
  if (bottom === 0) {
    return { name: ws.name, top: 0, left: 0, values: [], formulas: [], numberFormats: [], merges, hidden: ws.state !== "visible" };
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const { value, formula } = fromExcelJsValue(cell.value);
      values[r - 1 - (top - 1)][c - 1 - (left - 1)] = value;
      formulas[r - 1 - (top - 1)][c - 1 - (left - 1)] = formula;
      const fmt = cell.numFmt;
      if (fmt && fmt !== "General") numberFormats[r - 1 - (top - 1)][c - 1 - (left - 1)] = fmt;
    });
  });
  return { name: ws.name, top: top - 1, left: left - 1, values, formulas, numberFormats, merges, hidden: ws.state !== "visible" };
}

export function snapshotsFromWorkbook(wb: ExcelJS.Workbook): SheetSnapshot[] {
  return wb.worksheets.map(snapshotFromWorksheet);
}

/** Loads an .xlsx buffer into snapshots of every sheet. */
export async function readXlsxBuffer(data: ArrayBuffer | Uint8Array): Promise<{ workbook: ExcelJS.Workbook; sheets: SheetSnapshot[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return { workbook: wb, sheets: snapshotsFromWorkbook(wb) };
}
