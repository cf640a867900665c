import ExcelJS from "exceljs";
import * as parse from "../../src/core/parse";
import { locateTable } from "../../src/core/locate";
import { readBudgetRow, readIndicatorRows } from "../../src/core/rows";
import { Grid } from "../../src/core/snapshot";
import type { IndicatorRow, TableLayout } from "../../src/core/types";
import { buildTable, validRows, type RowSpec, type TableSpec } from "../builders/table";
import { FOUR_ROWS, groupColumnTable, projectTable, put, readBack, splitTargetTable } from "../builders/layouts";
import { seedRows, seedWorkbook } from "../builders/seed";

async function located(wb: ExcelJS.Workbook): Promise<{ grid: Grid; layout: TableLayout }> {
  const out = locateTable(await readBack(wb));
  if (!out.ok) throw new Error(`${out.code}: ${out.message.en}`);
  return { grid: new Grid(out.snapshot), layout: out.layout };
}

async function rowsOf(wb: ExcelJS.Workbook): Promise<IndicatorRow[]> {
  const { grid, layout } = await located(wb);
  return readIndicatorRows(grid, layout);
}

const specRows = (spec: TableSpec) => rowsOf(buildTable(spec).workbook);

const levelsOf = (rows: IndicatorRow[]) => rows.map((r) => [r.row, r.level1, r.level2, r.indicator]);

afterEach(() => jest.restoreAllMocks());

describe("readIndicatorRows: levels", () => {
  const rows: RowSpec[] = [
    { level1: "产出指标", level2: "数量指标", indicator: "A", target: "≥1", actual: "1", weight: 25, score: 25 },
    { level1: "产出指标", level2: "数量指标", indicator: "B", target: "≥1", actual: "1", weight: 25, score: 25 },
    { level1: "产出指标", level2: "质量指标", indicator: "C", target: "≥1", actual: "1", weight: 25, score: 25 },
    { level1: "效益指标", level2: "社会效益指标", indicator: "D", target: "≥1", actual: "1", weight: 25, score: 25 },
  ];
  const expected = [
    [5, "产出指标", "数量指标", "A"],
    [6, "产出指标", "数量指标", "B"],
    [7, "产出指标", "质量指标", "C"],
    [8, "效益指标", "社会效益指标", "D"],
  ];

  test.each(["merged", "blank", "repeated"] as const)("level cells %s carry down", async (levels) => {
    expect(levelsOf(await specRows({ rows, levels }))).toEqual(expected);
  });

  test("a new level1 starts its level2 afresh", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("表"), "A1", [
      ["一级指标", "二级指标", "三级指标", "目标值", "完成值", "分值", "得分"],
      ["产出指标", "数量指标", "A", "≥1", "1", 50, 50],
      ["满意度指标", null, "B", "≥90%", "95%", 50, 50],
    ]);
    expect(levelsOf(await rowsOf(wb))).toEqual([
      [2, "产出指标", "数量指标", "A"],
      [3, "满意度指标", "", "B"],
    ]);
  });

  test("the seed: 48 rows, long level2 sentences, line breaks inside cells joined", async () => {
    const read = await rowsOf(seedWorkbook());
    const seed = seedRows();
    expect(read).toHaveLength(48);
    expect(read.map((r) => r.row)).toEqual(Array.from({ length: 48 }, (_, i) => 4 + i));
    expect(read.map((r) => [r.level1, r.level2, r.indicator])).toEqual(seed.map((r) => [r.level1, r.level2, r.indicator]));
    expect(read[23].level2).toMatch(/^职能 3\.根据我市相对集中行政许可权改革/);
    const sum = (k: "weight" | "score") => read.reduce((s, r) => s + (r[k].kind === "number" ? (r[k] as { value: number }).value : 0), 0);
    expect(sum("weight")).toBe(100);
    expect(sum("score")).toBe(98);
    expect(read.filter((r) => r.weight.kind === "number" && r.score.kind === "number" && r.score.value < r.weight.value).map((r) => r.indicator)).toEqual([
      "市政务服务大厅标准化建设工作",
      "负责政务服务系统的管理与维护以及电子政务内外网的业务衔接和协调",
    ]);
  });

  test("text wrapped with line breaks reads as one line", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("表"), "A1", [
      ["一级指标", "二级指标", "三级指标", "目标值", "完成值", "分值", "得分"],
      ["部门\n履职", "职能 1.负责全市政务服务综合管理\n和业务指导。", "年度工作计划\r\n制定情况", "健全", "健全", 100, 100],
    ]);
    expect(levelsOf(await rowsOf(wb))).toEqual([[2, "部门履职", "职能 1.负责全市政务服务综合管理和业务指导。", "年度工作计划制定情况"]]);
  });
});

describe("readIndicatorRows: which rows are indicators", () => {
  test("blank separator rows, level-only rows and 小计 rows are skipped", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("表"), "A1", [
      ["一级指标", "二级指标", "三级指标", "目标值", "完成值", "分值", "得分"],
      ["产出指标", null, null, null, null, null, null],
      [null, "数量指标", "A", "≥1", "1", 40, 40],
      [null, null, null, null, null, null, null],
      [null, null, "B", "≥1", "1", 10, 10],
      [null, null, "小计", null, null, 50, 50],
      ["效益指标", "社会效益指标", "C", "≥1", "1", 50, 50],
      ["合计", null, null, null, null, 100, 100],
    ]);
    const { grid, layout } = await located(wb);
    expect(layout).toMatchObject({ firstRow: 3, lastRow: 7, totalRow: 8 });
    expect(levelsOf(readIndicatorRows(grid, layout))).toEqual([
      [3, "产出指标", "数量指标", "A"],
      [5, "产出指标", "数量指标", "B"],
      [7, "效益指标", "社会效益指标", "C"],
    ]);
  });

  test("a row with a weight or score but no indicator text is still a row", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("表"), "A1", [
      ["三级指标", "目标值", "完成值", "分值", "得分"],
      ["A", "≥1", "1", 50, 50],
      [null, null, null, 50, null],
    ]);
    const rows = await rowsOf(wb);
    expect(rows.map((r) => [r.row, r.indicator, r.weight, r.score])).toEqual([
      [2, "A", { kind: "number", value: 50 }, { kind: "number", value: 50 }],
      [3, "", { kind: "number", value: 50 }, { kind: "empty" }],
    ]);
  });

  test("the 预算执行率 row of the table is not an indicator row", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("表"), "A1", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "受益人数", "≥100人", "120人", 50, 50],
      ["预算执行率", null, null, "100%", "95%", 10, 9.5],
      ["效益指标", "社会效益指标", "群众满意度", "≥90%", "95%", 40, 40],
      ["总分", null, null, null, null, 100, 99.5],
    ]);
    const rows = await rowsOf(wb);
    expect(rows.map((r) => [r.row, r.indicator])).toEqual([
      [2, "受益人数"],
      [4, "群众满意度"],
    ]);
  });
});

describe("readIndicatorRows: cell values", () => {
  test("weights and scores with stray spaces, full-width digits, units, text numbers and errors", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    put(ws, "A1", [
      ["三级指标", "目标值", "完成值", "分值", "得分"],
      ["A", "≥1", "1", " 20 ", "２０"],
      ["B", "≥1", "1", "30分", "29.5"],
      ["C", "≥1", "1", 50, "待定"],
      ["D", "≥1", "1", null, null],
    ]);
    ws.getCell("E5").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    const rows = await rowsOf(wb);
    expect(rows.map((r) => [r.indicator, r.weight, r.score])).toEqual([
      ["A", { kind: "number", value: 20 }, { kind: "number", value: 20 }],
      ["B", { kind: "number", value: 30 }, { kind: "number", value: 29.5 }],
      ["C", { kind: "number", value: 50 }, { kind: "invalid", text: "待定" }],
      ["D", { kind: "empty" }, { kind: "invalid", text: "#REF!" }],
    ]);
  });

  test("target and actual are parsed with the cell's number format, role and reverse flag", async () => {
    const parseSpy = jest.spyOn(parse, "parseIndicatorValue");
    const reverseSpy = jest.spyOn(parse, "isReverseIndicator");
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("表"), "A1", [
      ["三级指标", "目标值", "完成值", "分值", "得分"],
      ["资金到位率", { value: 1, numFmt: "0%" }, { value: 0.985, numFmt: "0.0%" }, 50, 50],
      ["投诉率", "  ≤ 5%  ", "３%", 50, 50],
    ]);
    const rows = await rowsOf(wb);
    expect(reverseSpy.mock.calls).toEqual([
      ["资金到位率", "1"],
      ["投诉率", "≤ 5%"],
    ]);
    const reverse = reverseSpy.mock.results.map((r) => r.value);
    expect(rows.map((r) => r.reverse)).toEqual(reverse);
    expect(parseSpy.mock.calls).toEqual([
      [1, { numberFormat: "0%", reverse: reverse[0], role: "target", kindCell: undefined, unitCell: undefined }],
      [0.985, { numberFormat: "0.0%", reverse: reverse[0], role: "actual", unitCell: undefined }],
      ["  ≤ 5%  ", { numberFormat: null, reverse: reverse[1], role: "target", kindCell: undefined, unitCell: undefined }],
      ["３%", { numberFormat: null, reverse: reverse[1], role: "actual", unitCell: undefined }],
    ]);
    expect(rows[0].target).toEqual(parseSpy.mock.results[0].value);
    expect(rows[1].actual).toEqual(parseSpy.mock.results[3].value);
  });

  test("a split target passes 指标性质 and 度量单位 to the parser", async () => {
    const parseSpy = jest.spyOn(parse, "parseIndicatorValue");
    const rows = await rowsOf(splitTargetTable());
    expect(rows.map((r) => r.indicator)).toEqual(["培训人次", "培训合格率", "投诉率", "服务对象满意度"]);
    const targetCalls = parseSpy.mock.calls.filter(([, o]) => o?.role === "target");
    expect(targetCalls.map(([raw, o]) => [raw, o?.kindCell, o?.unitCell])).toEqual([
      [500, "≥", "人次"],
      [95, "≥", "%"],
      [2, "≤", "%"],
      [90, "≥", "%"],
    ]);
    const actualCalls = parseSpy.mock.calls.filter(([, o]) => o?.role === "actual");
    expect(actualCalls.map(([raw, o]) => [raw, o?.unitCell])).toEqual([
      [520, "人次"],
      [93, "%"],
      [1, "%"],
      [95, "%"],
    ]);
  });

  test("the 偏差原因 column is read when the table has one, and absent otherwise", async () => {
    const withReason = await rowsOf(splitTargetTable());
    expect(withReason.map((r) => r.reason)).toEqual(["", "部分学员缺考", "", ""]);
    const without = await rowsOf(groupColumnTable());
    expect(without.map((r) => r.reason)).toEqual([undefined, undefined, undefined, undefined]);
    expect(without.map((r) => [r.row, r.level1, r.level2, r.indicator])).toEqual(
      FOUR_ROWS.map((r, i) => [4 + i, i < 2 ? "产出指标" : "效益指标", r[1], r[2]]),
    );
  });

  test("the row numbers of a table at D6 are sheet rows", async () => {
    const rows = await specRows({ rows: validRows(3), origin: { row: 6, col: 4 }, header: "one-row" });
    expect(rows.map((r) => [r.row, r.indicator])).toEqual([
      [7, "指标1"],
      [8, "指标2"],
      [9, "指标3"],
    ]);
  });
});

describe("readBudgetRow", () => {
  test("the 年度资金总额 row of a project table's budget block", async () => {
    const { grid, layout } = await located(projectTable());
    expect(readBudgetRow(grid, layout)).toEqual({ row: 6, initialBudget: 100, budget: 120, spent: 114, weight: 10, rate: 0.95, score: 9.5, rateCol: 7, scoreCol: 8, weightCol: 6 });
    expect(readIndicatorRows(grid, layout).map((r) => r.row)).toEqual([13, 14, 15, 16]);
  });

  test("without 年初预算数, and with the rate written as text 95%", async () => {
    const { grid, layout } = await located(projectTable({ withoutInitialBudget: true, rateAsText: true }));
    expect(readBudgetRow(grid, layout)).toEqual({ row: 6, budget: 120, spent: 114, weight: 10, rate: 0.95, score: 9.5, rateCol: 7, scoreCol: 8, weightCol: 6 });
  });

  test("a 预算执行率 row inside the table: weight, score and the rate from the result column", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("表"), "A1", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "受益人数", "≥100人", "120人", 50, 50],
      ["预算执行率", null, null, "100%", "95%", 10, 9.5],
      ["效益指标", "社会效益指标", "群众满意度", "≥90%", "95%", 40, 40],
    ]);
    const { grid, layout } = await located(wb);
    expect(readBudgetRow(grid, layout)).toEqual({ row: 3, weight: 10, score: 9.5, rate: 0.95, rateCol: 5, scoreCol: 7, weightCol: 6 });
  });

  test("a block labelled 预算执行率 with (A) (B) (B/A) in its headers", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("表"), "A1", [
      ["预算执行率（10分）", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
      ["年度资金总额", "200", "180", 10, { value: 0.9, numFmt: "0%" }, 9],
      [null],
      ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
      ["产出指标", "数量指标", "A", "≥1", "1", 90, 90],
    ]);
    const { grid, layout } = await located(wb);
    expect(readBudgetRow(grid, layout)).toEqual({ row: 2, budget: 200, spent: 180, weight: 10, rate: 0.9, score: 9, rateCol: 5, scoreCol: 6, weightCol: 4 });
  });

  test("a 预算执行率 indicator of a project table takes the money from the block above", async () => {
    const wb = projectTable();
    const ws = wb.getWorksheet("项目支出")!;
    put(ws, "D14", [["预算执行率", "100%", "95%", 25, 23.75]]);
    const { grid, layout } = await located(wb);
    expect(readBudgetRow(grid, layout)).toEqual({ row: 14, initialBudget: 100, budget: 120, spent: 114, weight: 25, rate: 0.95, score: 23.75, rateCol: 6, scoreCol: 8, weightCol: 7 });
    expect(readIndicatorRows(grid, layout).map((r) => r.row)).toEqual([13, 15, 16]);
  });

  test("no budget row in a 部门整体 table", async () => {
    const { grid, layout } = await located(seedWorkbook());
    expect(readBudgetRow(grid, layout)).toBeUndefined();
  });
});
