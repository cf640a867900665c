/**
 * Counterexamples the property tests found, shrunk, kept as plain cases.
 */
import ExcelJS from "exceljs";
import { check } from "../../src/core/check";
import { snapshotFromRows } from "../../src/core/snapshot";
import { loadXlsx } from "../../src/xlsx/load";
import { applyPlan, clearMarks } from "../../src/xlsx/write";
import { RESULT_COLUMN_WIDTH, charactersOfPoints } from "../../src/core/record";
import { buildTable, validRows } from "../builders/table";

test("a weight of -1.8e306 is not a number a person typed: NOT_A_NUMBER, and the totals stay finite (was -Infinity)", () => {
  const sheet = snapshotFromRows("S", [
    ["三级指标", "权重", "得分"],
    ["办件量", -1.797693134862316e306, 2],
    ["培训人次", 1e308, 1e308],
  ]);
  const out = check([sheet]);
  if (!out.ok) throw new Error(out.error.message.en);
  const { totals, findings } = out.result;
  expect(Number.isFinite(totals.weight)).toBe(true);
  expect(Number.isFinite(totals.score)).toBe(true);
  expect(findings.filter((f) => f.code === "NOT_A_NUMBER").map((f) => f.cell)).toEqual(["B2", "B3", "C3"]);
});

test("a table that ends at column XFD plans no 核查结果 column beyond it (was column 16385), and still flags its cells", () => {
  const sheet = snapshotFromRows(
    "S",
    [
      ["三级指标", "权重", "得分"],
      ["办件量", 2, 3],
    ],
    0,
    16_381,
  );
  const out = check([sheet]);
  if (!out.ok) throw new Error(out.error.message.en);
  const { plan } = out.result;
  expect(out.result.layout.lastColumn).toBe(16_384);
  expect(plan.writes.every((w) => w.col <= 16_384)).toBe(true);
  expect(plan.writes.filter((w) => w.purpose === "flag").map((w) => [w.row, w.col])).toEqual([[2, 16_384]]);
});

test("a total formula Excel never calculated (no cached result) is reported when it sums other cells, recognised when it sums the table's rows", () => {
  const sheet = snapshotFromRows("S", [
    ["三级指标", "权重", "得分"],
    ["办件量", 60, 60],
    ["培训人次", 40, 38],
    ["总分", null, null],
  ]);
  sheet.formulas = [[], [], [], [null, "=SUM(B2:B2)", "=SUM(C2:C3)"]];
  const out = check([sheet], { fixTotals: true });
  if (!out.ok) throw new Error(out.error.message.en);
  const totals = out.result.findings.filter((f) => f.row === 4 && f.code.startsWith("TOTAL_") && f.code.endsWith("MISMATCH")).map((f) => [f.code, f.cell, f.message.en]);
  // The weight total misses row 3: reported, never passed over. The score total is the form's own SUM: right, and kept.
  expect(totals).toEqual([["TOTAL_WEIGHT_MISMATCH", "B4", "The stated weight total “=SUM(B2:B2)” does not match the sum of the weights 100"]]);
  expect(out.result.plan.writes.filter((w) => w.purpose === "fix").map((w) => [w.row, w.col, w.formula])).toEqual([[4, 2, "=SUM(B2:B3)"]]);
  expect(out.result.totals).toMatchObject({ weight: 100, score: 98 });
});

describe("exceljs write-back", () => {
  async function reopen(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    return back;
  }

  /** Text weights and scores: Excel's SUM skips text, so the totals' cached results are 0. */
  function zeroTotals(): ExcelJS.Workbook {
    const rows = validRows(4).map((r) => ({ ...r, weight: String(r.weight), score: String(r.score) }));
    return buildTable({ rows, total: { weight: { formula: "SUM(F5:F8)", result: 0 }, score: { formula: "SUM(G5:G8)", result: 0 } } }).workbook;
  }

  test("a flagged formula whose cached result is 0 keeps it: checking the annotated copy again finds the same (was: 'never calculated')", async () => {
    const loaded = await loadXlsx(new Uint8Array(await zeroTotals().xlsx.writeBuffer()));
    const first = check(loaded.sheets);
    if (!first.ok) throw new Error(first.error.message.en);
    expect(first.result.totals.statedWeight).toBe(0);
    applyPlan(loaded.workbook, first.result.plan);
    const again = await loadXlsx(new Uint8Array(await loaded.workbook.xlsx.writeBuffer()));
    const second = check(again.sheets);
    if (!second.ok) throw new Error(second.error.message.en);
    expect(second.result.findings).toEqual(first.result.findings);
    const cleared = await reopen(again.workbook);
    clearMarks(cleared);
    expect((await reopen(cleared)).getWorksheet("指标表")!.getCell("F9").model).toMatchObject({ formula: "SUM(F5:F8)", result: 0 });
  });

  test("清除标记 restores the result column's width too (was: left at 40)", async () => {
    const wb = zeroTotals();
    const before = wb.getWorksheet("指标表")!.getColumn(8).width;
    const loaded = await loadXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = check(loaded.sheets);
    if (!out.ok) throw new Error(out.error.message.en);
    applyPlan(loaded.workbook, out.result.plan);
    const marked = await reopen(loaded.workbook);
    expect(marked.getWorksheet("指标表")!.getColumn(out.result.plan.resultColumn).width).toBe(charactersOfPoints(RESULT_COLUMN_WIDTH));
    clearMarks(marked);
    expect((await reopen(marked)).getWorksheet("指标表")!.getColumn(8).width).toBe(before);
  });
});
