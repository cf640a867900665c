/** A workbook built with exceljs, as the fake ET's plain data (JSON: it crosses into the browser too). */
import type ExcelJS from "exceljs";
import { fromExcelJsValue } from "../../src/xlsx/read";
import type { EtBookData, EtCellData, EtSheetData } from "./fakeEt";

function bgr(argb: string): number {
  const n = parseInt(argb.slice(-6), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
}

export function etDataOf(wb: ExcelJS.Workbook): EtBookData {
  const sheets: EtSheetData[] = wb.worksheets.map((ws) => {
    const cells: Record<string, EtCellData> = {};
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const covered = cell.isMerged && cell.master && cell.master.address !== cell.address;
        const { value, formula } = covered ? { value: null, formula: null } : fromExcelJsValue(cell.value);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const argb = fill && fill.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
        const c: EtCellData = {};
        if (value !== null) c.v = value;
        if (formula) c.f = formula;
        if (cell.numFmt && cell.numFmt !== "General") c.fmt = cell.numFmt;
        if (argb) c.fill = bgr(argb);
        if (cell.alignment?.wrapText) c.wrap = true;
        if (cell.note) {
          const n = cell.note as string | { texts?: { text: string }[] };
          c.note = typeof n === "string" ? n : (n.texts ?? []).map((t) => t.text).join("");
        }
        if (Object.keys(c).length > 0) cells[cell.address] = c;
      });
    });
    const widths: Record<number, number> = {};
    (ws.columns ?? []).forEach((col, i) => {
      if (col?.width !== undefined) widths[i + 1] = col.width;
    });
    const merges = [...((ws.model as unknown as { merges?: string[] }).merges ?? [])];
    return { name: ws.name, visible: ws.state === "veryHidden" ? 2 : ws.state === "hidden" ? 0 : -1, cells, merges, widths };
  });
  return { sheets };
}
