/**
 * A form whose grade row is a label 评价等级 merged across A:E, with no cell for the grade of its
 * own: the first free cell F is the grade's, unless a remark （单位盖章） merged over F:H fills it,
 * and then the grade has nowhere to go (issue 15). One row scored 7 of 10, so there is a finding.
 */
import type ExcelJS from "exceljs";
import { buildTable, validRows } from "./table";

export function mergedGradeLabelTable(remark: boolean): { workbook: ExcelJS.Workbook; gradeRow: number } {
  const rows = validRows(10);
  rows[2] = { ...rows[2], score: 7 };
  const { workbook, sheet, totalRow } = buildTable({ rows, grade: null });
  const g = totalRow! + 1;
  sheet.getCell(g, 1).value = "评价等级";
  sheet.mergeCells(g, 1, g, 5);
  if (remark) {
    sheet.getCell(g, 6).value = "（单位盖章）";
    sheet.mergeCells(g, 6, g, 8);
  }
  return { workbook, gradeRow: g };
}
