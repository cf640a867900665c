/** Applies a core TemplateSheet description to an exceljs workbook (CLI `template`, browser page). */
import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs";
import { parseRange, cellAddress } from "../core/address";
import {
  buildTemplate,
  uniqueSheetName,
  type DecimalRule,
  type TemplateCell,
  type TemplateKind,
  type TemplateOptions,
  type TemplateSheet,
} from "../core/template";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const PAPER_A4 = 9;

function forEachCell(a1: string, fn: (row: number, col: number) => void): void {
  const r = parseRange(a1);
  if (!r) throw new Error(`bad range: ${a1}`);
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col);
}

function styleOf(cell: TemplateCell | undefined, bordered: boolean): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (cell) {
    if (cell.bold || cell.fontSize) {
      style.font = { ...(cell.bold ? { bold: true } : {}), ...(cell.fontSize ? { size: cell.fontSize } : {}) };
    }
    if (cell.horizontal || cell.vertical || cell.wrap) {
      style.alignment = {
        ...(cell.horizontal ? { horizontal: cell.horizontal } : {}),
        ...(cell.vertical ? { vertical: cell.vertical } : {}),
        ...(cell.wrap ? { wrapText: true } : {}),
      };
    }
    if (cell.numberFormat) style.numFmt = cell.numberFormat;
    if (cell.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${cell.fill}` } };
  }
  if (bordered) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  return style;
}

/** Excel stores validation formulas without "="; numbers as they are. */
function validationFormulae(rule: DecimalRule): (number | string)[] {
  const bare = (f: number | string) => (typeof f === "string" ? f.replace(/^=/, "") : f);
  return rule.formula2 === undefined ? [bare(rule.formula1)] : [bare(rule.formula1), bare(rule.formula2)];
}

/** Adds the template as a new sheet (named uniquely) and returns it. */
export function addTemplateSheet(workbook: ExcelJS.Workbook, template: TemplateSheet): ExcelJS.Worksheet {
  const name = uniqueSheetName(
    template.name,
    workbook.worksheets.map((w) => w.name),
  );
  const ws = workbook.addWorksheet(name, {
    views: template.freeze
      ? [{ state: "frozen", xSplit: template.freeze.columns, ySplit: template.freeze.rows, showGridLines: true }]
      : [{ state: "normal" }],
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: template.print.orientation,
      fitToPage: true,
      fitToWidth: template.print.fitToWidth,
      fitToHeight: template.print.fitToHeight,
      horizontalCentered: template.print.horizontalCentered,
      printArea: template.print.printArea,
      printTitlesRow: `${template.print.repeatRows.first}:${template.print.repeatRows.last}`,
      margins: template.print.margins,
    },
  });

  template.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const { row, height } of template.rowHeights) ws.getRow(row).height = height;
  for (const m of template.merges) ws.mergeCells(m);

  for (const c of template.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (c.formula !== undefined) cell.value = { formula: c.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    else if (c.value !== undefined) cell.value = c.value;
  }

  // Styles last, one fresh object per cell: exceljs shares a merge master's style object with its other cells.
  const described = new Map<string, TemplateCell>();
  for (const c of template.cells) described.set(cellAddress(c.row, c.col), c);
  const bordered = new Set<string>();
  for (const b of template.borders) forEachCell(b, (row, col) => bordered.add(cellAddress(row, col)));
  for (const address of new Set([...described.keys(), ...bordered])) {
    ws.getCell(address).style = styleOf(described.get(address), bordered.has(address)) as ExcelJS.Style;
  }

  // exceljs keeps range validations in an untyped model (its typings only know per-cell ones).
  const dataValidations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of template.validations) {
    dataValidations.add(v.range, {
      type: v.rule.type,
      operator: v.rule.operator,
      allowBlank: v.allowBlank,
      formulae: validationFormulae(v.rule),
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.error.title,
      error: v.error.message,
      ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
    } as ExcelJS.DataValidation);
  }
  return ws;
}

/** A workbook holding only the template, computed by Excel when opened (the formulas carry no cached results). */
export function templateWorkbook(kind: TemplateKind, opts: TemplateOptions = {}): ExcelJS.Workbook {
  const workbook = new (excelJs().Workbook)();
  workbook.calcProperties.fullCalcOnLoad = true;
  addTemplateSheet(workbook, buildTemplate(kind, opts));
  return workbook;
}

export async function templateBuffer(kind: TemplateKind, opts: TemplateOptions = {}): Promise<Uint8Array> {
  const buf = await templateWorkbook(kind, opts).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** Node only (the CLI); loaded lazily so that a browser bundle of this module needs no fs. */
export async function writeTemplateFile(path: string, kind: TemplateKind, opts: TemplateOptions = {}): Promise<void> {
  const fs = await import("node:fs");
  fs.writeFileSync(path, await templateBuffer(kind, opts));
}
