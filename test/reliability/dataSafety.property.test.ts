/**
 * Never losing a cell, on both hosts: generated tables, decorated the way
 * people decorate them (their own fills and notes, number formats, text that
 * looks like a formula, something already where 核查结果 will go), checked and
 * written back through the exceljs host (the CLI, the browser page) and the
 * Office.js host (over the fake Excel). On each:
 * - write-back changes only the cells of the plan (result column, flagged cells' fills
 *   and notes, the cells the user asked to fix), and text stays text;
 * - checking twice gives the same findings and the same cells as checking once;
 * - 清除标记 restores values, formulas, number formats, fills and notes exactly —
 *   for the exceljs host after save and reopen, for the add-in from a new session;
 * - both hosts read the same cells and reach the same findings and totals.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { check } from "../../src/core/check";
import { cellAddress } from "../../src/core/address";
import type { CheckOptions, CheckResult, WritePlan } from "../../src/core/types";
import { loadXlsx } from "../../src/xlsx/load";
import { applyPlan, clearMarks } from "../../src/xlsx/write";
import { LEGACY_RECORD_SHEET as RECORD_SHEET } from "../../src/core/record";
import { ExcelHost } from "../../src/excel/host";
import { RECORD_SHEET as RECORD_SHEET_NAME } from "../../src/core/record";
import { needsQuotePrefix } from "../../src/core/cellInput";
import { FakeSheet, FakeWorkbook } from "../excel/fakeExcel";
import { cellMap } from "../excel/helpers";
import { buildTable } from "../builders/table";
import { generatedTable, type GeneratedTable } from "./support/tables";
import { recordCount } from "./support/counts";

const RUNS = Number(process.env.RELIABILITY_SAFETY ?? 50);

/** Text a user may type that a spreadsheet would run as a formula if it were not kept as text. */
const FORMULA_LIKE = ['=HYPERLINK("http://example.org","点击")', "+86 138 0000 0000", "-5", "@SUM(1)", "=1+1"];

const decorations = fc.record({
  fills: fc.array(fc.record({ row: fc.nat(), col: fc.nat(), argb: fc.constantFrom("FF00B0F0", "FFFFFF00", "FF92D050") }), { maxLength: 6 }),
  notes: fc.array(fc.record({ row: fc.nat(), col: fc.nat(), text: fc.constantFrom("用户自己的批注", "待核实", "see 附件2") }), { maxLength: 4 }),
  formats: fc.array(fc.record({ row: fc.nat(), fmt: fc.constantFrom("0.00", "0.0", "#,##0.00") }), { maxLength: 5 }),
  formulaText: fc.option(fc.record({ row: fc.nat(), text: fc.constantFrom(...FORMULA_LIKE) }), { nil: undefined }),
  inResultColumn: fc.option(fc.record({ row: fc.nat(), text: fc.constantFrom(...FORMULA_LIKE, "用户备注", "007") }), { nil: undefined }),
  options: fc.record({ fixTotals: fc.boolean(), writeGrade: fc.boolean(), lang: fc.constantFrom<"zh" | "en">("zh", "en") }),
});

type Decorations = typeof decorations extends fc.Arbitrary<infer T> ? T : never;

interface Decorated {
  bytes: Uint8Array;
  /** Cells holding text that looks like a formula, as "Sheet!A1". */
  formulaText: string[];
}

/** The generated table with the user's own decorations, as .xlsx bytes. */
async function decorate(g: GeneratedTable, d: Decorations): Promise<Decorated> {
  const built = buildTable(g.spec);
  const ws = built.sheet;
  if (g.hiddenCover) built.workbook.getWorksheet("封面")!.state = "hidden";
  const rows = g.rows.length;
  const cols = Object.values(built.columns);
  const left = Math.min(...cols);
  const width = Math.max(...cols) - left + 1;
  const rowAt = (n: number) => built.firstRow + (n % rows);
  for (const f of d.fills) ws.getCell(rowAt(f.row), left + (f.col % width)).fill = { type: "pattern", pattern: "solid", fgColor: { argb: f.argb } };
  for (const n of d.notes) ws.getCell(rowAt(n.row), left + (n.col % width)).note = n.text;
  for (const f of d.formats) {
    ws.getCell(rowAt(f.row), built.columns.weight).numFmt = f.fmt;
    ws.getCell(rowAt(f.row), built.columns.score).numFmt = f.fmt;
  }
  const formulaText: string[] = [];
  if (d.formulaText) {
    const cell = ws.getCell(rowAt(d.formulaText.row), built.columns.level3);
    cell.value = d.formulaText.text;
    formulaText.push(`${ws.name}!${cell.address}`);
  }
  if (d.inResultColumn) {
    const cell = ws.getCell(rowAt(d.inResultColumn.row), left + width);
    cell.value = d.inResultColumn.text;
    formulaText.push(`${ws.name}!${cell.address}`);
  }
  return { bytes: new Uint8Array(await built.workbook.xlsx.writeBuffer()), formulaText };
}

async function open(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

function fillOf(c: ExcelJS.Cell): string | null {
  const f = c.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === "pattern" && f.pattern === "solid" ? String(f.fgColor?.argb ?? "") : null;
}

function noteOf(c: ExcelJS.Cell): string | null {
  const n = c.note as string | { texts?: { text: string }[] } | undefined;
  if (!n) return null;
  return typeof n === "string" ? n : (n.texts ?? []).map((t) => t.text).join("");
}

/** Every cell of every user sheet: value (formulas with their text), type, number format, fill, note; merges; sheet states. */
function dumpXlsx(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (ws.name === RECORD_SHEET || ws.name === RECORD_SHEET_NAME) continue;
    out.set(`${ws.name}!state`, String(ws.state));
    out.set(`${ws.name}!merges`, JSON.stringify(Object.keys((ws as unknown as { _merges: object })._merges).sort()));
    for (let c = 1; c <= ws.columnCount + 1; c++) {
      const w = ws.getColumn(c).width;
      if (w !== undefined) out.set(`${ws.name}!width:${c}`, String(w));
    }
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const entry = [c.value, c.type, c.numFmt && c.numFmt !== "General" ? c.numFmt : null, fillOf(c), noteOf(c)];
        if (entry.every((x, i) => i === 1 || x === null || x === undefined)) return;
        out.set(`${ws.name}!${c.address}`, JSON.stringify(entry));
      }),
    );
  }
  return out;
}

function changedCells(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** The changed cells with what they held and hold, for a readable failure. */
function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  return changedCells(before, after).map((k) => `${k}: ${before.get(k) ?? "∅"} → ${after.get(k) ?? "∅"}`);
}

/** The cells a plan names, and the width of its result column (made wide enough to read). */
function plannedCells(plan: WritePlan): Set<string> {
  return new Set([...plan.writes.map((w) => `${plan.sheet}!${cellAddress(w.row, w.col)}`), `${plan.sheet}!width:${plan.resultColumn}`]);
}

function checked(out: ReturnType<typeof check>): CheckResult {
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message.en}`);
  return out.result;
}

/** Excel shows 15 significant digits: a SUM the fake computes as 9.790000000000001 is the 9.79 a file caches. */
function excelNumber(n: number | undefined): number | undefined {
  return n === undefined ? n : Number(n.toPrecision(15));
}

/** What a check found, in a form that two hosts and two runs can be compared by. */
function verdict(r: CheckResult) {
  const totals = { ...r.totals, statedWeight: excelNumber(r.totals.statedWeight), statedScore: excelNumber(r.totals.statedScore) };
  return { findings: r.findings, totals, rows: r.rows.map((x) => [x.row, x.status]), layout: r.layout };
}

async function exceljsHost(d: Decorated, options: CheckOptions): Promise<CheckResult> {
  const original = dumpXlsx(await open(d.bytes));

  // Check and write back, save.
  const loaded = await loadXlsx(d.bytes);
  const first = checked(check(loaded.sheets, options));
  applyPlan(loaded.workbook, first.plan);
  const marked = new Uint8Array(await loaded.workbook.xlsx.writeBuffer());
  const markedDump = dumpXlsx(await open(marked));
  const outside = changedCells(original, markedDump).filter((k) => !plannedCells(first.plan).has(k));
  if (outside.length) throw new Error(`exceljs: cells changed outside the plan: ${outside.join(", ")}`);
  const reopened = await open(marked);
  for (const at of d.formulaText) {
    const [sheet, address] = at.split("!");
    const cell = reopened.getWorksheet(sheet)!.getCell(address);
    if (cell.type === ExcelJS.ValueType.Formula) throw new Error(`exceljs: text at ${at} became a formula`);
  }

  // Check the saved copy again: the same findings, and writing again gives the same cells.
  const again = await loadXlsx(marked);
  const second = checked(check(again.sheets, options));
  expect(verdict(second)).toEqual(verdict(first));
  applyPlan(again.workbook, second.plan);
  const twice = dumpXlsx(await open(await again.workbook.xlsx.writeBuffer()));
  expect(differences(markedDump, twice)).toEqual([]);

  // 清除标记 after save and reopen restores every cell.
  const clearing = await open(marked);
  clearMarks(clearing);
  const cleared = await open(await clearing.xlsx.writeBuffer());
  expect(differences(original, dumpXlsx(cleared))).toEqual([]);
  expect(cleared.getWorksheet(RECORD_SHEET)).toBeUndefined();
  expect(cleared.getWorksheet(RECORD_SHEET_NAME)).toBeUndefined();
  return first;
}

function dumpFake(fake: FakeWorkbook): string {
  return JSON.stringify(fake.sheets.filter((s) => s.name !== RECORD_SHEET_NAME).map((s) => [s.name, fake.dump(s.name)]));
}

function changedFakeCells(before: FakeWorkbook, beforeDump: string, fake: FakeWorkbook): string[] {
  const a = JSON.parse(beforeDump) as [string, { cells: Record<string, unknown>; notes: Record<string, string> }][];
  const b = JSON.parse(dumpFake(fake)) as typeof a;
  const out: string[] = [];
  a.forEach(([name, da], i) => {
    const db = b[i][1];
    for (const k of new Set([...Object.keys(da.cells), ...Object.keys(db.cells), ...Object.keys(da.notes), ...Object.keys(db.notes)])) {
      if (JSON.stringify(da.cells[k]) !== JSON.stringify(db.cells[k]) || da.notes[k] !== db.notes[k]) out.push(`${name}!${k}`);
    }
  });
  void before;
  return out.sort();
}

async function officeHost(d: Decorated, options: CheckOptions): Promise<CheckResult> {
  const fake = FakeWorkbook.fromExcelJs(await open(d.bytes));
  // In Excel, text that would be read as a formula or a number is kept as text by its quote prefix.
  for (const at of d.formulaText) {
    const [sheet, address] = at.split("!");
    const s = fake.sheet(sheet)!;
    for (const [k, c] of s.cells) {
      if (cellAddress(...FakeSheet.unkey(k)) === address && typeof c.value === "string" && needsQuotePrefix(c.value)) c.quotePrefix = true;
    }
  }
  const before = dumpFake(fake);

  const host = new ExcelHost(fake.env());
  const first = checked(check(await host.readWorkbook(), options));
  await host.applyPlan(first.plan, first);
  const outside = changedFakeCells(fake, before, fake).filter((k) => !plannedCells(first.plan).has(k));
  if (outside.length) throw new Error(`add-in: cells changed outside the plan: ${outside.join(", ")}`);
  for (const at of d.formulaText) {
    const [sheet, address] = at.split("!");
    for (const [k, c] of fake.sheet(sheet)!.cells) {
      if (cellAddress(...FakeSheet.unkey(k)) === address && c.formula) throw new Error(`add-in: text at ${at} became a formula`);
    }
  }
  const once = dumpFake(fake);

  const second = checked(check(await host.readWorkbook(), options));
  expect(verdict(second)).toEqual(verdict(first));
  await host.applyPlan(second.plan, second);
  expect(dumpFake(fake)).toBe(once);

  // 清除标记 from a new session (the workbook closed and opened again).
  await new ExcelHost(fake.env()).clearFlags();
  expect(dumpFake(fake)).toBe(before);
  return first;
}

test(`${RUNS} decorated tables on both hosts: only planned cells change, twice equals once, 清除标记 restores exactly, same verdict`, async () => {
  let writes = 0;
  await fc.assert(
    fc.asyncProperty(generatedTable, decorations, async (g, d) => {
      const decorated = await decorate(g, d);
      const options: CheckOptions = d.options;
      const viaExceljs = await exceljsHost(decorated, options);
      const viaAddin = await officeHost(decorated, options);
      // The two hosts read the same cells and reach the same verdict — where the file's cached
      // results are what Excel computes (Excel recalculates an error formula or one never calculated).
      const recalculated = g.rows.some((r) => r.injection === "SCORE_ERROR" || r.injection === "SCORE_UNCALCULATED");
      if (recalculated) return;
      expect(verdict(viaAddin)).toEqual(verdict(viaExceljs));
      const fromFile = (await loadXlsx(decorated.bytes)).sheets;
      const fromAddin = await new ExcelHost(FakeWorkbook.fromExcelJs(await open(decorated.bytes)).env()).readWorkbook();
      // (The add-in lists the active sheet first.)
      const shown = (s: (typeof fromFile)[number]) =>
        Object.fromEntries(Object.entries(cellMap(s)).map(([k, [v, f, n]]) => [k, [typeof v === "number" ? excelNumber(v) : v, f, n]]));
      const byName = (sheets: typeof fromFile) => Object.fromEntries(sheets.map((s) => [s.name, [shown(s), Boolean(s.hidden)]]));
      expect(byName(fromAddin)).toEqual(byName(fromFile));
      writes += viaExceljs.plan.writes.length;
    }),
    { numRuns: RUNS, endOnFailure: process.env.FC_NO_SHRINK === "1", seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined },
  );
  recordCount("decorated tables through both hosts", RUNS, `${writes} planned writes checked`);
}, 300_000);
