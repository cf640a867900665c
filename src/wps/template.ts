/**
 * 插入模板 in WPS: the core template description (src/core/template.ts) on a new sheet,
 * with calls per run of equally styled cells, not per cell. Data validation, freeze panes
 * and page set-up are left out (not verified in WPS; the Excel add-in and the CLI write them).
 */
import { type TemplateCell, type TemplateSheet, uniqueSheetName } from "../core/template";
import { columnLetter } from "../core/address";
import { type EtApplication, type EtWorkbook, XL_CONTINUOUS, XL_H_ALIGN, XL_V_ALIGN } from "./et";
import { bgrOfHex } from "./cells";
import { inputOf } from "../core/cellInput";
import { columnRuns } from "../core/record";
import { rangeAddress } from "./ranges";
import { sheetInfos } from "./read";

function styleKey(c: TemplateCell): string {
  return JSON.stringify([c.bold ?? false, c.fontSize ?? 0, c.horizontal ?? "", c.vertical ?? "", c.wrap ?? false, c.fill ?? "", c.numberFormat ?? ""]);
}

export function insertTemplateSheet(app: EtApplication, book: EtWorkbook, template: TemplateSheet): string {
  const name = uniqueSheetName(template.name, sheetInfos(book).map((s) => s.name));
  const screen = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    const sheets = book.Worksheets;
    const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = name;
    const bottom = Math.max(...template.cells.map((c) => c.row));
    const right = Math.max(...template.cells.map((c) => c.col));
    const grid: (string | number | boolean)[][] = Array.from({ length: bottom }, () => new Array(right).fill(""));
    for (const c of template.cells) grid[c.row - 1][c.col - 1] = c.formula ?? inputOf(c.value ?? null);
    for (const m of template.merges) ws.Range(m).Merge(false);
    ws.Range(rangeAddress(1, 1, bottom, right)).Formula = grid;
    for (const run of columnRuns(template.cells, styleKey)) {
      const c = run.items[0];
      const range = ws.Range(rangeAddress(run.top, run.col, run.bottom, run.col));
      if (c.bold) range.Font.Bold = true;
      if (c.fontSize) range.Font.Size = c.fontSize;
      if (c.horizontal) range.HorizontalAlignment = XL_H_ALIGN[c.horizontal];
      if (c.vertical) range.VerticalAlignment = XL_V_ALIGN[c.vertical];
      if (c.wrap) range.WrapText = true;
      if (c.fill) range.Interior.Color = bgrOfHex(c.fill);
      if (c.numberFormat) range.NumberFormat = c.numberFormat;
    }
    for (const b of template.borders) ws.Range(b).Borders.LineStyle = XL_CONTINUOUS;
    template.columnWidths.forEach((w, i) => {
      const L = columnLetter(i + 1);
      ws.Range(`${L}:${L}`).ColumnWidth = w;
    });
    for (const { row, height } of template.rowHeights) ws.Range(`${row}:${row}`).RowHeight = height;
    ws.Activate();
    const { firstRow, columns } = template.layout;
    ws.Range(rangeAddress(firstRow, columns.level3, firstRow, columns.level3)).Select();
    return name;
  } finally {
    app.ScreenUpdating = screen;
  }
}
