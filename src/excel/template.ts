/**
 * 插入模板 in Excel: applies the core template description (src/core/template.ts)
 * to a new sheet with Office.js. Two syncs: the existing sheet names, then the
 * whole sheet. Parts that need a newer ExcelApi than the running Excel has
 * (merges and widths 1.2, freeze panes 1.7, validation 1.8, page layout 1.9) are left out.
 */
import { parseRange } from "../core/address";
import { type TemplateCell, type TemplateSheet, uniqueSheetName } from "../core/template";
import type { ExcelFeatures } from "./env";
import { inputOf } from "../core/cellInput";
import { columnAddress, columnRuns, rangeAddress } from "./ranges";

/** Excel column width in characters to points (7 px per character plus 5 px padding, at 96 dpi). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const OPERATOR = { greaterThanOrEqual: "GreaterThanOrEqualTo", between: "Between" } as const;

function styleKey(c: TemplateCell): string {
  return JSON.stringify([c.bold ?? false, c.fontSize ?? 0, c.horizontal ?? "", c.vertical ?? "", c.wrap ?? false, c.fill ?? "", c.numberFormat ?? ""]);
}

export async function insertTemplateSheet(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  template: TemplateSheet,
): Promise<{ name: string; syncs: number }> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(
    template.name,
    sheets.items.map((s) => s.name),
  );

  const ws = context.workbook.worksheets.add(name);
  const bottom = Math.max(...template.cells.map((c) => c.row));
  const right = Math.max(...template.cells.map((c) => c.col));
  const grid: (string | number | boolean)[][] = Array.from({ length: bottom }, () => new Array(right).fill(""));
  for (const c of template.cells) grid[c.row - 1][c.col - 1] = c.formula ?? inputOf(c.value ?? null);
  ws.getRange(rangeAddress(1, 1, bottom, right)).formulas = grid;

  for (const run of columnRuns(template.cells, styleKey)) {
    const c = run.items[0];
    const range = ws.getRange(rangeAddress(run.top, run.col, run.bottom, run.col));
    const f = range.format;
    if (c.bold) f.font.bold = true;
    if (c.fontSize) f.font.size = c.fontSize;
    if (c.horizontal) f.horizontalAlignment = H_ALIGN[c.horizontal] as Excel.HorizontalAlignment;
    if (c.vertical) f.verticalAlignment = V_ALIGN[c.vertical] as Excel.VerticalAlignment;
    if (c.wrap) f.wrapText = true;
    if (c.fill) f.fill.color = `#${c.fill}`;
    if (c.numberFormat) range.numberFormat = run.items.map(() => [c.numberFormat!]);
  }

  for (const b of template.borders) {
    const r = parseRange(b);
    if (!r) continue;
    const borders = ws.getRange(b).format.borders;
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (r.bottom > r.top) edges.push("InsideHorizontal");
    if (r.right > r.left) edges.push("InsideVertical");
    for (const e of edges) borders.getItem(e as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
  }

  if (features.formatting12) {
    for (const m of template.merges) ws.getRange(m).merge(false);
    template.columnWidths.forEach((w, i) => {
      ws.getRange(columnAddress(i + 1)).format.columnWidth = widthToPoints(w);
    });
    for (const { row, height } of template.rowHeights) ws.getRange(`${row}:${row}`).format.rowHeight = height;
  }

  if (features.dataValidation) {
    for (const v of template.validations) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = {
        decimal: {
          operator: OPERATOR[v.rule.operator] as Excel.DataValidationOperator,
          formula1: v.rule.formula1,
          ...(v.rule.formula2 !== undefined ? { formula2: v.rule.formula2 } : {}),
        },
      };
      dv.ignoreBlanks = v.allowBlank;
      dv.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: v.error.title, message: v.error.message };
      if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    }
  }

  if (features.structure17 && template.freeze) {
    const { rows, columns } = template.freeze;
    if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(1, 1, rows, columns)));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else if (columns > 0) ws.freezePanes.freezeColumns(columns);
  }

  if (features.cellProperties) {
    const p = template.print;
    const layout = ws.pageLayout;
    layout.orientation = (p.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
    layout.paperSize = "A4" as Excel.PaperType;
    layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
    layout.centerHorizontally = p.horizontalCentered;
    layout.leftMargin = p.margins.left * 72;
    layout.rightMargin = p.margins.right * 72;
    layout.topMargin = p.margins.top * 72;
    layout.bottomMargin = p.margins.bottom * 72;
    layout.headerMargin = p.margins.header * 72;
    layout.footerMargin = p.margins.footer * 72;
    layout.setPrintArea(p.printArea);
    layout.setPrintTitleRows(`$${p.repeatRows.first}:$${p.repeatRows.last}`);
  }

  ws.activate();
  ws.getRange(rangeAddress(template.layout.firstRow, template.layout.columns.level3, template.layout.firstRow, template.layout.columns.level3)).select();
  await context.sync();
  return { name, syncs: 2 };
}
