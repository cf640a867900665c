/** The CLI on the layout classes of published forms: template slots said once, weightless tables read (issue 14). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { scorecheck } from "./run";
import { blockTable, levelPointsTable, slotTable } from "../builders/publishedShapes";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-shapes-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function write(name: string, wb: { xlsx: { writeFile(f: string): Promise<void> } }): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

test("template slots: exit 0, the report says once how many rows were left out, in both languages and in the JSON", async () => {
  const built = slotTable();
  const file = await write("slots.xlsx", built.workbook);
  const zh = scorecheck(["check", file]);
  expect(zh.stderr).toBe("");
  expect(zh.status).toBe(0);
  expect(zh.stdout.match(/个空白模板行未计入/g)).toHaveLength(1);
  expect(zh.stdout).toContain(`${built.slotRows.length} 个空白模板行未计入（第 ${built.slotRows.slice(0, 8).join("、")} 行等）`);
  expect(zh.stdout).not.toMatch(/WEIGHT_MISSING|SCORE_MISSING/);

  const en = scorecheck(["check", file, "--lang", "en"]);
  expect(en.stdout).toContain(`${built.slotRows.length} empty template rows left out`);

  const json = JSON.parse(scorecheck(["check", file, "--json"]).stdout.trim());
  expect(json.skippedSlots).toEqual(built.slotRows);
  expect(json.skippedSlotsMessage).toMatch(new RegExp(`^${built.slotRows.length} 个空白模板行未计入`));
  expect(json.findings).toEqual([]);
  expect(json.totals).toMatchObject({ weight: 100, score: 100 });
});

test("a table without a weight column is read (exit 0), never refused as having no table", async () => {
  const built = blockTable({ scores: [[10, 10, 19.6], [20, 20]] });
  const file = await write("blocks.xlsx", built.workbook);
  const run = scorecheck(["check", file, "--json"]);
  expect(run.status).toBe(0);
  const json = JSON.parse(run.stdout.trim());
  expect(json.totals).toMatchObject({ weight: 100, score: 99.6, statedScore: 99.6, grade: "优" });
  expect(json.findings.map((f: { code: string }) => f.code)).toEqual(["NO_ROW_WEIGHTS"]);
  expect(json.skippedSlots).toEqual([]);
  expect(json.skippedSlotsMessage).toBeNull();
  expect(json.table.blockHeaderRows).toEqual(built.blockHeaderRows);
  expect(json.table.columns.weight).toBeUndefined();
});

test("a scoring table without target and result columns: said once, not thirteen rows listed for review", async () => {
  const file = await write("level-points.xlsx", levelPointsTable().workbook);
  const zh = scorecheck(["check", file]);
  expect(zh.stdout).toContain("表中没有目标值和完成值列：13 项指标的达成情况无从判定，只核对了分值与得分。");
  expect(zh.stdout).not.toContain("未完全达成或需人工判断的指标");
  expect(zh.stdout).toContain("TOTAL_SCORE_MISMATCH");
  const en = scorecheck(["check", file, "--lang", "en"]);
  expect(en.stdout).toContain("The table has no target and no result column: whether its 13 indicators were met cannot be judged");
});
