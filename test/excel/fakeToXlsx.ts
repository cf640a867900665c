/**
 * The fake Excel's workbook saved as an .xlsx, as Excel saves what a user edited: values,
 * formulas with their computed results, number formats, fills, wrap, notes, merges, column
 * widths, sheet visibility. With FakeWorkbook.fromExcelJs, a file can go from Excel to the
 * command line or the page and back.
 */
import ExcelJS from "exceljs";
import { FakeSheet, type FakeWorkbook } from "./fakeExcel";
import { charactersOfPoints } from "../../src/core/record";

export async function fakeToXlsx(fake: FakeWorkbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of fake.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.visibility === "VeryHidden" ? "veryHidden" : s.visibility === "Hidden" ? "hidden" : "visible" });
    for (const [k, c] of s.cells) {
      const [r, col] = FakeSheet.unkey(k);
      const cell = ws.getCell(r, col);
      if (c.formula) cell.value = { formula: c.formula.slice(1), result: fake.valueAt(s.name, r, col) ?? undefined } as ExcelJS.CellValue;
      else if (c.value !== null) cell.value = c.value;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${c.fill}` } };
      if (c.wrap) cell.alignment = { wrapText: true };
    }
    for (const [k, text] of s.notes) {
      const [r, col] = FakeSheet.unkey(k);
      ws.getCell(r, col).note = text;
    }
    for (const m of s.merges) ws.mergeCells(m);
    for (const [col, w] of s.columnWidths) if (w !== 48) ws.getColumn(col).width = charactersOfPoints(w);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
