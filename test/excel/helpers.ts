/** Fixtures for the Office.js host tests: the seed table and builder tables inside the fake Excel. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildTable, validRows, type RowSpec, type TableSpec } from "../builders/table";
import { FakeWorkbook, type FakeOptions } from "./fakeExcel";
import type { SheetSnapshot } from "../../src/core/types";

export const SEED_XLSX = path.join(__dirname, "../../assets/example/rugao-2020.xlsx");

export async function seedWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SEED_XLSX) as unknown as ArrayBuffer);
  return wb;
}

export async function seedFake(options: FakeOptions = {}): Promise<FakeWorkbook> {
  return FakeWorkbook.fromExcelJs(await seedWorkbook(), options);
}

/** A builder table written to .xlsx and read back (so formulas carry results), inside the fake. */
export async function tableWorkbook(spec: TableSpec): Promise<ExcelJS.Workbook> {
  const { workbook } = buildTable(spec);
  const buf = await workbook.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

export async function tableFake(spec: TableSpec, options: FakeOptions = {}): Promise<FakeWorkbook> {
  return FakeWorkbook.fromExcelJs(await tableWorkbook(spec), options);
}

/** n indicator rows with a few problems: one score over its weight, one unmet with full marks. */
export function rowsWithProblems(n: number): RowSpec[] {
  const rows = validRows(n);
  rows[1] = { ...rows[1], score: (rows[1].weight as number) + 2 };
  rows[3] = { ...rows[3], actual: "未完成" };
  return rows;
}

/** Cell by cell, what a snapshot says (non-blank cells only), independent of its extent. */
export function cellMap(s: SheetSnapshot): Record<string, [unknown, unknown, unknown]> {
  const out: Record<string, [unknown, unknown, unknown]> = {};
  s.values.forEach((row, i) => {
    const width = Math.max(row.length, s.formulas[i]?.length ?? 0);
    for (let j = 0; j < width; j++) {
      const v = row[j] ?? null;
      const f = s.formulas[i]?.[j] ?? null;
      if ((v === null || v === "") && f === null) continue;
      out[`${s.top + i + 1}:${s.left + j + 1}`] = [v, f, s.numberFormats[i]?.[j] ?? null];
    }
  });
  return out;
}
