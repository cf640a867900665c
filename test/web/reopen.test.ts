/**
 * A copy annotated by our own write-back (the CLI's --out, or the page's download), opened
 * again in the page: the page cleans it as it opens it, says how many cells carried marks,
 * and its 清除标记 reports the cells Excel and WPS report for the same file and the same
 * steps (in those hosts the marks are really in the cells). The download after 清除标记 is
 * the user's workbook without any of our marks.
 */
import type ExcelJS from "exceljs";
import { check } from "../../src/core/check";
import type { CheckOptions, CheckResult } from "../../src/core/types";
import { RECORD_SHEET } from "../../src/core/record";
import type { Host } from "../../src/host";
import { ExcelHost } from "../../src/excel/host";
import { XlsxHost } from "../../src/web/host";
import { Session } from "../../src/web/session";
import { loadXlsx } from "../../src/xlsx/load";
import { applyPlan, readRecord } from "../../src/xlsx/write";
import { restoredCells } from "../../src/core/record";
import { buildTable, validRows, type RowSpec } from "../builders/table";
import { FakeWorkbook } from "../excel/fakeExcel";
import { dumpWorkbook, reopen } from "../helpers/workbookDump";
import { wpsOf } from "../wps/support";
import { twoTablesFile } from "../e2e/support/workbooks";

const OPTIONS: CheckOptions = { fixTotals: true, writeGrade: true };

function ok(out: ReturnType<typeof check>): CheckResult {
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Ten indicators with a score above its weight, an unmet row at full marks, a missing score, a typed total and a wrong grade. */
function formWithErrors(): ExcelJS.Workbook {
  const rows: RowSpec[] = validRows(10);
  rows[1] = { ...rows[1], score: 12 };
  rows[3] = { ...rows[3], actual: "未完成", score: 10 };
  rows[5] = { ...rows[5], score: null };
  return buildTable({ rows, total: { weight: 100, score: 80 }, grade: "优秀", unit: "测试局" }).workbook;
}

/** What `scorecheck check FILE --out COPY` writes: the user's file checked and marked by the exceljs write-back. */
async function annotatedCopy(bytes: Uint8Array, options: CheckOptions = OPTIONS): Promise<{ copy: Uint8Array; marked: number }> {
  const { workbook, sheets } = await loadXlsx(bytes);
  applyPlan(workbook, ok(check(sheets, options)).plan);
  return { copy: await bytesOf(workbook), marked: restoredCells(readRecord(workbook)) };
}

/** The other hosts on the same copy: the Office.js host over the fake Excel, and the WPS host over the fake ET. */
async function otherHosts(copy: Uint8Array): Promise<{ excel: Host; wps: Host }> {
  const excel = new ExcelHost(FakeWorkbook.fromExcelJs(await reopen(copy)).env());
  const { host: wps } = await wpsOf(copy);
  return { excel, wps };
}

async function checkAndMark(host: Host, options: CheckOptions): Promise<void> {
  const result = ok(check(await host.readWorkbook(), options));
  await host.applyPlan(result.plan, result);
}

test("an annotated copy opened in the page: its marks are counted and set aside; 清除标记 reports them, as Excel and WPS do, and the download is the user's workbook", async () => {
  const original = await bytesOf(formWithErrors());
  const { copy, marked } = await annotatedCopy(original);
  // A score fill and note, the 核查结果 column, the fixed total and the grade: well over a handful of cells.
  expect(marked).toBeGreaterThan(10);

  const page = await XlsxHost.open(copy);
  expect(page.setAsideCells).toBe(marked);
  // The check reads the user's data, not the marks: the same verdict as on the original.
  expect(ok(check(await page.readWorkbook(), OPTIONS)).findings).toEqual(ok(check((await loadXlsx(original)).sheets, OPTIONS)).findings);

  const { excel, wps } = await otherHosts(copy);
  const cleared = { page: await page.clearFlags(), excel: await excel.clearFlags(), wps: await wps.clearFlags() };
  expect(cleared).toEqual({ page: marked, excel: marked, wps: marked });
  // Once cleared, nothing is left to clear.
  expect(await page.clearFlags()).toBe(0);
  expect(page.setAsideCells).toBe(0);

  const download = await reopen(await page.toBytes());
  expect(download.getWorksheet(RECORD_SHEET)).toBeUndefined();
  expect(dumpWorkbook(download)).toEqual(dumpWorkbook(await reopen(original)));
});

test("checked again before 清除标记 (the page always checks on opening): the count is the marks now in the copy, as in Excel and WPS", async () => {
  const original = await bytesOf(formWithErrors());
  // Annotated with every option; checked again in the hosts with the flags only (no total fixed, no grade written).
  const { copy, marked } = await annotatedCopy(original);
  const flagsOnly: CheckOptions = { fixTotals: false, writeGrade: false };

  const page = await XlsxHost.open(copy);
  const { excel, wps } = await otherHosts(copy);
  for (const host of [page, excel, wps]) await checkAndMark(host, flagsOnly);
  const { marked: flagged } = await annotatedCopy(original, flagsOnly);
  expect(flagged).toBeLessThan(marked);
  const cleared = { page: await page.clearFlags(), excel: await excel.clearFlags(), wps: await wps.clearFlags() };
  expect(cleared).toEqual({ page: flagged, excel: flagged, wps: flagged });
  expect(dumpWorkbook(await reopen(await page.toBytes()))).toEqual(dumpWorkbook(await reopen(original)));
});

test("marks on a sheet the new check does not touch stay counted until 清除标记, as they stay in Excel's and WPS's cells", async () => {
  // Two tables: 2019年 checked (and marked) earlier, 指标表 checked now.
  const original = new Uint8Array((await twoTablesFile()).buffer);
  const { copy, marked } = await annotatedCopy(original, { ...OPTIONS, sheet: "2019年" });
  expect(marked).toBeGreaterThan(0);

  const page = await XlsxHost.open(copy);
  const { excel, wps } = await otherHosts(copy);
  for (const host of [page, excel, wps]) await checkAndMark(host, { ...OPTIONS, sheet: "指标表" });
  // The page's copy holds this check's marks on 指标表; the earlier ones on 2019年 are still set aside.
  expect(page.setAsideCells).toBe(marked);
  const cleared = { page: await page.clearFlags(), excel: await excel.clearFlags(), wps: await wps.clearFlags() };
  expect(cleared.page).toBeGreaterThan(marked);
  expect(cleared).toEqual({ page: cleared.page, excel: cleared.page, wps: cleared.page });
  expect(dumpWorkbook(await reopen(await page.toBytes()))).toEqual(dumpWorkbook(await reopen(original)));
});

test("the page's session: open says how many cells carried earlier marks, 清除标记 reports them, the download after it carries none", async () => {
  const original = await bytesOf(formWithErrors());
  const { copy, marked } = await annotatedCopy(original);
  const session = new Session();
  const buffer = copy.slice().buffer as ArrayBuffer;
  const opened = await session.open("form-核查.xlsx", buffer);
  expect(opened.earlierMarks).toBe(marked);
  const reply = await session.check(undefined, { writeFlags: true, fixTotals: true, writeGrade: true, lang: "zh" });
  expect(reply.ok).toBe(true);
  // What the page offers 清除标记 on: the count it will report.
  expect(reply.marks).toBe(marked);
  expect(await session.clear()).toEqual({ cells: marked });
  expect(await session.clear()).toEqual({ cells: 0 });
  const saved = await reopen(new Uint8Array((await session.save()).bytes));
  expect(dumpWorkbook(saved)).toEqual(dumpWorkbook(await reopen(original)));

  // A file never checked carries nothing to set aside.
  expect((await new Session().open("form.xlsx", original.slice().buffer as ArrayBuffer)).earlierMarks).toBe(0);
});
