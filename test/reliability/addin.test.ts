/**
 * The add-in (Office.js host over the fake Excel) on sheets it must not or
 * cannot write: a protected sheet is still reported, and not one cell of it
 * changes; and a stray cell far from the table (XFD1048576) neither stops the check nor
 * makes it read the empty box around it.
 */
import { ExcelHost } from "../../src/excel/host";
import { RECORD_SHEET as RECORD_SHEET_NAME } from "../../src/core/record";
import { runCheck } from "../../src/taskpane/runCheck";
import { DEFAULT_OPTIONS } from "../../src/taskpane/options";
import { fakeTable } from "../excel/fakeTable";

function everything(fake: ReturnType<typeof fakeTable>["fake"]): string {
  return JSON.stringify(fake.sheets.map((s) => [s.name, fake.dump(s.name)]));
}

test("a protected sheet: the check reports its findings, says it cannot write, and changes nothing", async () => {
  const { fake } = fakeTable({ rows: 12, overScored: [2], unmetFull: [5] });
  fake.sheet("指标表")!.protected = true;
  const before = everything(fake);
  const run = await runCheck(new ExcelHost(fake.env()), { ...DEFAULT_OPTIONS, lang: "zh" });
  if (run.kind !== "result") throw new Error("no table");
  expect(run.canWrite).toBe(false);
  expect(run.written).toBe(false);
  expect(run.result.findings.filter((f) => f.severity === "error").map((f) => f.code).sort()).toEqual(["SCORE_EXCEEDS_WEIGHT", "UNMET_FULL_SCORE"]);
  expect(everything(fake)).toBe(before);
  expect(fake.sheet(RECORD_SHEET_NAME)).toBeUndefined();
});

test("a workbook whose structure is protected (no record sheet can be added): reported, nothing written", async () => {
  const { fake } = fakeTable({ rows: 8, overScored: [1] });
  fake.structureProtected = true;
  const before = everything(fake);
  const run = await runCheck(new ExcelHost(fake.env()), { ...DEFAULT_OPTIONS, lang: "en" });
  if (run.kind !== "result") throw new Error("no table");
  expect(run.canWrite).toBe(false);
  expect(run.result.findings.map((f) => f.code)).toContain("SCORE_EXCEEDS_WEIGHT");
  expect(everything(fake)).toBe(before);
});

// A stray cell far from the table: the used range becomes a huge box (17 billion cells for
// XFD1048576). From ExcelApi 1.9 the host asks, in the same request as the used range, how
// many cells hold something; when the box is far larger, one more sync gets their areas and
// only those are read. Far cells are left out of the snapshot as the exceljs readers do
// (src/core/farCells.ts); the write-back never touches them.
type Fake = ReturnType<typeof fakeTable>["fake"];

async function checkWith(fake: Fake) {
  const host = new ExcelHost(fake.env());
  fake.resetStats();
  const sheets = await host.readWorkbook();
  const read = { syncs: fake.stats.syncs, loadedCells: fake.stats.loadedCells, maxPayload: fake.stats.maxPayload };
  const run = await runCheck(host, { ...DEFAULT_OPTIONS, lang: "zh" });
  if (run.kind !== "result") throw new Error("no table");
  return { sheets, read, run };
}

/** What the check found, independent of where the snapshot starts. */
function outcome(run: Awaited<ReturnType<typeof checkWith>>["run"]) {
  if (run.kind !== "result") throw new Error("no table");
  const { rows, totals, findings, layout } = run.result;
  return JSON.stringify({ rows, totals, findings, resultColumn: run.result.plan.resultColumn, header: layout.headerRows });
}

/** The sheet as a plain dump with one cell taken out. */
function without(fake: Fake, address: string): unknown {
  const dump = fake.dump("指标表") as { cells: Record<string, unknown> };
  const cells = { ...dump.cells };
  delete cells[address];
  return { ...dump, cells };
}

describe.each(["XFD1048576", "H200000", "XFD1", "A1048576"])("a stray cell at %s", (address) => {
  test("the add-in checks the table as without it, reads only the cells that exist, and writes nothing near the stray cell", async () => {
    const plain = fakeTable({ rows: 10, overScored: [2] }).fake;
    const stray = fakeTable({ rows: 10, overScored: [2] }).fake;
    stray.sheet("指标表")!.set(address, "x");
    const a = await checkWith(plain);
    const b = await checkWith(stray);
    expect(outcome(b.run)).toBe(outcome(a.run));
    // One sync more than an ordinary check (where the cells are), and only the cells that exist are read.
    expect(a.read.syncs).toBe(3);
    expect(b.read.syncs).toBe(4);
    expect(b.read.loadedCells).toBeLessThan(a.read.loadedCells + 10);
    // The stray cell is still there, unchanged; the sheet is as the same check leaves it without it.
    expect(stray.sheet("指标表")!.cell(...cellOf(address))).toMatchObject({ value: "x" });
    expect(without(stray, address)).toEqual(without(plain, address));
  });
});

test("a stray cell at H200000 no longer reads the 1.6 million cells of its box", async () => {
  const { fake } = fakeTable({ rows: 10 });
  fake.sheet("指标表")!.set("H200000", "x");
  const { read, sheets } = await checkWith(fake);
  expect(read.loadedCells).toBeLessThan(200);
  expect(read.maxPayload).toBeLessThan(10_000);
  // The snapshot is the one the exceljs readers make: 1.6 million cells is under the far-cell
  // threshold (2 million), so the stray cell stays in it, with blanks between.
  expect(sheets[0].values).toHaveLength(200000);
  expect(sheets[0].values[199999][7]).toBe("x");
});

test("below ExcelApi 1.9 the used range is read as one box, as before; a box of billions of cells is refused with a message", async () => {
  const near = fakeTable({ rows: 10 }).fake;
  near.apiVersion = "1.8";
  near.sheet("指标表")!.set("H10000", "x");
  const { read, run } = await checkWith(near);
  expect(read.syncs).toBe(3);
  expect(read.loadedCells).toBe(10000 * 8);
  expect(run.result.totals).toMatchObject({ weight: 100 });

  const far = fakeTable({ rows: 10 }).fake;
  far.apiVersion = "1.8";
  far.sheet("指标表")!.set("XFD1048576", "x");
  await expect(new ExcelHost(far.env()).readWorkbook()).rejects.toThrow(/XFD|17179869184|too many to read/);
  expect(far.stats.loadedCells).toBe(0);
});

function cellOf(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

test("marked before the structure was protected: checked and cleared again, the record sheet (which cannot be deleted now) stays as its header", async () => {
  const { fake } = fakeTable({ rows: 8, overScored: [1] });
  const before = fake.dump("指标表");
  const host = new ExcelHost(fake.env());
  const first = await runCheck(host, { ...DEFAULT_OPTIONS, lang: "zh" });
  if (first.kind !== "result") throw new Error("no table");
  expect(first.written).toBe(true);
  fake.structureProtected = true;
  const again = new ExcelHost(fake.env());
  const second = await runCheck(again, { ...DEFAULT_OPTIONS, lang: "zh" });
  if (second.kind !== "result") throw new Error("no table");
  expect(second.canWrite).toBe(true);
  await again.clearFlags();
  expect(fake.dump("指标表")).toEqual(before);
  expect(fake.sheet(RECORD_SHEET_NAME)?.visibility).toBe("VeryHidden");
  expect(fake.valueAt(RECORD_SHEET_NAME, 2, 1)).toBeNull();
  // Once the structure is open again, the next clear removes it.
  fake.structureProtected = false;
  await new ExcelHost(fake.env()).clearFlags();
  expect(fake.sheet(RECORD_SHEET_NAME)).toBeUndefined();
});
