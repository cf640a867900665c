/**
 * scorecheck check F.xlsx --report 报告.docx|.txt: the narrative read from a report file beside
 * a workbook that holds only the table. Findings name the report's paragraph.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { scorecheck } from "./run";
import { seedWorkbook } from "../builders/seed";
import { edited, seedParagraphs } from "../builders/narrative";
import { docxOf } from "../builders/docx";

let dir: string;
let table: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-report-"));
  table = path.join(dir, "指标表.xlsx");
  await seedWorkbook().xlsx.writeFile(table);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (stdout: string) => JSON.parse(stdout.trim());

test("a .docx report: its wrong composite score is an error on its paragraph, exit 1", async () => {
  const paragraphs = edited(seedParagraphs(), "综合得分 98 分", "综合得分 96 分");
  const report = path.join(dir, "自评报告.docx");
  fs.writeFileSync(report, await docxOf(paragraphs));
  const r = scorecheck(["check", table, "--report", report, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(1);
  const j = json(r.stdout);
  const narrative = j.findings.filter((f: { code: string }) => f.code.startsWith("NARRATIVE_"));
  const paragraphOf = (needle: string) => 1 + paragraphs.findIndex((p) => p.includes(needle));
  expect(narrative.map((f: { code: string; paragraph: number; row: number | null; cell: string | null }) => [f.code, f.paragraph, f.row, f.cell])).toEqual([
    ["NARRATIVE_SCORE_MISMATCH", paragraphOf("综合得分"), null, null],
    ["NARRATIVE_SUM_MISMATCH", paragraphOf("（一）收入总计"), null, null],
  ]);
  expect(narrative[0].quote).toContain("综合得分96分");
  expect(j.narrative.figures.find((f: { role: string }) => f.role === "compositeScore")).toMatchObject({ value: 96, paragraph: paragraphOf("综合得分"), sheet: null });
});

test("a .txt report with the PDF's lines (a sentence over two lines): the seed's shortfall, exit 0, in the terminal report", () => {
  // The seed's 收支 paragraphs cut into lines of 36 characters, as the PDF-to-text gives them, blank lines between.
  const lines = seedParagraphs()
    .slice(1, 9)
    .flatMap((p) => p.match(/.{1,36}/g)!)
    .join("\n\n");
  const report = path.join(dir, "报告.txt");
  fs.writeFileSync(report, "\uFEFF" + lines, "utf8");
  const r = scorecheck(["check", table, "--report", report]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("叙述核对");
  expect(r.stdout).toMatch(/✗ 收入总计 3625\.29万元 = 3542\.32万元 \+ 45万元\s+报告第 \d+ 段/);
  expect(r.stdout).toMatch(/✓ 支出总计 3625\.29万元 = 3557\.93万元 \+ 45万元 \+ 22\.36万元/);
  expect(r.stdout).toContain("相差 37.97万元");
});

test("a report that is neither .docx nor .txt, one that is missing, and one that is not a real .docx are refused with exit 2", () => {
  const pdf = path.join(dir, "报告.pdf");
  fs.writeFileSync(pdf, "%PDF-1.4");
  let r = scorecheck(["check", table, "--report", pdf]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("报告文件应为 .docx 或 .txt");
  expect(r.stderr).toContain("must be .docx or .txt");
  r = scorecheck(["check", table, "--report", path.join(dir, "没有.docx")]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("找不到或无法打开报告文件");
  const fake = path.join(dir, "坏.docx");
  fs.writeFileSync(fake, "not a zip");
  r = scorecheck(["check", table, "--report", fake]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("无法读取报告文件");
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test("--report with several workbooks is refused", () => {
  const report = path.join(dir, "报告.txt");
  fs.writeFileSync(report, "综合得分 98 分");
  const r = scorecheck(["check", table, table, "--report", report]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("--report 只能与单个工作簿一起使用");
});

test("text without a figure: no narrative section for cells under the table, a plain answer for a report file given", async () => {
  const wb = seedWorkbook();
  const sheet = wb.worksheets[0];
  sheet.getCell(sheet.rowCount + 2, 1).value = "注：本表由项目单位填报，主管部门审核后报送财政部门，请据实填写并加盖单位公章。";
  const withNote = path.join(dir, "带说明.xlsx");
  await wb.xlsx.writeFile(withNote);
  const cells = scorecheck(["check", withNote]);
  expect(cells.stderr).toBe("");
  expect(cells.stdout).not.toContain("叙述核对");
  expect(json(scorecheck(["check", withNote, "--json"]).stdout).narrative).not.toBeNull();

  const report = path.join(dir, "无数字.txt");
  fs.writeFileSync(report, "本项目按计划实施，各项工作进展顺利，群众反映良好。", "utf8");
  const given = scorecheck(["check", table, "--report", report]);
  expect(given.stdout).toContain("叙述核对");
  expect(given.stdout).toContain("叙述中未找到可核对的数字。");
});
