/** A workbook with a form on each of several sheets: one is checked, the others are named, never passed over unseen. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { scorecheck } from "./run";
import { buildTable, validRows } from "../builders/table";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-sheets-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const header = ["一级指标", "二级指标", "三级指标", "目标值", "完成值", "分值", "得分"];
const project = (name: string) => [
  [`${name}绩效自评表`],
  header,
  ["产出指标", "数量指标", "完成数量", "≥10", "12", 60, 60],
  ["满意度指标", "满意度", "满意度", "≥90%", "95%", 40, 40],
  ["合计", null, null, null, null, 100, 100],
];

async function workbook(): Promise<string> {
  const built = buildTable({
    sheetName: "项目1",
    rows: validRows(10),
    extraSheetsBefore: [
      { name: "封面", rows: [["2022年度项目支出绩效自评表"], ["填报单位：某县农业农村局"]] },
      { name: "项目2", rows: project("项目2") },
      { name: "项目3", rows: project("项目3") },
    ],
  });
  const file = path.join(dir, "three-forms.xlsx");
  await built.workbook.xlsx.writeFile(file);
  return file;
}

test("the report and the JSON name the other sheets that hold a table; --sheet checks one of them, and then names none", async () => {
  const file = await workbook();
  const zh = scorecheck(["check", file]);
  expect(zh.stderr).toBe("");
  // Sheets in order: 封面, 项目2, 项目3, 项目1 (the built one is added last); the first with a table is checked.
  expect(zh.stdout).toContain("工作表「项目2」");
  expect(zh.stdout).toContain("另有 2 个工作表也含有指标表，本次未核查：“项目3”、“项目1”");
  expect(zh.stdout).not.toContain("“封面”");

  const en = scorecheck(["check", file, "--lang", "en"]);
  expect(en.stdout).toContain('2 other sheets also hold an indicator table, not checked this time: "项目3", "项目1"');

  const json = JSON.parse(scorecheck(["check", file, "--json"]).stdout.trim());
  expect(json.sheet).toBe("项目2");
  expect(json.otherTableSheets).toEqual(["项目3", "项目1"]);

  const named = JSON.parse(scorecheck(["check", file, "--json", "--sheet", "项目3"]).stdout.trim());
  expect(named.sheet).toBe("项目3");
  expect(named.totals).toMatchObject({ weight: 100, score: 100 });
  expect(named.otherTableSheets).toEqual([]);
});

test("a batch names them under its table, once per file, and its JSON line carries them", async () => {
  const folder = fs.mkdtempSync(path.join(dir, "batch-"));
  fs.copyFileSync(await workbook(), path.join(folder, "three-forms.xlsx"));
  const single = buildTable({ rows: validRows(10) });
  await single.workbook.xlsx.writeFile(path.join(folder, "one-form.xlsx"));
  const text = scorecheck(["check", folder]);
  expect(text.stdout.match(/另有 2 个工作表也含有指标表/g)).toHaveLength(1);
  expect(text.stdout).toContain("three-forms.xlsx：另有 2 个工作表也含有指标表，本次未核查：“项目3”、“项目1”");
  const lines = scorecheck(["check", folder, "--json"]).stdout.trim().split("\n").map((l) => JSON.parse(l));
  const byName = new Map(lines.map((l) => [path.basename(l.file), l]));
  expect(byName.get("three-forms.xlsx").otherTableSheets).toEqual(["项目3", "项目1"]);
  expect(byName.get("one-form.xlsx").otherTableSheets).toEqual([]);
});
