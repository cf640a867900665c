/**
 * A copy annotated by the command line (`scorecheck check --out`), opened in Excel: the
 * add-in checks it as the user left it, and 清除标记 takes the copy's marks away, keeping
 * what the user changed since. Workbooks built with exceljs, annotated by the CLI's own
 * code, copied into the fake Excel.
 */
import ExcelJS from "exceljs";
import { check } from "../../src/core/check";
import type { CheckResult } from "../../src/core/types";
import { ExcelHost } from "../../src/excel/host";
import { LEGACY_RECORD_SHEET, RECORD_SHEET, decodeLegacyRecord, pointsOfCharacters } from "../../src/core/record";
import { loadXlsx } from "../../src/xlsx/load";
import { applyPlan } from "../../src/xlsx/write";
import { decoratedFormBytes } from "../builders/decoratedForm";
import { FakeWorkbook } from "./fakeExcel";


/** What `scorecheck check FILE --out COPY` writes. */
async function annotatedByCli(bytes: Uint8Array): Promise<{ copy: Uint8Array; result: CheckResult }> {
  const { workbook, sheets } = await loadXlsx(bytes);
  const out = check(sheets, { fixTotals: true, writeGrade: true });
  if (!out.ok) throw new Error(out.error.message.en);
  applyPlan(workbook, out.result.plan);
  return { copy: new Uint8Array(await workbook.xlsx.writeBuffer()), result: out.result };
}

async function fakeOf(bytes: Uint8Array): Promise<FakeWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return FakeWorkbook.fromExcelJs(wb);
}

function verdict(r: CheckResult) {
  return { totals: r.totals, findings: r.findings.map((f) => [f.code, f.row, f.cell]), rows: r.rows.map((x) => [x.row, x.status, x.score]) };
}

test("the add-in checks a CLI-annotated copy as the user left it", async () => {
  const bytes = await decoratedFormBytes();
  const { copy, result } = await annotatedByCli(bytes);
  const fake = await fakeOf(copy);
  expect(fake.sheet(RECORD_SHEET)?.visibility).toBe("VeryHidden");
  const host = new ExcelHost(fake.env());
  const seen = check(await host.readWorkbook(), { fixTotals: true, writeGrade: true });
  if (!seen.ok) throw new Error(seen.error.message.en);
  expect(verdict(seen.result)).toEqual(verdict(result));
  expect(seen.result.plan.resultColumn).toBe(result.plan.resultColumn);
});

test("清除标记 in Excel restores a CLI-annotated copy to the original and removes the CLI's record", async () => {
  const bytes = await decoratedFormBytes();
  const before = (await fakeOf(bytes)).dump("指标表");
  const { copy } = await annotatedByCli(bytes);
  const fake = await fakeOf(copy);
  expect(fake.dump("指标表")).not.toEqual(before);

  const restored = await new ExcelHost(fake.env()).clearFlags();
  expect(restored).toBeGreaterThan(0);
  expect(fake.dump("指标表")).toEqual(before);
  expect(fake.sheet(RECORD_SHEET)).toBeUndefined();
});

test("an edit made in Excel after the CLI annotated the copy survives 清除标记", async () => {
  const bytes = await decoratedFormBytes();
  const { copy, result } = await annotatedByCli(bytes);
  const flagged = result.plan.writes.find((w) => w.purpose === "flag" && w.fill)!;
  const fake = await fakeOf(copy);
  // The reviewer corrects the flagged score in Excel, then clears the marks.
  fake.sheet("指标表")!.ensure(flagged.row, flagged.col).value = 1.5;
  await new ExcelHost(fake.env()).clearFlags();
  const cell = fake.sheet("指标表")!.cell(flagged.row, flagged.col);
  expect(cell?.value).toBe(1.5);
  // Its fill is the one it had before the copy was annotated.
  const originalFill = (await fakeOf(bytes)).sheet("指标表")!.cell(flagged.row, flagged.col)?.fill;
  expect(cell?.fill).toBe(originalFill);
});

test("checking and marking in Excel over the CLI's marks, then 清除标记: the original again", async () => {
  const bytes = await decoratedFormBytes();
  const before = (await fakeOf(bytes)).dump("指标表");
  const { copy } = await annotatedByCli(bytes);
  const fake = await fakeOf(copy);
  const host = new ExcelHost(fake.env());
  const out = check(await host.readWorkbook(), { fixTotals: true, writeGrade: true });
  if (!out.ok) throw new Error(out.error.message.en);
  await host.applyPlan(out.result.plan, out.result);
  // One record, holding the true prior states (those the copy recorded).
  expect(fake.sheet(RECORD_SHEET)?.visibility).toBe("VeryHidden");
  await new ExcelHost(fake.env()).clearFlags();
  expect(fake.dump("指标表")).toEqual(before);
  expect(fake.sheet(RECORD_SHEET)).toBeUndefined();
});

test("legacy record rows (an older command line's _scorecheck): only the aspects written; old rows restore all; damaged rows skipped", () => {
  const rowsOf = (prior: unknown, address = "G7") => [["sheet", "address", "prior"], ["表", address, JSON.stringify(prior)]];
  const fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
  const style = { fill, alignment: { wrapText: true } };
  expect(decodeLegacyRecord(rowsOf({ value: 5, style, note: null, wrote: ["fill"] }))).toEqual([{ sheet: "表", range: "G7", prior: { fill: "00B0F0", ooxml: { fill } } }]);
  expect(decodeLegacyRecord(rowsOf({ value: { formula: "SUM(G2:G6)", result: 98 }, style: {}, note: null, wrote: ["value", "alignment", "note"] }))).toEqual([
    {
      sheet: "表",
      range: "G7",
      prior: { content: { formula: "=SUM(G2:G6)", result: 98 }, wrap: false, note: true, ooxml: { value: { formula: "SUM(G2:G6)", result: 98 }, alignment: null } },
    },
  ]);
  // Written before the aspects were kept: everything, the user's note that the copy replaced included.
  const rich = { richText: [{ text: "部分" }, { text: "完成" }] };
  expect(decodeLegacyRecord(rowsOf({ value: rich, style, note: "用户的" }))).toEqual([
    { sheet: "表", range: "G7", prior: { content: { constant: "部分完成" }, fill: "00B0F0", wrap: true, note: "用户的", ooxml: { value: rich, fill, alignment: { wrapText: true } } } },
  ]);
  expect(decodeLegacyRecord(rowsOf({ value: { width: 12 }, style: null, note: null }, "L:L"))).toEqual([{ sheet: "表", range: "L:L", prior: { width: pointsOfCharacters(12), ooxml: { width: 12 } } }]);
  expect(decodeLegacyRecord(rowsOf({ value: {}, style: null, note: null }, "L:L"))).toEqual([{ sheet: "表", range: "L:L", prior: { width: 48, ooxml: { width: null } } }]);
  expect(decodeLegacyRecord([["sheet", "address", "prior"], ["表", "G7", "{not json"], ["表", "A0", "{}"], [5, "G8", "{}"]])).toEqual([]);
  expect(decodeLegacyRecord([["scorecheck add-in record v1", "range", "prior"]])).toEqual([]);
  expect(LEGACY_RECORD_SHEET).not.toBe(RECORD_SHEET);
});
