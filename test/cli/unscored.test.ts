/**
 * An unscored form through the command line: one file (text and --json) and in a batch (the terminal
 * table and the --summary workbook) says 未评分 / 无等级, never 得分合计 0 and 差.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { buildTable, validRows } from "../builders/table";
import { scorecheck } from "./run";

let dir: string;
const UNSCORED = "01 未评分.xlsx";
const SCORED = "02 已评分.xlsx";

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-unscored-"));
  // A blank form: targets and weights filled in, the 总分 row's SUM formulas over empty scores (0), no grade.
  const blank = validRows(10).map((r) => ({ ...r, actual: null, score: null }));
  await buildTable({ unit: "甲局", rows: blank, grade: null }).workbook.xlsx.writeFile(path.join(dir, UNSCORED));
  await buildTable({ unit: "乙局", rows: validRows(10) }).workbook.xlsx.writeFile(path.join(dir, SCORED));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("one file, text: 未评分 and 无等级; in English: not scored, no grade; exit 1 for the empty scores", () => {
  const zh = scorecheck(["check", path.join(dir, UNSCORED)]);
  expect(zh.stderr).toBe("");
  expect(zh.status).toBe(1);
  expect(zh.stdout).toMatch(/得分合计\s+未评分/);
  expect(zh.stdout).toMatch(/等级\s+无等级/);
  expect(zh.stdout).not.toMatch(/等级\s+差/);
  const en = scorecheck(["check", path.join(dir, UNSCORED), "--lang", "en"]);
  expect(en.stdout).toMatch(/Σ score\s+not scored/);
  expect(en.stdout).toMatch(/Grade\s+no grade/);
});

test("one file, --json: scored false with score and grade null; a scored form keeps its numbers, with scored true", () => {
  const unscored = JSON.parse(scorecheck(["check", path.join(dir, UNSCORED), "--json"]).stdout);
  expect(unscored.totals).toEqual({ weight: 100, scored: false, score: null, statedWeight: 100, statedScore: 0, grade: null, statedGrade: null });
  const scored = JSON.parse(scorecheck(["check", path.join(dir, SCORED), "--json"]).stdout);
  expect(scored.totals).toEqual({ weight: 100, scored: true, score: 100, statedWeight: 100, statedScore: 100, grade: "优", statedGrade: "优" });
});

test("--write-grade --fix-totals --out: no grade and no score total written; the reason is printed", async () => {
  // The blank form as a reviewer gets it before scoring: 总分 row with the weight total only, and an empty 评价等级 cell under it.
  const blank = validRows(10).map((row) => ({ ...row, actual: null, score: null }));
  const built = buildTable({ rows: blank, total: { weight: 100, score: null }, grade: "" });
  const input = path.join(dir, "blank.xlsx");
  await built.workbook.xlsx.writeFile(input);
  const out = path.join(dir, "blank-核查.xlsx");
  const r = scorecheck(["check", input, "--out", out, "--write-grade", "--fix-totals"]);
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/尚未评分，不写入等级/);
  expect(r.stdout).toMatch(/尚未评分，不写入得分合计公式/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("指标表") as ExcelJS.Worksheet;
  const totalRow = built.totalRow!;
  expect(ws.getCell(totalRow, built.columns.score).value).toBeNull();
  expect(ws.getCell(totalRow + 1, 2).value ?? "").toBe("");
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
  expect(texts.some((t) => /^(等级：)?差$/.test(t))).toBe(false);
  expect(texts.some((t) => t.startsWith("权重合计 100，未评分"))).toBe(true);
});

test("a batch: the unscored file's row says 未评分 / 无等级 in the table and in the --summary workbook", async () => {
  const r = scorecheck(["check", path.join(dir, UNSCORED), path.join(dir, SCORED), "--summary", path.join(dir, "汇总.xlsx")]);
  const line = r.stdout.split("\n").find((l) => l.includes(UNSCORED)) ?? "";
  expect(line).toMatch(/100\s+未评分\s+0\s+无等级/);
  expect(r.stdout.split("\n").find((l) => l.includes(SCORED))).toMatch(/100\s+100\s+100\s+优\s+优/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "汇总.xlsx"));
  const ws = wb.getWorksheet("汇总") as ExcelJS.Worksheet;
  const row = [2, 3].map((i) => ws.getRow(i)).find((x) => String((x.getCell(1).value as ExcelJS.CellHyperlinkValue).text).endsWith(UNSCORED))!;
  expect([row.getCell(4).value, row.getCell(5).value, row.getCell(7).value]).toEqual([100, "未评分", "无等级"]);
});
