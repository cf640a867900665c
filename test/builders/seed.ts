/**
 * The seed table (如皋市行政审批局 2020, SPEC seeds/000) as it is laid out in the
 * published form: the title row, a two-row header (评价指标 merged over
 * 一级指标/二级指标; 三级指标 目标值 完成情况 权重 得分 merged down), merged
 * level cells with long level2 sentences (职能 3.根据…), and "总分 100 98".
 *
 * Layout: title row 1, header rows 2–3, 48 indicator rows 4–51, 总分 row 52, columns A–G.
 */
import ExcelJS from "exceljs";
import { mergeLevelRuns } from "./levels";
import seed from "../../assets/example/rugao-2020.json";

export interface SeedRow {
  level1: string;
  level2: string;
  indicator: string;
  target: string;
  actual: string;
  weight: number;
  score: number;
}

interface SeedJson {
  title: string;
  unit: string;
  grade: string;
  groups: { level1: string; level2: string; rows: [string, string, string, number, number][] }[];
}

const data = seed as unknown as SeedJson;

export const SEED_TITLE = data.title;

export function seedRows(): SeedRow[] {
  return data.groups.flatMap((g) =>
    g.rows.map(([indicator, target, actual, weight, score]) => ({ level1: g.level1, level2: g.level2, indicator, target, actual, weight, score })),
  );
}

export function seedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.getCell("A1").value = data.title;
  ws.mergeCells("A1:G1");
  ws.getCell("A2").value = "评价指标";
  ws.mergeCells("A2:B2");
  ws.getCell("A3").value = "一级指标";
  ws.getCell("B3").value = "二级指标";
  ["三级指标", "目标值", "完成情况", "权重", "得分"].forEach((text, i) => {
    ws.getCell(2, 3 + i).value = text;
    ws.mergeCells(2, 3 + i, 3, 3 + i);
  });
  const rows = seedRows();
  const first = 4;
  rows.forEach((r, i) => {
    const rr = first + i;
    const prev = rows[i - 1];
    if (!prev || prev.level1 !== r.level1) ws.getCell(rr, 1).value = r.level1;
    if (!prev || prev.level2 !== r.level2 || prev.level1 !== r.level1) ws.getCell(rr, 2).value = r.level2;
    ws.getCell(rr, 3).value = r.indicator;
    ws.getCell(rr, 4).value = r.target;
    ws.getCell(rr, 5).value = r.actual;
    ws.getCell(rr, 6).value = r.weight;
    ws.getCell(rr, 7).value = r.score;
  });
  mergeLevelRuns(ws, first, rows, { level1: 1, level2: 2 });
  const total = first + rows.length;
  ws.getCell(total, 1).value = "总分";
  ws.mergeCells(total, 1, total, 5);
  ws.getCell(total, 6).value = 100;
  ws.getCell(total, 7).value = 98;
  return wb;
}
