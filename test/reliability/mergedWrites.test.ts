/**
 * Issue 15 on both hosts that write (the exceljs host of the command line's --out and the
 * page, and the Office.js host over the fake Excel, which fails a run that writes into a
 * covered cell of a merged area as Excel would ignore it): merged grade labels, merged
 * total-row labels, a merged 核查结果 header, a template checked right after insertion, and
 * check → clear leaving the whole workbook as before.
 */
import ExcelJS from "exceljs";
import { check } from "../../src/core/check";
import type { CheckOptions, CheckResult, WritePlan } from "../../src/core/types";
import { RECORD_SHEET, LEGACY_RECORD_SHEET } from "../../src/core/record";
import { cellAddress } from "../../src/core/address";
import { ExcelHost } from "../../src/excel/host";
import { XlsxHost } from "../../src/web/host";
import { loadXlsx } from "../../src/xlsx/load";
import { applyPlan, clearMarks } from "../../src/xlsx/write";
import { addTemplateSheet } from "../../src/xlsx/template";
import { buildTemplate } from "../../src/core/template";
import { buildTable, validRows, type TableSpec } from "../builders/table";
import { FakeWorkbook } from "../excel/fakeExcel";
import { dumpWorkbook, reopen } from "../helpers/workbookDump";

const OPTIONS: CheckOptions = { fixTotals: true, writeGrade: true };

function ok(out: ReturnType<typeof check>): CheckResult {
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

/** Cells a merged area covers (not its top-left), from the workbook itself. */
function coveredCells(ws: ExcelJS.Worksheet): Set<string> {
  const out = new Set<string>();
  for (const ref of Object.keys((ws as unknown as { _merges: object })._merges)) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec((ws as unknown as { _merges: Record<string, { range: string }> })._merges[ref].range);
    if (!m) continue;
    const top = Number(m[2]);
    const bottom = Number(m[4]);
    const left = ws.getColumn(m[1]).number;
    const right = ws.getColumn(m[3]).number;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) out.add(cellAddress(r, c));
  }
  return out;
}

function planCells(plan: WritePlan): string[] {
  return plan.writes.map((w) => cellAddress(w.row, w.col));
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Checks and marks on both hosts; asserts that no write lands in a covered cell, that the
 * marks leave every covered cell and the labels as they were, and that checking twice then
 * clearing leaves the whole workbook as it was. Returns the exceljs host's result and marked copy.
 */
async function throughBothHosts(bytes: Uint8Array, options: CheckOptions = OPTIONS): Promise<{ result: CheckResult; marked: ExcelJS.Workbook; fake: FakeWorkbook }> {
  const before = dumpWorkbook(await reopen(bytes));

  // exceljs host.
  const { workbook, sheets } = await loadXlsx(bytes);
  const result = ok(check(sheets, options));
  const ws = workbook.getWorksheet(result.layout.sheet)!;
  const covered = coveredCells(ws);
  expect(planCells(result.plan).filter((a) => covered.has(a))).toEqual([]);
  applyPlan(workbook, result.plan);
  applyPlan(workbook, result.plan);
  const marked = await reopen(workbook);
  const clearing = await reopen(workbook);
  clearMarks(clearing);
  expect(dumpWorkbook(await reopen(clearing))).toEqual(before);
  const again = await loadXlsx(await bytesOf(marked));
  expect(ok(check(again.sheets, options)).findings).toEqual(result.findings);

  // Office.js host: the fake fails the run on a write into a covered cell.
  const fake = FakeWorkbook.fromExcelJs(await reopen(bytes));
  const dumpFake = () => fake.sheets.map((s) => [s.name, fake.dump(s.name)]);
  const unmarked = dumpFake();
  const host = new ExcelHost(fake.env());
  const inExcel = ok(check(await host.readWorkbook(), options));
  expect(planCells(inExcel.plan)).toEqual(planCells(result.plan));
  await host.applyPlan(inExcel.plan, inExcel);
  await host.applyPlan(inExcel.plan, inExcel);
  expect(fake.coveredWrites).toEqual([]);
  await new ExcelHost(fake.env()).clearFlags();
  expect(dumpFake()).toEqual(unmarked);
  expect(fake.sheet(RECORD_SHEET)).toBeUndefined();
  expect(fake.sheet(LEGACY_RECORD_SHEET)).toBeUndefined();
  // And once more marked, for the caller to look at.
  const host2 = new ExcelHost(fake.env());
  const last = ok(check(await host2.readWorkbook(), options));
  await host2.applyPlan(last.plan, last);
  return { result, marked, fake };
}

function table(spec: Partial<TableSpec> = {}) {
  const rows = validRows(10);
  rows[2] = { ...rows[2], score: 7 };
  return buildTable({ rows, total: "sum", grade: null, ...spec });
}

test("a grade label 评价等级 merged across A:E with F empty: the grade goes to F, the label stays (both hosts)", async () => {
  const { workbook, sheet, totalRow } = table();
  const gradeRow = totalRow! + 1;
  sheet.getCell(gradeRow, 1).value = "评价等级";
  sheet.mergeCells(gradeRow, 1, gradeRow, 5);
  const { result, marked, fake } = await throughBothHosts(await bytesOf(workbook));

  expect(result.layout.gradeCell).toEqual({ row: gradeRow, col: 6 });
  const grade = result.plan.writes.find((w) => w.row === gradeRow);
  expect(grade).toMatchObject({ col: 6, value: "优" });
  const ws = marked.getWorksheet("指标表")!;
  expect(ws.getCell(gradeRow, 1).value).toBe("评价等级");
  expect(ws.getCell(gradeRow, 6).value).toBe("优");
  expect(fake.valueAt("指标表", gradeRow, 1)).toBe("评价等级");
  expect(fake.valueAt("指标表", gradeRow, 6)).toBe("优");
});

test("a grade label merged across the whole table: the grade goes to the first free cell right of it, the 核查结果 column after", async () => {
  const { workbook, sheet, totalRow } = table();
  // The table's last column, as the check sees it.
  const lastColumn = ok(check((await loadXlsx(await bytesOf(workbook))).sheets)).layout.lastColumn;
  const gradeRow = totalRow! + 1;
  sheet.getCell(gradeRow, 1).value = "评价等级";
  sheet.mergeCells(gradeRow, 1, gradeRow, lastColumn);
  const { result, marked } = await throughBothHosts(await bytesOf(workbook));

  expect(result.plan.writes.filter((w) => w.row === gradeRow)).toEqual([{ row: gradeRow, col: lastColumn + 1, value: "优", purpose: "fix" }]);
  expect(result.plan.resultColumn).toBe(lastColumn + 2);
  expect(marked.getWorksheet("指标表")!.getCell(gradeRow, 1).value).toBe("评价等级");
});

test("no free cell beside a merged grade label (a merged 盖章 remark right of it): the grade is reported as not written, with the reason", async () => {
  const { workbook, sheet, totalRow } = table();
  const gradeRow = totalRow! + 1;
  sheet.getCell(gradeRow, 1).value = "评价等级";
  sheet.mergeCells(gradeRow, 1, gradeRow, 5);
  sheet.getCell(gradeRow, 6).value = "（单位盖章）";
  sheet.mergeCells(gradeRow, 6, gradeRow, 8);
  const { result, marked } = await throughBothHosts(await bytesOf(workbook));

  expect(result.plan.writes.filter((w) => w.row === gradeRow)).toEqual([]);
  expect(result.plan.unwritten).toEqual([
    expect.objectContaining({ row: gradeRow, col: 6, purpose: "fix", value: expect.stringMatching(/^优/), reason: expect.objectContaining({ zh: expect.stringContaining("未写入"), en: expect.stringContaining("not written") }) }),
  ]);
  const ws = marked.getWorksheet("指标表")!;
  expect([ws.getCell(gradeRow, 1).value, ws.getCell(gradeRow, 6).value]).toEqual(["评价等级", "（单位盖章）"]);
});

test("merged total-row labels: the total label merged A:E, a wrong typed total and a merged note beside it; nothing written into the merges", async () => {
  const { workbook, sheet, totalRow, firstRow, lastRow } = table({ total: { weight: 100, score: 90 } });
  // A remark merged across the two columns after the table on the total row, and the grade row's label too.
  sheet.getCell(totalRow!, 8).value = "备注";
  sheet.mergeCells(totalRow!, 8, totalRow!, 9);
  const { result, marked } = await throughBothHosts(await bytesOf(workbook));

  expect(result.findings.map((f) => f.code)).toContain("TOTAL_SCORE_MISMATCH");
  // The 核查结果 column moved past the remark's merged area, so its summary on the total row is its own cell.
  expect(result.plan.resultColumn).toBe(10);
  const ws = marked.getWorksheet("指标表")!;
  expect(ws.getCell(totalRow!, 1).value).toBe("总分");
  expect(ws.getCell(totalRow!, 8).value).toBe("备注");
  expect(String(ws.getCell(totalRow!, 10).value)).toContain("得分合计");
  expect(ws.getCell(totalRow!, 7).value).toMatchObject({ formula: `SUM(G${firstRow}:G${lastRow})` });
});

test("a merged 核查结果 header (over both rows of a two-row header): written in its top-left, never below", async () => {
  const { workbook, sheet, headerRow } = table({ header: "two-row" });
  // The builder gives the lower of the two header rows.
  sheet.getCell(headerRow - 1, 8).value = "核查结果";
  sheet.mergeCells(headerRow - 1, 8, headerRow, 8);
  const { result, marked } = await throughBothHosts(await bytesOf(workbook));

  expect(result.layout.headerRows).toEqual([headerRow - 1, headerRow]);
  expect(result.plan.resultColumn).toBe(8);
  expect(result.plan.writes.filter((w) => w.col === 8 && w.row <= headerRow).map((w) => w.row)).toEqual([headerRow - 1]);
  expect(marked.getWorksheet("指标表")!.getCell(headerRow - 1, 8).value).toBe("核查结果");
});

test("a header merged past the table's last column: the 核查结果 column goes after the merged area", async () => {
  const { workbook, sheet, headerRow } = table();
  sheet.getCell(headerRow, 8).value = "说明";
  sheet.mergeCells(headerRow, 8, headerRow, 9);
  const { result } = await throughBothHosts(await bytesOf(workbook));
  expect(result.plan.resultColumn).toBeGreaterThanOrEqual(10);
});

describe("a template checked right after insertion", () => {
  for (const kind of ["project", "department"] as const) {
    test(`${kind}: exceljs host (formulas never calculated): no total mismatch, the form's SUM and IF kept, nothing in a merged area`, async () => {
      const wb = new ExcelJS.Workbook();
      const template = buildTemplate(kind);
      addTemplateSheet(wb, template);
      const bytes = await bytesOf(wb);
      const { result } = await throughBothHosts(bytes);
      const codes = result.findings.map((f) => f.code);
      expect(codes).not.toContain("TOTAL_WEIGHT_MISMATCH");
      expect(codes).not.toContain("TOTAL_SCORE_MISMATCH");
      expect(result.plan.writes.filter((w) => w.purpose === "fix")).toEqual([]);
      expect(result.layout.gradeCell).toEqual(template.layout.gradeCell);
    });
  }

  test("project, in Excel: inserted, checked at once with totals and grade, marked, cleared: as inserted", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet("Sheet1");
    const host = new ExcelHost(fake.env());
    const name = await host.insertTemplate("project");
    const inserted = fake.dump(name);
    const result = ok(check(await host.readWorkbook(), { ...OPTIONS, sheet: name }));
    const codes = result.findings.map((f) => f.code);
    expect(codes).not.toContain("TOTAL_WEIGHT_MISMATCH");
    expect(codes).not.toContain("TOTAL_SCORE_MISMATCH");
    expect(result.plan.writes.filter((w) => w.purpose === "fix")).toEqual([]);
    await host.applyPlan(result.plan, result);
    expect(fake.coveredWrites).toEqual([]);
    await host.clearFlags();
    expect(fake.dump(name)).toEqual(inserted);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", name]);
  });
});

test("the page: check, download, 清除标记, download: the second download is the original workbook", async () => {
  const { workbook, sheet, totalRow } = table();
  sheet.getCell(totalRow! + 1, 1).value = "评价等级";
  sheet.mergeCells(totalRow! + 1, 1, totalRow! + 1, 5);
  workbook.definedNames.add("指标表!$A$1:$B$2", "打印区域");
  workbook.calcProperties.fullCalcOnLoad = true;
  const bytes = await bytesOf(workbook);
  const page = await XlsxHost.open(bytes);
  const result = ok(check(await page.readWorkbook(), OPTIONS));
  await page.applyPlan(result.plan, result);
  const first = dumpWorkbook(await reopen(await page.toBytes()));
  expect(first).not.toEqual(dumpWorkbook(await reopen(bytes)));
  await page.clearFlags();
  expect(dumpWorkbook(await reopen(await page.toBytes()))).toEqual(dumpWorkbook(await reopen(bytes)));
});

test("Excel: a sheet with more merged areas than one query gives (512) still knows the merged grade label and places the grade beside it", async () => {
  const rows = validRows(600);
  rows[2] = { ...rows[2], score: 0 };
  const { workbook, sheet, totalRow, firstRow } = buildTable({ rows, total: "sum", grade: null });
  // 600 small merged notes far right of the table: the first query over the used range fails.
  for (let r = firstRow; r < firstRow + 600; r++) {
    sheet.getCell(r, 30).value = "·";
    sheet.mergeCells(r, 30, r, 31);
  }
  const gradeRow = totalRow! + 1;
  sheet.getCell(gradeRow, 1).value = "评价等级";
  sheet.mergeCells(gradeRow, 1, gradeRow, 5);
  const fake = FakeWorkbook.fromExcelJs(await reopen(await bytesOf(workbook)));
  const host = new ExcelHost(fake.env());
  const sheets = await host.readWorkbook();
  const result = ok(check(sheets, { writeGrade: true }));
  expect(sheets[0].merges).toContain(`A${gradeRow}:E${gradeRow}`);
  expect(result.plan.writes.filter((w) => w.row === gradeRow)).toEqual([expect.objectContaining({ col: 6 })]);
  await host.applyPlan(result.plan, result);
  expect(fake.coveredWrites).toEqual([]);
  expect(fake.valueAt("指标表", gradeRow, 1)).toBe("评价等级");
});
