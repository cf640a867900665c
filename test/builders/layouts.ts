/**
 * Free-form layouts of indicator tables (and of sheets that are not one), for
 * the layout variants of SPEC §1 that `buildTable` does not make: a group
 * label down a left column, a split target, a grade as label + value, a
 * project table with its budget block, cover sheets, budget tables.
 */
import ExcelJS from "exceljs";
import { readXlsxBuffer } from "../../src/xlsx/read";
import type { SheetSnapshot } from "../../src/core/types";

/** A cell to write: a plain value, a formula with its cached result, or a number with a format. */
export type CellInput =
  | string
  | number
  | boolean
  | null
  | undefined
  | { formula: string; result?: number | string }
  | { value: number | string; numFmt: string }
  | { richText: string[] };

function toExcel(v: CellInput): ExcelJS.CellValue {
  if (v === undefined) return null;
  if (v === null || typeof v !== "object") return v;
  if ("formula" in v) return { formula: v.formula.replace(/^=/, ""), result: v.result } as ExcelJS.CellValue;
  if ("richText" in v) return { richText: v.richText.map((text) => ({ text })) };
  return v.value;
}

/** Writes rows of cells with their top-left at `at` (A1 address or [row, col]). */
export function put(ws: ExcelJS.Worksheet, at: string | [number, number], rows: CellInput[][]): void {
  const origin = typeof at === "string" ? ws.getCell(at) : ws.getCell(at[0], at[1]);
  const r0 = Number(origin.row);
  const c0 = Number(origin.col);
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === undefined || v === null) return;
      const cell = ws.getCell(r0 + i, c0 + j);
      cell.value = toExcel(v);
      if (typeof v === "object" && "numFmt" in v) cell.numFmt = v.numFmt;
    }),
  );
}

/** Writes the workbook to xlsx bytes and reads them back as the CLI host would. */
export async function readBack(wb: ExcelJS.Workbook): Promise<SheetSnapshot[]> {
  const buf = await wb.xlsx.writeBuffer();
  return (await readXlsxBuffer(buf as ArrayBuffer)).sheets;
}

/** Four indicator rows used by the free-form layouts: 产出 2 × 20 points, 效益 2 × 30 points, score 95. */
export const FOUR_ROWS: CellInput[][] = [
  ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 20, 20],
  [null, "质量指标", "培训合格率", "≥95%", "93%", 20, 15],
  ["效益指标", "社会效益指标", "群众知晓率", "≥90%", "92%", 30, 30],
  [null, "满意度指标", "服务对象满意度", "≥90%", "95%", 30, 30],
];

/**
 * 绩效指标 as a group label down the left-most column (merged over the header
 * and every indicator row), then the one-row header. Header at row 3, rows
 * 4–7, total 8 with the grade as label + value after the totals.
 */
export function groupColumnTable(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  put(ws, "A1", [["2021年度项目支出绩效自评表"]]);
  ws.mergeCells("A1:J1");
  put(ws, "A2", [["填报单位：某某县教育局"]]);
  put(ws, "A3", [["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]]);
  put(ws, "B4", FOUR_ROWS);
  ws.mergeCells("A3:A7");
  ws.mergeCells("B4:B5");
  ws.mergeCells("B6:B7");
  put(ws, "A8", [["合计", null, null, null, null, null, { formula: "SUM(G4:G7)", result: 100 }, { formula: "SUM(H4:H7)", result: 95 }, "评价等级", "优秀"]]);
  ws.mergeCells("A8:F8");
  return wb;
}

/**
 * A target split over three columns, 指标性质 | 指标值 | 度量单位, under a
 * two-row header whose first row has 年度指标值 over the three and 绩效指标 over the levels.
 * Starts at B2; header rows 2–3, rows 4–7, total 8 ("总 计" in the indicator column), grade "等级：优秀" after it.
 */
export function splitTargetTable(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  put(ws, "B2", [
    ["绩效指标", null, null, "年度指标值", null, null, "实际\n完成值", "分值\n（分）", "得　分", "偏差原因分析及改进措施"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
  ]);
  ws.mergeCells("B2:D2");
  ws.mergeCells("E2:G2");
  for (const col of ["H", "I", "J", "K"]) ws.mergeCells(`${col}2:${col}3`);
  put(ws, "B4", [
    ["产出指标", "数量指标", "培训人次", "≥", 500, "人次", 520, 20, 20],
    [null, "质量指标", "培训合格率", "≥", 95, "%", 93, 20, 15, "部分学员缺考"],
    ["效益指标", "社会效益指标", "投诉率", "≤", 2, "%", 1, 30, 30],
    [null, "满意度指标", "服务对象满意度", "≥", 90, "%", 95, 30, 30],
  ]);
  put(ws, "B8", [[null, null, "总 计", null, null, null, null, 100, 95, "等级：优秀"]]);
  return wb;
}

export interface ProjectTableOptions {
  /** Leave out the 年初预算数 column. */
  withoutInitialBudget?: boolean;
  /** Write the rate as text "95%" rather than 0.95 with a % format. */
  rateAsText?: boolean;
}

/**
 * The 项目支出绩效自评表 of 财预〔2020〕10号: title, 项目名称 / 主管部门 /
 * 实施单位, the budget block (项目资金（万元） | 年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分, row 年度资金总额 and the 其中 sub-rows),
 * 年度总体目标, then the indicator table with 绩效指标 down its left column
 * and the 总分 row.
 *
 * Rows: title 1, 项目名称 3, 主管部门 4, budget header 5, 年度资金总额 6, sub-rows 7–9,
 * 年度总体目标 10–11, indicator header 12, indicator rows 13–16, 总分 17.
 * Columns A–I; the block's numbers are in C–H (D–H without 年初预算数).
 */
export function projectTable(opts: ProjectTableOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目支出");
  put(ws, "A1", [["项目支出绩效自评表"]]);
  ws.mergeCells("A1:I1");
  put(ws, "A2", [["（2021年度）"]]);
  ws.mergeCells("A2:I2");
  put(ws, "A3", [["项目名称", "农村义务教育营养改善计划"]]);
  put(ws, "A4", [["主管部门", "某某县教育局", null, null, "实施单位", "某某县第一中学"]]);
  const rate = opts.rateAsText ? "95%" : { value: 0.95, numFmt: "0.00%" };
  const initial = opts.withoutInitialBudget ? null : 100;
  put(ws, "A5", [["项目资金（万元）", null, opts.withoutInitialBudget ? null : "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]]);
  put(ws, "B6", [["年度资金总额", initial, 120, 114, 10, rate, 9.5]]);
  put(ws, "B7", [["其中：当年财政拨款", initial, 120, 114, "—", "—", "—"]]);
  put(ws, "B8", [["上年结转资金", null, 0, 0, "—", "—", "—"]]);
  put(ws, "B9", [["其他资金", null, 0, 0, "—", "—", "—"]]);
  ws.mergeCells("A5:A9");
  put(ws, "A10", [["年度总体目标", "预期目标", null, null, null, "实际完成情况"]]);
  put(ws, "B11", [["保障学生营养餐供应", null, null, null, "已保障全年营养餐供应"]]);
  ws.mergeCells("A10:A11");
  put(ws, "A12", [["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]);
  put(ws, "B13", [
    ["产出指标", "数量指标", "受益学生人数", "≥3000人", "3050人", 25, 25],
    [null, "质量指标", "食品安全事故", "0起", "0起", 25, 25],
    ["效益指标", "社会效益指标", "学生营养状况改善", "有所改善", "有所改善", 30, 30],
    ["满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "93%", 10, 10],
  ]);
  ws.mergeCells("A12:A16");
  ws.mergeCells("B13:B14");
  put(ws, "A17", [["总分", null, null, null, null, null, 100, 99.5]]);
  ws.mergeCells("A17:F17");
  return wb;
}

/** A budget table that is not an indicator table: 项目 | 金额 columns. */
export function budgetOnlyTable(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("预算表");
  put(ws, "A1", [["2021年部门预算表"]]);
  put(ws, "A3", [
    ["项目", "金额", "备注"],
    ["基本支出", 1200, null],
    ["项目支出", 800, "含专项"],
    ["合计", { formula: "SUM(B4:B5)", result: 2000 }, null],
  ]);
  return wb;
}

/** A cover sheet of text, as departments put before the table. */
export function coverRows(): CellInput[][] {
  return [
    ["2020年度部门整体支出绩效自评报告"],
    [null],
    ["一、部门基本情况"],
    ["本部门共有内设机构6个，全年完成各项工作任务，得分情况见指标表。"],
  ];
}
