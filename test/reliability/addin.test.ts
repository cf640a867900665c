/**
 * The add-in (Office.js host over the fake Excel) on sheets it must not or
 * cannot write: a protected sheet is still reported, and not one cell of it
 * changes. Known gap handed over: a stray cell at XFD1048576.
 */
import { ExcelHost } from "../../src/excel/host";
import { RECORD_SHEET_NAME } from "../../src/excel/record";
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

// Handed over to the Office.js host: its read loads the whole used range, which a stray cell at
// XFD1048576 makes 17 billion cells (the fake refuses the load as Excel would). The exceljs
// readers leave such cells out (src/xlsx/farCells.ts); the add-in should do the same from the
// used range's cells (e.g. getUsedRange(true) per row band, or the areas of getSpecialCells).
// When the host reads it, this test fails: turn it into an ordinary test then.
test.failing("known gap: a stray cell at XFD1048576 — the add-in still checks the table", async () => {
  const { fake } = fakeTable({ rows: 10 });
  fake.sheet("指标表")!.set("XFD1048576", "x");
  const run = await runCheck(new ExcelHost(fake.env()), { ...DEFAULT_OPTIONS, lang: "zh" });
  expect(run.kind).toBe("result");
});
