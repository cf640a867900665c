/**
 * The WPS host over the fake ET: the snapshot equals the exceljs host's for the same workbook,
 * the plan is written as specified with screen updating off, 清除标记 restores exactly, and the
 * number of ET calls follows the columns, merged areas and marked runs, not the rows.
 */
import * as fs from "fs";
import { SEED_XLSX, rowsWithProblems } from "../excel/helpers";
import { buildTable, validRows } from "../builders/table";
import { WpsHost } from "../../src/wps/host";
import type { EtApplication } from "../../src/wps/et";
import { RECORD_SHEET } from "../../src/core/record";
import { FakeEt } from "./fakeEt";
import { runCheck } from "../../src/taskpane/runCheck";
import { byName, bytesOf, checkWith, wpsOf, xlsxSnapshots } from "./support";

const RUGAO_XLSX = `${__dirname}/../../assets/example/rugao-2020.xlsx`;
const seedBytes = () => new Uint8Array(fs.readFileSync(SEED_XLSX));

async function problemBytes(rows = 30): Promise<Uint8Array> {
  return bytesOf(buildTable({ rows: rowsWithProblems(rows), total: "number" }).workbook);
}

describe.each([
  ["array", true],
  ["item", true],
  ["array", false],
  ["item", false],
] as const)("Value2 blocks as %s, Value(11) answered: %s", (blockShape, xmlSpreadsheet) => {
  test("the seed workbook reads as the exceljs host reads it (values, formulas, formats, merges)", async () => {
    const bytes = seedBytes();
    const { et, host } = await wpsOf(bytes, { blockShape, xmlSpreadsheet });
    expect(byName(await host.readWorkbook())).toEqual(byName(await xlsxSnapshots(bytes)));
    expect(et.unimplemented).toEqual([]);
  });

  test("a table with problems, percent formats and a two-row merged header reads the same", async () => {
    const rows = rowsWithProblems(40).map((r, i) => (i % 5 === 0 ? { ...r, target: 0.95, actual: 0.97, numFmt: "0.0%" } : r));
    const bytes = await bytesOf(buildTable({ rows, header: "two-row", levels: "merged" }).workbook);
    const { host } = await wpsOf(bytes, { blockShape, xmlSpreadsheet });
    expect(byName(await host.readWorkbook())).toEqual(byName(await xlsxSnapshots(bytes)));
  });
});

test("the plan is written as specified, with screen updating off, and 清除标记 restores every cell", async () => {
  const { et, host } = await wpsOf(await problemBytes());
  const before = et.dump("指标表");
  const result = await checkWith(host, { fixTotals: true, writeGrade: true });
  expect(result.plan.writes.some((w) => w.purpose === "flag")).toBe(true);
  await host.applyPlan(result.plan, result);

  const after = et.dump("指标表").cells;
  for (const w of result.plan.writes) {
    const a = `${String.fromCharCode(64 + w.col)}${w.row}`;
    if (w.formula) expect(after[a].f).toBe(w.formula);
    else if (w.value !== undefined && w.value !== null) expect(after[a].v).toBe(w.value);
    if (typeof w.fill === "string") {
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(w.fill!.slice(i, i + 2), 16));
      expect(after[a].fill).toBe(r + g * 256 + b * 65536); // BGR
    }
    if (w.note) expect(after[a].note).toBe(w.note);
  }
  expect(et.dump("指标表").widths[result.plan.resultColumn]).toBeGreaterThan(40);
  expect(et.writesWithScreenOn).toBe(0);
  expect(et.screenUpdating).toBe(true);
  expect(et.ignoredWrites).toEqual([]);
  // The record: very hidden, not the active sheet.
  expect(et.sheet(RECORD_SHEET)?.visible).toBe(2);
  expect(et.active).toBe("指标表");

  // Checking again sees the user's data, not the marks, and plans the same.
  const again = await checkWith(host, { fixTotals: true, writeGrade: true });
  expect(again.plan).toEqual(result.plan);
  await host.applyPlan(again.plan, again);

  const restored = await host.clearFlags();
  expect(restored).toBeGreaterThan(0);
  expect(et.dump("指标表")).toEqual(before);
  // Nothing left recorded: the record sheet is gone, deleted without asking the user.
  expect(et.sheet(RECORD_SHEET)).toBeUndefined();
  expect(et.deletesWithAlerts).toBe(0);
  expect(et.displayAlerts).toBe(true);
  expect(et.unimplemented).toEqual([]);
});

test("a note of the user's own is kept; the result column says it all", async () => {
  const { et, host } = await wpsOf(await problemBytes());
  const result = await checkWith(host);
  const flagged = result.plan.writes.find((w) => w.note)!;
  const address = `${String.fromCharCode(64 + flagged.col)}${flagged.row}`;
  et.sheet("指标表")!.cells.get(flagged.row * 20000 + flagged.col)!.note = "用户批注";
  await host.applyPlan(result.plan, result);
  expect(et.dump("指标表").cells[address].note).toBe("用户批注");
  await host.clearFlags();
  expect(et.dump("指标表").cells[address].note).toBe("用户批注");
});

test.each([true, false])("ET calls of a check and a write-back do not grow with rows (Value(11) answered: %s)", async (xmlSpreadsheet) => {
  const calls = async (n: number) => {
    // Typed totals and a flagged row every few rows: the same marked runs per column at each size is not the point; rows are.
    const bytes = await bytesOf(buildTable({ rows: validRows(n), levels: "blank" }).workbook);
    const { et, host } = await wpsOf(bytes, { xmlSpreadsheet });
    et.resetCalls();
    const result = await checkWith(host);
    const read = et.calls;
    et.resetCalls();
    await host.applyPlan(result.plan, result);
    return { read, write: et.calls };
  };
  const small = await calls(20);
  const large = await calls(400);
  expect(large.read).toBe(small.read);
  expect(large.write).toBe(small.write);
});

test("a member the fake does not implement throws and is reported", () => {
  const et = new FakeEt({ sheets: [{ name: "S", cells: {} }] });
  const app = et.Application as { ActiveWorkbook: { Worksheets: { Item(i: number): { Range(a: string): Record<string, unknown> } } } };
  const range = app.ActiveWorkbook.Worksheets.Item(1).Range("A1");
  expect(() => range.Text).toThrow(/Range\.Text/);
  expect(et.unimplemented).toContain("Range.Text");
});

test("a write into a covered cell of a merged area is ignored, as in WPS", () => {
  const et = new FakeEt({ sheets: [{ name: "S", cells: { A1: { v: "标题" } }, merges: ["A1:C1"] }] });
  const app = et.Application as EtApplication;
  app.ActiveWorkbook!.Worksheets.Item(1).Range("B1").Formula = "x";
  expect(et.dump("S").cells.B1).toBeUndefined();
  expect(et.ignoredWrites).toEqual(["S!B1"]);
});

test("no workbook open: a clear bilingual message", async () => {
  const host = new WpsHost({ ActiveWorkbook: null, ScreenUpdating: true, DisplayAlerts: true });
  await expect(host.readWorkbook()).rejects.toThrow(/没有打开的工作簿.*No workbook is open/);
});

test("插入模板 adds a sheet that checks with no error, and selects its first indicator cell", async () => {
  const { et, host } = await wpsOf(seedBytes());
  const name = await host.insertTemplate("department");
  expect(et.sheets.some((s) => s.name === name)).toBe(true);
  expect(et.active).toBe(name);
  expect(et.selections.length).toBe(1);
  const result = await checkWith(host);
  expect(result.layout.sheet).toBe(name);
  expect(et.unimplemented).toEqual([]);
});

describe("a protected sheet (审阅 → 保护工作表) is never written to", () => {
  const runOptions = { writeFlags: true, fixTotals: true, writeGrade: true, lang: "zh" as const };

  test("the table's sheet protected: the check reports, says it cannot write, and no cell changes", async () => {
    const { et, host } = await wpsOf(await problemBytes());
    et.sheet("指标表")!.protectContents = true;
    const before = et.dump("指标表");
    const run = await runCheck(host, runOptions);
    if (run.kind !== "result") throw new Error("no table");
    expect(run.result.findings.length).toBeGreaterThan(0);
    expect(run.canWrite).toBe(false);
    expect(run.written).toBe(false);
    expect(et.dump("指标表")).toEqual(before);
    expect(et.sheets.map((s) => s.name)).not.toContain(RECORD_SHEET);
  });

  test("the narrative's sheet protected: the table is marked, the narrative left as it is, and 清除标记 restores the table", async () => {
    const { et, host } = await wpsOf(new Uint8Array(fs.readFileSync(RUGAO_XLSX)));
    const narrativeSheet = et.sheet("自评价表")!;
    narrativeSheet.protectContents = true;
    const narrativeBefore = et.dump("自评价表");
    const tableBefore = et.dump("指标表");
    const run = await runCheck(host, runOptions);
    if (run.kind !== "result") throw new Error("no table");
    expect(run.result.plan.narrativeSheets).toContain("自评价表"); // the narrative has a finding to mark
    expect(run.written).toBe(true);
    expect(et.dump("指标表")).not.toEqual(tableBefore);
    expect(et.dump("自评价表")).toEqual(narrativeBefore);
    await host.clearFlags();
    expect(et.dump("指标表")).toEqual(tableBefore);
    expect(et.dump("自评价表")).toEqual(narrativeBefore);
  });
});
