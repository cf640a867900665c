/** The workbooks the browser tests open: the bundled seed, and tables built with exceljs. */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { buildTable, validRows, type RowSpec } from "../../builders/table";

export const SEED_FILE = path.resolve(__dirname, "../../../assets/example/rugao-2020.xlsx");

export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function seedFile(): FilePayload {
  return { name: path.basename(SEED_FILE), mimeType: XLSX, buffer: fs.readFileSync(SEED_FILE) };
}

/**
 * Ten indicators of weight 10 with errors put in: a score above its weight (G6), an
 * unmet row given full marks (row 8), a missing score (row 10), a met row with points
 * taken off (row 12), a typed total of 80 and the grade 优秀 where Σ score is 82 (良).
 */
export const INJECTED = {
  codes: ["SCORE_EXCEEDS_WEIGHT", "UNMET_FULL_SCORE", "SCORE_MISSING", "MET_BUT_DEDUCTED", "TOTAL_SCORE_MISMATCH", "GRADE_MISMATCH"],
  exceedsCell: "G6",
  score: 82,
  grade: "良",
};

export async function injectedErrorsFile(name = "含错误的自评表.xlsx"): Promise<FilePayload> {
  const rows: RowSpec[] = validRows(10);
  rows[1] = { ...rows[1], score: 12 };
  rows[3] = { ...rows[3], actual: "未完成", score: 10 };
  rows[5] = { ...rows[5], score: null };
  rows[7] = { ...rows[7], score: 0 };
  const { workbook } = buildTable({ rows, total: { weight: 100, score: 80 }, grade: "优秀", unit: "测试局" });
  return { name, mimeType: XLSX, buffer: await bytes(workbook) };
}

/** A form sent before scoring (issue 14): targets and weights filled in, no result and no score on any row, no grade. */
export async function unscoredFile(name = "未评分的自评表.xlsx"): Promise<FilePayload> {
  const rows: RowSpec[] = validRows(10).map((r) => ({ ...r, actual: null, score: null }));
  const { workbook } = buildTable({ rows, total: { weight: 100, score: null }, grade: "", unit: "测试局" });
  return { name, mimeType: XLSX, buffer: await bytes(workbook) };
}

/** A valid table of n indicators (one-row header at A1, SUM totals). */
export async function largeFile(n: number): Promise<FilePayload> {
  const { workbook } = buildTable({ rows: validRows(n), header: "one-row", title: null, unit: null, levels: "repeated" });
  return { name: `大表_${n}行.xlsx`, mimeType: XLSX, buffer: await bytes(workbook) };
}

/** Two sheets that each hold a table: 2019年 (4 rows of 25, Σscore 90) first, then 指标表 (valid, 100). */
export async function twoTablesFile(): Promise<FilePayload> {
  const earlier = [
    ["一级指标", "二级指标", "三级指标", "目标值", "完成情况", "权重", "得分"],
    ["产出指标", "数量指标", "办件量", "≥1000件", "1200件", 25, 25],
    ["产出指标", "质量指标", "差错率", "≤1%", "0.5%", 25, 25],
    ["效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 25, 20],
    ["满意度指标", "服务对象满意度", "满意度", "≥90%", "93%", 25, 20],
    ["总分", null, null, null, null, 100, 90],
  ];
  const { workbook } = buildTable({ rows: validRows(10), extraSheetsBefore: [{ name: "2019年", rows: earlier }] });
  return { name: "两年对比.xlsx", mimeType: XLSX, buffer: await bytes(workbook) };
}

/** Not a workbook at all, named as one. */
export function unreadableFile(): FilePayload {
  return { name: "损坏的文件.xlsx", mimeType: XLSX, buffer: Buffer.from("这不是 Excel 文件，只是一段文字。\n") };
}

/** A workbook that holds only a narrative sheet: readable, but no indicator table. */
export async function noTableFile(): Promise<FilePayload> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("自评价表");
  ws.addRow(["部门整体支出绩效自评价表"]);
  ws.addRow(["一、部门概况", "本部门 2020 年收入总计 120 万元，支出总计 118 万元。"]);
  ws.addRow(["二、评价结论", "经综合评价，综合得分 92 分，等级为“优”。"]);
  return { name: "只有报告.xlsx", mimeType: XLSX, buffer: await bytes(workbook) };
}
