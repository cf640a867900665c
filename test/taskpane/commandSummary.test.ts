import { ExcelHost } from "../../src/excel/host";
import { runCheck } from "../../src/taskpane/runCheck";
import { summarize } from "../../src/commands/summary";
import { DEFAULT_OPTIONS } from "../../src/taskpane/options";
import { FakeWorkbook } from "../excel/fakeExcel";
import { fakeTable } from "../excel/fakeTable";

// What the ribbon's 一键核分 does, over the fake Excel: check, write, then summarise and pick a cell to select.
test("一键核分: marks written, a summary with the totals and counts, the first error cell selected next", async () => {
  const { fake } = fakeTable({ rows: 12, overScored: [7], typedTotals: true });
  const host = new ExcelHost(fake.env());
  const run = await runCheck(host, { ...DEFAULT_OPTIONS, lang: "zh" });
  expect(run.kind).toBe("result");
  const s = summarize(run, "zh");
  expect(s.title).toBe("核分完成");
  expect(s.lines[0]).toBe("权重合计 100，得分合计 101，等级 优。");
  expect(s.lines[1]).toMatch(/^错误 [1-9]\d* 项/);
  expect(s.lines[2]).toContain("清除标记");
  expect(s.firstCell).toEqual({ sheet: "指标表", address: "G12" });
  expect(fake.sheet("指标表")!.cell(12, 7)?.fill).toBe("FFC7CE");
  // Stored rules 1 (no rules sheet: its A1 is not read), read 3 syncs, write 2 (plus the protection check, answered from the read).
  expect(fake.stats.syncs).toBe(6);
});

test("一键核分 with no table: says so, in English when Office is in English, and writes nothing", async () => {
  const fake = new FakeWorkbook();
  fake.addSheet("Sheet1").set("A1", "预算表");
  const run = await runCheck(new ExcelHost(fake.env()), { ...DEFAULT_OPTIONS, lang: "en" });
  const s = summarize(run, "en");
  expect(s.title).toBe("No indicator table found");
  expect(s.firstCell).toBeUndefined();
  expect(fake.sheets.map((x) => x.name)).toEqual(["Sheet1"]);
});
