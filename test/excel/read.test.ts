import { ExcelHost } from "../../src/excel/host";
import { check } from "../../src/core/check";
import { snapshotsFromWorkbook } from "../../src/xlsx/read";
import { FakeWorkbook } from "./fakeExcel";
import { cellMap, rowsWithProblems, seedFake, seedWorkbook, tableFake, tableWorkbook } from "./helpers";
import type { TableSpec } from "../builders/table";
import type { SheetSnapshot } from "../../src/core/types";

function sameSnapshots(fromHost: SheetSnapshot[], fromExcelJs: SheetSnapshot[]) {
  const byName = (list: SheetSnapshot[]) => Object.fromEntries(list.map((s) => [s.name, s]));
  const a = byName(fromHost);
  const b = byName(fromExcelJs);
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const name of Object.keys(b)) {
    expect(cellMap(a[name])).toEqual(cellMap(b[name]));
    expect(!!a[name].hidden).toBe(!!b[name].hidden);
    expect((a[name].merges ?? []).slice().sort()).toEqual((b[name].merges ?? []).slice().sort());
  }
}

test("the seed table reads the same through Office.js as through the exceljs reader, in 3 syncs", async () => {
  const fake = await seedFake();
  const host = new ExcelHost(fake.env());
  const sheets = await host.readWorkbook();
  sameSnapshots(sheets, snapshotsFromWorkbook(await seedWorkbook()));
  expect(fake.stats.syncs).toBe(3);
  expect(host.stats.readSyncs).toBe(3);

  // And the engine sees the same table: 48 indicators, Σweight 100, Σscore 98, 优.
  const viaHost = check(sheets);
  const viaExcelJs = check(snapshotsFromWorkbook(await seedWorkbook()));
  if (!viaHost.ok || !viaExcelJs.ok) throw new Error("no table");
  expect(viaHost.result.rows).toHaveLength(48);
  expect(viaHost.result.totals).toMatchObject({ weight: 100, score: 98, grade: "优" });
  expect(JSON.stringify(viaHost.result)).toBe(JSON.stringify(viaExcelJs.result));
});

const layouts: [string, TableSpec][] = [
  ["one-row header at C5, levels repeated, typed totals", { header: "one-row", origin: { row: 5, col: 3 }, levels: "repeated", total: "number", rows: rowsWithProblems(12) }],
  ["percent formats, cover sheet before", {
    rows: rowsWithProblems(8).map((r, i) => (i === 2 ? { ...r, target: 0.95, actual: 0.985, numFmt: "0.0%" } : r)),
    extraSheetsBefore: [{ name: "封面", rows: [["2020 年度绩效自评"], ["填报单位：测试局"]] }],
  }],
  ["no title, no grade, reason column", { title: null, unit: null, grade: null, rows: rowsWithProblems(6).map((r) => ({ ...r, reason: "" })) }],
];

test.each(layouts)("%s: same snapshot as the exceljs reader", async (_name, spec) => {
  const fake = await tableFake(spec);
  const sheets = await new ExcelHost(fake.env()).readWorkbook();
  sameSnapshots(sheets, snapshotsFromWorkbook(await tableWorkbook(spec)));
});

test("syncs per check do not grow with the number of rows", async () => {
  const counts: number[] = [];
  for (const n of [10, 200, 2000]) {
    const fake = await tableFake({ rows: rowsWithProblems(n) });
    await new ExcelHost(fake.env()).readWorkbook();
    counts.push(fake.stats.syncs);
  }
  expect(counts).toEqual([3, 3, 3]);
});

test("the same 3 syncs on the lowest requirement set (ExcelApi 1.1), without merged areas", async () => {
  const fake = await seedFake({ apiVersion: "1.1" });
  const host = new ExcelHost(fake.env());
  const sheets = await host.readWorkbook();
  expect(fake.stats.syncs).toBe(3);
  expect(sheets[0].merges).toBeUndefined();
  const out = check(sheets);
  expect(out.ok && out.result.totals.score).toBe(98);
});

test("a read too large for one request is chunked: one more sync per chunk, no request over the limit", async () => {
  const spec: TableSpec = { rows: rowsWithProblems(400) };
  const limit = 60 * 1024;
  const fake = await tableFake(spec, { payloadLimit: limit });
  const progress: number[] = [];
  const sheets = await new ExcelHost(fake.env()).readWorkbook((f) => progress.push(f));
  sameSnapshots(sheets, snapshotsFromWorkbook(await tableWorkbook(spec)));
  expect(fake.stats.maxPayload).toBeLessThanOrEqual(limit);
  expect(fake.stats.syncs).toBeGreaterThan(3);
  const dataSyncs = fake.stats.syncs - 2;
  expect(progress).toHaveLength(dataSyncs);
  expect(progress[progress.length - 1]).toBe(1);
});

test("a payload the estimate got wrong is re-read in smaller chunks", async () => {
  // Long texts make each cell far bigger than the estimate: the first request fails and is split.
  const rows = rowsWithProblems(60).map((r) => ({ ...r, level2: "职能 " + "根据国家和省市有关规定做好行政审批服务工作".repeat(20) }));
  const spec: TableSpec = { rows, levels: "repeated" };
  const limit = 40 * 1024;
  const fake = await tableFake(spec, { payloadLimit: limit });
  const sheets = await new ExcelHost(fake.env()).readWorkbook();
  sameSnapshots(sheets, snapshotsFromWorkbook(await tableWorkbook(spec)));
  expect(fake.stats.log.some((s) => s.responseBytes > limit)).toBe(true);
});

test("more than 512 merged areas: the merged-area query fails, and is asked again for the top and bottom rows only (header, total, grade)", async () => {
  const fake = await tableFake({ rows: rowsWithProblems(10) });
  const sheet = fake.sheets[0];
  // Merged cells far right of the table (inside the used range, which a note in N1200 stretches).
  for (let i = 0; i < 600; i++) sheet.merges.push(`K${i * 2 + 1}:L${i * 2 + 1}`);
  sheet.set("N1", "备注");
  sheet.set("N1200", "备注");
  const sheets = await new ExcelHost(fake.env()).readWorkbook();
  const merges = sheets[0].merges!;
  expect(merges).toEqual(expect.arrayContaining(["A1:G1", "A3:B3", "K1:L1", "K1199:L1199"]));
  expect(merges).not.toContain("K601:L601");
  // As before: the failed query and its retry together cost the one sync the data needs again.
  expect(fake.stats.syncs).toBe(4);
  const out = check(sheets);
  expect(out.ok).toBe(true);
});

test("reading a property that was not loaded throws, as in Office.js", async () => {
  const fake = new FakeWorkbook();
  fake.addSheet("表").set("A1", 1);
  await expect(
    fake.run({}, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("表").getRange("A1");
      r.load("values");
      return r.values;
    }),
  ).rejects.toThrow(/PropertyNotLoaded/);
});

test("the active sheet comes first and very hidden record sheets are never read as data", async () => {
  const fake = await tableFake({ rows: rowsWithProblems(5), extraSheetsBefore: [{ name: "说明", rows: [["说明文字"]] }] });
  fake.activeSheet = "指标表";
  fake.addSheet("_scorecheck_addin").visibility = "VeryHidden";
  const sheets = await new ExcelHost(fake.env()).readWorkbook();
  expect(sheets.map((s) => s.name)).toEqual(["指标表", "说明"]);
});
