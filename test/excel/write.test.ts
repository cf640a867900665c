import { ExcelHost } from "../../src/excel/host";
import { check } from "../../src/core/check";
import type { CheckOptions, CheckResult, WritePlan } from "../../src/core/types";
import { parseAddress } from "../../src/core/address";
import { RECORD_SHEET as RECORD_SHEET_NAME } from "../../src/core/record";
import { FakeWorkbook, type FakeOptions } from "./fakeExcel";
import { fakeTable } from "./fakeTable";
import { seedFake } from "./helpers";

async function checkIn(host: ExcelHost, options: CheckOptions = { fixTotals: true, writeGrade: true }): Promise<CheckResult> {
  const out = check(await host.readWorkbook(), options);
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

/** Every cell the plan names, as "A1" addresses. */
function planned(plan: WritePlan): Set<string> {
  return new Set(plan.writes.map((w) => `${String.fromCharCode(64 + w.col)}${w.row}`));
}

type Dump = { cells: Record<string, Record<string, unknown>>; notes: Record<string, string>; widths: Record<string, number> };

function problemTable(rows = 30, options: FakeOptions = {}) {
  return fakeTable({ rows, overScored: [1, 7], unmetFull: [3], typedTotals: true }, options);
}

test("the plan is applied as specified: result column, fills, notes, SUM totals; nothing else changes", async () => {
  const { fake, totalRow, firstRow, lastRow } = problemTable();
  const before = fake.dump("指标表") as Dump;
  const host = new ExcelHost(fake.env());
  const result = await checkIn(host);
  const { plan } = result;
  expect(plan.writes.some((w) => w.purpose === "flag")).toBe(true);
  expect(plan.writes.some((w) => w.purpose === "fix")).toBe(true);
  fake.resetStats();
  await host.applyPlan(plan, result);

  const sheet = fake.sheet("指标表")!;
  for (const w of plan.writes) {
    const cell = sheet.cell(w.row, w.col);
    if (w.formula) {
      expect(cell?.formula).toBe(w.formula);
      expect(fake.valueAt("指标表", w.row, w.col)).toBeCloseTo(w.value as number, 6);
    } else if (w.value !== undefined) {
      expect(fake.valueAt("指标表", w.row, w.col)).toBe(w.value);
    }
    if (typeof w.fill === "string") expect(cell?.fill).toBe(w.fill);
    if (w.note) expect(sheet.notes.get(w.row * 20000 + w.col)).toBe(w.note);
    if (w.purpose === "result") expect(cell?.wrap).toBe(true);
  }
  expect(sheet.cell(totalRow, 6)?.formula).toBe(`=SUM(F${firstRow}:F${lastRow})`);
  expect(sheet.columnWidth(plan.resultColumn)).toBeGreaterThanOrEqual(240);

  const after = fake.dump("指标表") as Dump;
  const touched = planned(plan);
  for (const [address, cell] of Object.entries(before.cells)) {
    if (!touched.has(address)) expect(after.cells[address]).toEqual(cell);
  }
  for (const address of Object.keys(after.cells)) {
    if (!before.cells[address]) expect(touched.has(address)).toBe(true);
  }
  expect(fake.sheet(RECORD_SHEET_NAME)?.visibility).toBe("VeryHidden");
  // One batch, calculation and screen updating suspended, one undo step.
  expect(fake.stats.syncs).toBe(2);
  expect(fake.stats.suspendCalculation).toBe(1);
  expect(fake.stats.suspendScreen).toBe(1);
  expect(fake.stats.runs.at(-1)?.options.mergeUndoGroup).toBe(true);
});

test("清除标记 restores exactly what was there, also from a new session (closed and reopened)", async () => {
  const { fake } = problemTable();
  // The user's own fill and note on a cell the check will flag, and text in the result column's way.
  const sheet = fake.sheet("指标表")!;
  const flagged = { row: 6, col: 7 };
  sheet.ensure(flagged.row, flagged.col).fill = "00B0F0";
  sheet.notes.set(flagged.row * 20000 + flagged.col, "用户自己的批注");
  Object.assign(sheet.ensure(20, 8), { value: "=不是公式", quotePrefix: true });
  Object.assign(sheet.ensure(21, 8), { value: "007", quotePrefix: true });
  const before = JSON.stringify(fake.dump("指标表"));

  const first = new ExcelHost(fake.env());
  const result = await checkIn(first);
  await first.applyPlan(result.plan, result);
  expect(JSON.stringify(fake.dump("指标表"))).not.toBe(before);
  // The user's note is kept: the result column carries the message.
  expect(sheet.notes.get(flagged.row * 20000 + flagged.col)).toBe("用户自己的批注");

  const reopened = new ExcelHost(fake.env());
  fake.resetStats();
  const restored = await reopened.clearFlags();
  expect(restored).toBeGreaterThan(0);
  expect(JSON.stringify(fake.dump("指标表"))).toBe(before);
  expect(fake.stats.syncs).toBeLessThanOrEqual(4);
});

test("checking twice leaves the same sheet as checking once", async () => {
  const { fake } = problemTable();
  const host = new ExcelHost(fake.env());
  const r1 = await checkIn(host);
  await host.applyPlan(r1.plan, r1);
  const once = JSON.stringify([fake.dump("指标表"), fake.dump(RECORD_SHEET_NAME)]);
  const r2 = await checkIn(host);
  expect(JSON.stringify(r2.findings)).toBe(JSON.stringify(r1.findings));
  await host.applyPlan(r2.plan, r2);
  expect(JSON.stringify([fake.dump("指标表"), fake.dump(RECORD_SHEET_NAME)])).toBe(once);
});

test("a SUM that misses a row, fixed and checked again: the same findings and the same sheet", async () => {
  const { fake, totalRow, lastRow } = fakeTable({ rows: 20, overScored: [2], shortTotals: true });
  const host = new ExcelHost(fake.env());
  const r1 = await checkIn(host);
  expect(r1.findings.map((f) => f.code)).toContain("TOTAL_FORMULA_RANGE");
  await host.applyPlan(r1.plan, r1);
  expect(fake.sheet("指标表")!.cell(totalRow, 7)?.formula).toBe(`=SUM(G5:G${lastRow})`);
  const once = JSON.stringify(fake.dump("指标表"));
  const r2 = await checkIn(host);
  expect(JSON.stringify(r2.findings)).toBe(JSON.stringify(r1.findings));
  expect(JSON.stringify(r2.totals)).toBe(JSON.stringify(r1.totals));
  await host.applyPlan(r2.plan, r2);
  expect(JSON.stringify(fake.dump("指标表"))).toBe(once);
  await host.clearFlags();
  expect(fake.sheet("指标表")!.cell(totalRow, 7)?.formula).toBe(`=SUM(G5:G${lastRow - 1})`);
});

test("the check reads the user's data, not its own marks", async () => {
  const { fake } = problemTable();
  const host = new ExcelHost(fake.env());
  const before = await host.readWorkbook();
  const r = await checkIn(host);
  await host.applyPlan(r.plan, r);
  expect(await host.readWorkbook()).toEqual(before);
});

test("an edit the user made after the check survives 清除标记 (only changed aspects are restored)", async () => {
  const { fake, firstRow } = problemTable();
  const host = new ExcelHost(fake.env());
  const r = await checkIn(host);
  await host.applyPlan(r.plan, r);
  const over = r.findings.find((f) => f.code === "SCORE_EXCEEDS_WEIGHT" && f.cell)!;
  const at = parseAddress(over.cell!)!;
  fake.sheet("指标表")!.set(over.cell!, 1);
  await host.clearFlags();
  expect(fake.valueAt("指标表", at.row, at.col)).toBe(1);
  expect(fake.sheet("指标表")!.cell(at.row, at.col)?.fill).toBeUndefined();
  expect(firstRow).toBe(5);
});

test("syncs per write-back do not grow with the number of rows", async () => {
  const counts: number[][] = [];
  for (const n of [20, 400, 2000]) {
    const { fake } = problemTable(n);
    const host = new ExcelHost(fake.env());
    const r = await checkIn(host);
    fake.resetStats();
    await host.applyPlan(r.plan, r);
    const write = fake.stats.syncs;
    fake.resetStats();
    await host.clearFlags();
    counts.push([write, fake.stats.syncs]);
  }
  expect(counts).toEqual([
    [2, 2],
    [2, 2],
    [2, 2],
  ]);
});

test("a write-back larger than one request is chunked under the limit and still clears exactly", async () => {
  const limit = 16 * 1024;
  const { fake } = problemTable(600, { payloadLimit: limit });
  const before = JSON.stringify(fake.dump("指标表"));
  const host = new ExcelHost(fake.env());
  const r = await checkIn(host);
  fake.resetStats();
  await host.applyPlan(r.plan, r);
  expect(fake.stats.syncs).toBeGreaterThan(2);
  expect(fake.stats.maxPayload).toBeLessThanOrEqual(limit);
  await host.clearFlags();
  expect(JSON.stringify(fake.dump("指标表"))).toBe(before);
});

test("ExcelApi 1.1: no notes, no width, no suspension — fills and results still written and cleared exactly", async () => {
  const fake = await seedFake({ apiVersion: "1.1" });
  const before = JSON.stringify(fake.dump("指标表"));
  const host = new ExcelHost(fake.env());
  const r = await checkIn(host);
  await host.applyPlan(r.plan, r);
  const sheet = fake.sheet("指标表")!;
  expect(sheet.notes.size).toBe(0);
  expect(fake.valueAt("指标表", r.layout.headerRows[0], r.plan.resultColumn)).toBe("核查结果");
  expect(fake.stats.suspendCalculation).toBe(0);
  expect(fake.stats.runs.at(-1)?.options.mergeUndoGroup).toBeUndefined();
  await host.clearFlags();
  expect(JSON.stringify(fake.dump("指标表"))).toBe(before);
});

test("the record survives: another runtime's write (the ribbon command) is noticed and not lost", async () => {
  const { fake } = problemTable();
  const before = JSON.stringify(fake.dump("指标表"));
  const pane = new ExcelHost(fake.env());
  const ribbon = new ExcelHost(fake.env());
  const r = await checkIn(pane);
  const r2 = await checkIn(ribbon);
  await ribbon.applyPlan(r2.plan, r2);
  // The pane's cached state is stale now; its write must still restore the ribbon's marks first.
  await pane.applyPlan(r.plan, r);
  await pane.clearFlags();
  expect(JSON.stringify(fake.dump("指标表"))).toBe(before);
});

test("a protected sheet is reported, not written", async () => {
  const { fake } = problemTable();
  fake.sheet("指标表")!.protected = true;
  const host = new ExcelHost(fake.env());
  await host.readWorkbook();
  expect(await host.canWrite("指标表")).toBe(false);
  const open = new ExcelHost(fakeTable({ rows: 5 }).fake.env());
  expect(await open.canWrite("指标表")).toBe(true);
});

test("selectCell activates the sheet and selects the cell", async () => {
  const fake = new FakeWorkbook();
  fake.addSheet("封面");
  fake.addSheet("指标表");
  await new ExcelHost(fake.env()).selectCell("指标表", "G12");
  expect(fake.activeSheet).toBe("指标表");
  expect(fake.selection).toEqual({ sheet: "指标表", address: "G12" });
});

test("a marked run whose cells differ in fill or wrap is read cell by cell (one more sync) and restored exactly", async () => {
  const { fake, firstRow } = problemTable();
  const host = new ExcelHost(fake.env());
  const dry = await checkIn(host);
  const col = dry.plan.resultColumn;
  // The user had coloured and wrapped one cell of the column the result will go to.
  Object.assign(fake.sheet("指标表")!.ensure(firstRow + 2, col), { fill: "FFFF00", wrap: true });
  const before = JSON.stringify(fake.dump("指标表"));

  const plain = problemTable().fake;
  const plainHost = new ExcelHost(plain.env());
  const plainResult = await checkIn(plainHost);
  plain.resetStats();
  await plainHost.applyPlan(plainResult.plan, plainResult);

  const result = await checkIn(host);
  fake.resetStats();
  await host.applyPlan(result.plan, result);
  expect(fake.stats.syncs).toBe(plain.stats.syncs + 1);
  await host.clearFlags();
  expect(JSON.stringify(fake.dump("指标表"))).toBe(before);
});
