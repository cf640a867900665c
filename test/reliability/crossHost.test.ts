/**
 * One record, every host: a copy annotated by one host, opened in another, is checked as the
 * user left it, and 清除标记 there removes the marks, leaving the workbook as before. The
 * exceljs host (the command line's --out and the page) and the Office.js host over the fake
 * Excel, both ways, and copies an older command line annotated (the legacy `_scorecheck`).
 */
import { check } from "../../src/core/check";
import type { CheckOptions, CheckResult } from "../../src/core/types";
import { LEGACY_RECORD_SHEET, RECORD_SHEET, restoredCells } from "../../src/core/record";
import { ExcelHost } from "../../src/excel/host";
import { XlsxHost } from "../../src/web/host";
import { loadXlsx } from "../../src/xlsx/load";
import { applyPlan, clearMarks, readRecord } from "../../src/xlsx/write";
import { buildTable } from "../builders/table";
import { decoratedFormBytes, decoratedFormRows } from "../builders/decoratedForm";
import { FakeWorkbook } from "../excel/fakeExcel";
import { fakeToXlsx } from "../excel/fakeToXlsx";
import { applyPlanAsLegacyCli } from "../helpers/legacyCli";
import { dumpWorkbook, reopen } from "../helpers/workbookDump";

const OPTIONS: CheckOptions = { fixTotals: true, writeGrade: true };


function ok(out: ReturnType<typeof check>): CheckResult {
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

function verdict(r: CheckResult) {
  return { totals: r.totals, findings: r.findings.map((f) => [f.code, f.row, f.cell]), rows: r.rows.map((x) => [x.row, x.status, x.score]), column: r.plan.resultColumn };
}

async function fakeOf(bytes: Uint8Array): Promise<FakeWorkbook> {
  return FakeWorkbook.fromExcelJs(await reopen(bytes));
}

const userSheets = (fake: FakeWorkbook) => fake.sheets.map((s) => [s.name, fake.dump(s.name)]);

async function markedByXlsxHost(bytes: Uint8Array): Promise<{ copy: Uint8Array; result: CheckResult }> {
  const { workbook, sheets } = await loadXlsx(bytes);
  const result = ok(check(sheets, OPTIONS));
  applyPlan(workbook, result.plan);
  return { copy: new Uint8Array(await workbook.xlsx.writeBuffer()), result };
}

test("exceljs host → Excel: checked as the user left it; 清除标记 in Excel restores every sheet and removes the record", async () => {
  const bytes = await decoratedFormBytes();
  const before = userSheets(await fakeOf(bytes));
  const { copy, result } = await markedByXlsxHost(bytes);
  const fake = await fakeOf(copy);
  expect(fake.sheet(RECORD_SHEET)?.visibility).toBe("VeryHidden");
  const host = new ExcelHost(fake.env());
  expect(verdict(ok(check(await host.readWorkbook(), OPTIONS)))).toEqual(verdict(result));
  expect(await new ExcelHost(fake.env()).clearFlags()).toBeGreaterThan(0);
  expect(userSheets(fake)).toEqual(before);
});

test("Excel → exceljs host: checked as the user left it; 清除标记 on the page restores the whole workbook", async () => {
  const bytes = await decoratedFormBytes();
  const unmarked = await fakeToXlsx(await fakeOf(bytes));
  const expected = dumpWorkbook(await reopen(unmarked));
  const first = ok(check((await loadXlsx(unmarked)).sheets, OPTIONS));

  const fake = await fakeOf(unmarked);
  const host = new ExcelHost(fake.env());
  const inExcel = ok(check(await host.readWorkbook(), OPTIONS));
  await host.applyPlan(inExcel.plan, inExcel);
  const copy = await fakeToXlsx(fake);

  const page = await XlsxHost.open(copy);
  expect(verdict(ok(check(await page.readWorkbook(), OPTIONS)))).toEqual(verdict(first));
  // The page opened the copy with its marks restored in memory: 清除标记 has nothing more to do, the download is the original.
  await page.clearFlags();
  expect(dumpWorkbook(await reopen(await page.toBytes()))).toEqual(expected);
  // The command line's full load does the same on the saved copy.
  const cli = await reopen(copy);
  expect(clearMarks(cli)).toBeGreaterThan(0);
  expect(dumpWorkbook(await reopen(cli))).toEqual(expected);
});

test("a copy an older command line annotated (legacy _scorecheck) still clears exactly, in both hosts", async () => {
  const bytes = await decoratedFormBytes();
  const { workbook, sheets } = await loadXlsx(bytes);
  const result = ok(check(sheets, OPTIONS));
  applyPlanAsLegacyCli(workbook, result.plan);
  const copy = new Uint8Array(await workbook.xlsx.writeBuffer());
  expect((await reopen(copy)).getWorksheet(LEGACY_RECORD_SHEET)?.state).toBe("veryHidden");

  // exceljs host: the whole workbook as before.
  const cli = await reopen(copy);
  clearMarks(cli);
  expect(dumpWorkbook(await reopen(cli))).toEqual(dumpWorkbook(await reopen(bytes)));
  // Checked again, as the user left it.
  expect(verdict(ok(check((await loadXlsx(copy)).sheets, OPTIONS)))).toEqual(verdict(result));

  // Excel: every aspect it can see, as before (the result column's vertical alignment is not one).
  const fake = await fakeOf(copy);
  await new ExcelHost(fake.env()).clearFlags();
  expect(userSheets(fake)).toEqual(userSheets(await fakeOf(bytes)));
});

test("marks on two sheets from two hosts: each host clears both, and checking twice then clearing equals never checking", async () => {
  const { workbook } = buildTable({ rows: decoratedFormRows(), total: "number" });
  const second = buildTable({ rows: decoratedFormRows(), total: "number", sheetName: "第二张" } as never);
  const ws2 = workbook.addWorksheet("第二张");
  second.sheet.eachRow((row, r) => row.eachCell((c, col) => void (ws2.getCell(r, col).value = c.value)));
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const before = dumpWorkbook(await reopen(bytes));

  // The page marks the first sheet, twice.
  const page = await XlsxHost.open(bytes);
  const sheetsRead = await page.readWorkbook();
  const firstSheet = ok(check(sheetsRead, { ...OPTIONS, sheet: "指标表" }));
  await page.applyPlan(firstSheet.plan, firstSheet);
  await page.applyPlan(firstSheet.plan, firstSheet);
  // Excel marks the second, twice.
  const fake = await fakeOf(await page.toBytes());
  const host = new ExcelHost(fake.env());
  const secondSheet = ok(check(await host.readWorkbook(), { ...OPTIONS, sheet: "第二张" }));
  await host.applyPlan(secondSheet.plan, secondSheet);
  await host.applyPlan(secondSheet.plan, secondSheet);
  const both = await fakeToXlsx(fake);

  const cli = await reopen(both);
  clearMarks(cli);
  const cleared = dumpWorkbook(await reopen(cli));
  expect(cleared).toEqual(dumpWorkbook(await reopen(await fakeToXlsx(await fakeOf(bytes)))));
  expect((cleared.sheets as { name: string }[]).map((s) => s.name)).toEqual(["指标表", "第二张"]);
  expect((before.sheets as { name: string }[]).length).toBe(2);

  await new ExcelHost(fake.env()).clearFlags();
  expect(userSheets(fake)).toEqual(userSheets(await fakeOf(bytes)));
});
