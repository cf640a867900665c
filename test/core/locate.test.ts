import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { locateTable, type LocateOutcome } from "../../src/core/locate";
import { snapshotFromRows } from "../../src/core/snapshot";
import type { SheetSnapshot, TableLayout } from "../../src/core/types";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { buildTable, validRows, type TableSpec } from "../builders/table";
import { budgetOnlyTable, coverRows, groupColumnTable, projectTable, put, readBack, splitTargetTable } from "../builders/layouts";
import { SEED_TITLE, seedWorkbook } from "../builders/seed";

async function locateSpec(spec: TableSpec, sheet?: string): Promise<TableLayout> {
  return layoutOf(locateTable(await readBack(buildTable(spec).workbook), { sheet }));
}

async function locateWorkbook(wb: ExcelJS.Workbook, sheet?: string): Promise<TableLayout> {
  return layoutOf(locateTable(await readBack(wb), { sheet }));
}

function layoutOf(out: LocateOutcome): TableLayout {
  if (!out.ok) throw new Error(`${out.code}: ${out.message.en}`);
  return out.layout;
}

const OFFICIAL = { level1: 1, level2: 2, level3: 3, target: 4, actual: 5, weight: 6, score: 7 };

describe("locateTable: the official layout and where the table starts", () => {
  test("title, 填报单位, two-row header at A3, SUM total and a grade on the row below", async () => {
    const layout = await locateSpec({ rows: validRows(10) });
    expect(layout).toEqual({
      sheet: "指标表",
      headerRows: [3, 4],
      columns: OFFICIAL,
      firstRow: 5,
      lastRow: 14,
      firstColumn: 1,
      lastColumn: 7,
      totalRow: 15,
      gradeCell: { row: 16, col: 2 },
      title: "2020 年部门整体支出绩效评价指标表",
      unit: "测试局",
    });
  });

  test("a one-row header at A1 with nothing above it", async () => {
    const layout = await locateSpec({ rows: validRows(4), header: "one-row", title: null, unit: null, grade: null });
    expect(layout).toMatchObject({ headerRows: [1], columns: OFFICIAL, firstRow: 2, lastRow: 5, totalRow: 6, firstColumn: 1, lastColumn: 7 });
    expect(layout.title).toBeUndefined();
    expect(layout.unit).toBeUndefined();
  });

  test("a table starting at D6, title and 填报单位 above it", async () => {
    const layout = await locateSpec({ rows: validRows(6), origin: { row: 6, col: 4 }, header: "one-row", unit: "某某区民政局" });
    expect(layout).toMatchObject({
      headerRows: [6],
      columns: { level1: 4, level2: 5, level3: 6, target: 7, actual: 8, weight: 9, score: 10 },
      firstRow: 7,
      lastRow: 12,
      totalRow: 13,
      firstColumn: 4,
      lastColumn: 10,
      gradeCell: { row: 14, col: 5 },
      title: "2020 年部门整体支出绩效评价指标表",
      unit: "某某区民政局",
    });
  });

  test("a two-row header starting at D6", async () => {
    const layout = await locateSpec({ rows: validRows(6), origin: { row: 6, col: 4 } });
    expect(layout).toMatchObject({ headerRows: [6, 7], firstRow: 8, lastRow: 13, totalRow: 14, firstColumn: 4, lastColumn: 10 });
    expect(layout.columns).toEqual({ level1: 4, level2: 5, level3: 6, target: 7, actual: 8, weight: 9, score: 10 });
  });

  test.each(["merged", "blank", "repeated"] as const)("level cells %s give the same layout", async (levels) => {
    const layout = await locateSpec({ rows: validRows(8), levels });
    expect(layout).toMatchObject({ headerRows: [3, 4], columns: OFFICIAL, firstRow: 5, lastRow: 12, totalRow: 13 });
  });
});

describe("locateTable: the seed table", () => {
  test("title row, 评价指标 over 一级指标/二级指标, merged levels, 总分 100 98", async () => {
    const layout = await locateWorkbook(seedWorkbook());
    expect(layout).toEqual({
      sheet: "Sheet1",
      headerRows: [2, 3],
      columns: OFFICIAL,
      firstRow: 4,
      lastRow: 51,
      firstColumn: 1,
      lastColumn: 7,
      totalRow: 52,
      title: SEED_TITLE,
      unit: "如皋市行政审批局", // no 填报单位 row: read from the title
    });
  });

  test("the bundled example workbook: 填报单位 row and 评价等级 on the row below the total", async () => {
    const file = path.join(__dirname, "../../assets/example/rugao-2020.xlsx");
    const { sheets } = await readXlsxBuffer(fs.readFileSync(file));
    const layout = layoutOf(locateTable(sheets));
    expect(layout).toMatchObject({ headerRows: [3, 4], columns: OFFICIAL, firstRow: 5, lastRow: 52, totalRow: 53, gradeCell: { row: 54, col: 6 } });
    expect(layout.unit).toBe("如皋市行政审批局");
    expect(layout.title).toBe(SEED_TITLE);
  });

  test("without the host's merge list the layout is the same", async () => {
    const sheets = (await readBack(seedWorkbook())).map((s): SheetSnapshot => ({ ...s, merges: undefined }));
    expect(layoutOf(locateTable(sheets))).toMatchObject({ headerRows: [2, 3], firstRow: 4, lastRow: 51, totalRow: 52, lastColumn: 7 });
  });
});

describe("locateTable: headers as people write them", () => {
  test("columns in another order: 分值 before 年度指标值", async () => {
    const layout = await locateSpec({
      rows: validRows(4),
      header: "one-row",
      headers: { target: "年度指标值" },
      order: ["level1", "level2", "level3", "weight", "target", "actual", "score"],
    });
    expect(layout.columns).toEqual({ level1: 1, level2: 2, level3: 3, weight: 4, target: 5, actual: 6, score: 7 });
  });

  test("synonyms: 指标名称 年度指标值 实际完成值 分值 自评得分", async () => {
    const layout = await locateSpec({
      rows: validRows(4),
      header: "one-row",
      headers: { level3: "指标名称", target: "年度指标值", actual: "实际完成值", weight: "分值", score: "自评得分" },
    });
    expect(layout.columns).toEqual(OFFICIAL);
  });

  test("synonyms: 权重（分） 全年实际完成值 预期目标值 实际得分 with 偏差原因", async () => {
    const rows = validRows(4).map((r) => ({ ...r, reason: "" }));
    const layout = await locateSpec({
      rows,
      header: "one-row",
      headers: { target: "预期目标值", actual: "全年实际完成值", weight: "权重（分）", score: "实际得分", reason: "偏差原因" },
    });
    expect(layout.columns).toEqual({ ...OFFICIAL, reason: 8 });
    expect(layout.lastColumn).toBe(8);
  });

  test("line breaks, full-width forms, spaces, units and formulas in headers", async () => {
    const layout = await locateSpec({
      rows: validRows(4),
      header: "one-row",
      headers: {
        level1: "一级\n指标",
        level2: " 二级指标 ",
        level3: "三　级　指　标",
        target: "目标值\r\n（%）",
        actual: "完成值(B)",
        weight: "标准分（分）",
        score: "得分\n(B/A×分值)",
      },
    });
    expect(layout.columns).toEqual(OFFICIAL);
  });

  test("headers matched by meaning: 本年度目标值, 实际执行结果, 指标满分, 自评最终得分", async () => {
    const layout = await locateSpec({
      rows: validRows(4),
      header: "one-row",
      headers: { target: "本年度计划目标", actual: "实际执行结果", weight: "指标满分", score: "自评最终得分" },
    });
    expect(layout.columns).toEqual(OFFICIAL);
  });

  test("三级指标 is preferred over 绩效指标 when both are headers", async () => {
    const layout = await locateSpec({
      rows: validRows(4),
      header: "one-row",
      headers: { level2: "绩效指标" },
    });
    // 绩效指标 over the level2 column is a group label here; the indicator is 三级指标.
    expect(layout.columns.level3).toBe(3);
  });

  test("绩效指标 alone names the indicator column", async () => {
    const layout = await locateSpec({ rows: validRows(4), header: "one-row", headers: { level3: "绩效指标" } });
    expect(layout.columns).toEqual(OFFICIAL);
  });

  test("绩效指标 as a group label down the left-most column beside the whole table", async () => {
    const layout = await locateWorkbook(groupColumnTable());
    expect(layout).toEqual({
      sheet: "自评表",
      headerRows: [3],
      columns: { level1: 2, level2: 3, level3: 4, target: 5, actual: 6, weight: 7, score: 8 },
      firstRow: 4,
      lastRow: 7,
      firstColumn: 1,
      // The grade label and value in I8:J8 stand after the header's last column H and belong to the table.
      lastColumn: 10,
      totalRow: 8,
      gradeCell: { row: 8, col: 10 },
      title: "2021年度项目支出绩效自评表",
      unit: "某某县教育局",
    });
  });

  test("a split target 指标性质 | 指标值 | 度量单位 under 年度指标值, table at B2", async () => {
    const layout = await locateWorkbook(splitTargetTable());
    expect(layout).toEqual({
      sheet: "Sheet1",
      headerRows: [2, 3],
      columns: { level1: 2, level2: 3, level3: 4, targetKind: 5, target: 6, targetUnit: 7, actual: 8, weight: 9, score: 10, reason: 11 },
      firstRow: 4,
      lastRow: 7,
      firstColumn: 2,
      lastColumn: 11,
      totalRow: 8,
      gradeCell: { row: 8, col: 11 },
    });
  });
});

describe("locateTable: more of what real forms do", () => {
  test("a 序号 column, a row of units under the header and 填报单位（盖章）", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    put(ws, "A1", [
      ["某某局2021年度部门整体支出绩效自评表"],
      ["填报单位（盖章）：某某局        填报日期：2022年3月1日"],
      ["序号", "一级指标", "二级指标", "三级指标", "目标值", "完成值", "分值", "得分"],
      [null, null, null, null, null, null, "（分）", "（分）"],
      [1, "产出指标", "数量指标", "A", "≥1", "1", 50, 50],
      [2, "效益指标", "社会效益指标", "B", "≥1", "1", 50, 50],
      ["合计", null, null, null, null, null, 100, 100],
    ]);
    expect(await locateWorkbook(wb)).toEqual({
      sheet: "表",
      headerRows: [3, 4],
      columns: { level1: 2, level2: 3, level3: 4, target: 5, actual: 6, weight: 7, score: 8 },
      firstRow: 5,
      lastRow: 6,
      firstColumn: 1,
      lastColumn: 8,
      totalRow: 7,
      title: "某某局2021年度部门整体支出绩效自评表",
      unit: "某某局",
    });
  });

  test("a two-row header whose second row also holds units under 分值 and 得分", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    put(ws, "A1", [
      ["绩效指标", null, null, "年度指标值", "实际完成值", "分值", "得分"],
      ["一级指标", "二级指标", "三级指标", null, null, "（分）", "（分）"],
      ["产出指标", "数量指标", "A", "≥1", "1", 100, 100],
    ]);
    ws.mergeCells("A1:C1");
    ws.mergeCells("D1:D2");
    ws.mergeCells("E1:E2");
    expect(await locateWorkbook(wb)).toMatchObject({ headerRows: [1, 2], columns: OFFICIAL, firstRow: 3, lastRow: 3 });
  });

  test("a 单位 column away from the target is not a split target's unit", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("表"), "A1", [
      ["单位", "三级指标", "指标值", "完成值", "分值", "得分"],
      ["办公室", "A", "≥1", "1", 100, 100],
    ]);
    expect((await locateWorkbook(wb)).columns).toEqual({ level3: 2, target: 3, actual: 4, weight: 5, score: 6 });
  });

  test("主管部门评分 beside 自评得分, 评分标准 and 备注 columns: the listed header wins, the others are kept", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("表"), "A1", [
      ["指标名称", "评分标准", "指标值", "完成值", "分值", "主管部门评分", "自评得分", "备注"],
      ["A", "完成得满分", "≥1", "1", 100, 100, 100, null],
    ]);
    const layout = await locateWorkbook(wb);
    expect(layout.columns).toEqual({ level3: 1, target: 3, actual: 4, weight: 5, score: 7 });
    expect([layout.firstColumn, layout.lastColumn]).toEqual([1, 8]);
  });
});

describe("locateTable: totals and grades", () => {
  test.each(["总分", "合计", "总计", "合 计"])("total label %s merged across the first columns", async (label) => {
    const layout = await locateSpec({ rows: validRows(5), totalLabel: label });
    expect(layout.totalRow).toBe(10);
    expect(layout.lastRow).toBe(9);
  });

  test("the total label in the indicator column, not the first one", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    put(ws, "A1", [
      ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人次", "≥500", "520", 50, 50],
      ["效益指标", "满意度指标", "满意度", "≥90%", "95%", 50, 45],
      [null, null, "合计", null, null, 100, 95],
    ]);
    expect(await locateWorkbook(wb)).toMatchObject({ firstRow: 2, lastRow: 3, totalRow: 4 });
  });

  test("grade as 等级：优秀 in a cell after the totals", async () => {
    const rows = validRows(4).map((r) => ({ ...r, reason: "" }));
    const layout = await locateSpec({ rows, header: "one-row" });
    // Header row 3, columns A–H (H is 偏差原因); the builder writes 等级：优秀 in H of the total row.
    expect(layout).toMatchObject({ headerRows: [3], firstRow: 4, lastRow: 7, totalRow: 8, lastColumn: 8, gradeCell: { row: 8, col: 8 } });
  });

  test("grade as a label cell followed by the value cell in the total row", async () => {
    const layout = await locateWorkbook(groupColumnTable());
    expect(layout.gradeCell).toEqual({ row: 8, col: 10 });
  });

  test("grade on the row below the total: 评价等级 | 良好", async () => {
    const layout = await locateSpec({ rows: validRows(4), grade: "良好" });
    expect(layout).toMatchObject({ totalRow: 9, gradeCell: { row: 10, col: 2 } });
  });

  test("no grade stated: the cell after the score total when the table has one", async () => {
    const rows = validRows(4).map((r) => ({ ...r, reason: "" }));
    const withReason = await locateSpec({ rows, header: "one-row", grade: null });
    expect(withReason.gradeCell).toEqual({ row: 8, col: 8 });
    const scoreLast = await locateSpec({ rows: validRows(4), header: "one-row", grade: null });
    expect(scoreLast.gradeCell).toBeUndefined();
  });

  test("no total row: the table ends at a run of blank rows, notes below are not rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    put(ws, "A1", [
      ["三级指标", "目标值", "完成值", "权重", "得分"],
      ["指标1", "≥1", "1", 50, 50],
      [null, null, null, null, null],
      ["指标2", "≥1", "1", 50, 50],
      [null],
      [null],
      ["以下为说明文字"],
      ["指标3", "≥1", "1", 10, 10],
    ]);
    expect(await locateWorkbook(wb)).toMatchObject({ headerRows: [1], firstRow: 2, lastRow: 4 });
  });

  test("a note row (注：…) ends the table", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    put(ws, "A1", [
      ["三级指标", "目标值", "完成值", "权重", "得分"],
      ["指标1", "≥1", "1", 50, 50],
      ["指标2", "≥1", "1", 50, 50],
      ["注：得分保留两位小数。", null, null, null, null],
      ["填表人：张三", null, "联系电话：123", null, null],
    ]);
    expect(await locateWorkbook(wb)).toMatchObject({ firstRow: 2, lastRow: 3 });
  });

  test("a section heading after the table ends it; a numbered level heading inside does not", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("表"), "A1", [
      ["一级指标", "二级指标", "三级指标", "目标值", "完成值", "分值", "得分"],
      ["一、部门管理", null, null, null, null, null, null],
      [null, "决策管理", "A", "健全", "健全", 50, 50],
      ["二、部门履职", null, null, null, null, null, null],
      [null, "职能 1.负责全市政务服务综合管理", "B", "100%", "100%", 50, 50],
      ["四、存在问题（通过绩效评价所发现的问题）", null, null, null, null, null, null],
      ["各项改革工作、创新工作均取得明显成效。", null, null, null, null, null, null],
      ["五、有关建议", null, null, null, null, null, null],
      [null, null, "2021年", null, null, 3, null],
    ]);
    expect(await locateWorkbook(wb)).toMatchObject({ firstRow: 3, lastRow: 5 });
  });

  test("a total after a run of blank rows still closes the table", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    put(ws, "A1", [
      ["三级指标", "目标值", "完成值", "权重", "得分"],
      ["指标1", "≥1", "1", 50, 50],
      ["指标2", "≥1", "1", 50, 50],
      [null],
      [null],
      ["总分", null, null, 100, 100],
    ]);
    expect(await locateWorkbook(wb)).toMatchObject({ firstRow: 2, lastRow: 3, totalRow: 6 });
  });
});

describe("locateTable: a sheet checked before", () => {
  test("the 核查结果 column of an earlier run changes nothing in the layout", async () => {
    for (const make of [groupColumnTable, () => buildTable({ rows: validRows(4), header: "one-row", grade: null }).workbook]) {
      const before = await locateWorkbook(make());
      const wb = make();
      const ws = wb.worksheets[wb.worksheets.length - 1];
      const col = before.lastColumn + 1;
      ws.getCell(before.headerRows[0], col).value = "核查结果";
      for (let r = before.firstRow; r <= before.lastRow; r++) ws.getCell(r, col).value = "✓ 达成";
      ws.getCell(before.totalRow!, col).value = "权重合计 100，得分合计 95，等级 优";
      expect(await locateWorkbook(wb)).toEqual(before);
    }
  });
});

describe("locateTable: sheets", () => {
  test("a cover sheet first: the table's sheet is found", async () => {
    const layout = await locateSpec({ rows: validRows(4), extraSheetsBefore: [{ name: "封面", rows: coverRows() as (string | null)[][] }] });
    expect(layout).toMatchObject({ sheet: "指标表", headerRows: [3, 4], firstRow: 5, lastRow: 8 });
  });

  // Not the sheet with the most roles: a form followed by a copy of a fuller one (an attachment) is still the form's
  // own workbook (test/real/shapes.test.ts, edit 5). The other is named; --sheet picks it.
  test("the first sheet holding a table is checked, even before a fuller one; the other is named", async () => {
    const { workbook } = buildTable({ rows: validRows(4), header: "one-row", sheetName: "完整表" });
    const partial = workbook.addWorksheet("简表");
    put(partial, "A1", [
      ["指标名称", "分值", "得分"],
      ["指标1", 100, 100],
    ]);
    const fullFirst = locateTable(await readBack(workbook));
    expect(fullFirst.ok && [fullFirst.layout.sheet, fullFirst.otherTableSheets]).toEqual(["完整表", ["简表"]]);
    const reordered = new ExcelJS.Workbook();
    put(reordered.addWorksheet("简表"), "A1", [
      ["指标名称", "分值", "得分"],
      ["指标1", 100, 100],
    ]);
    put(reordered.addWorksheet("完整表"), "A1", [
      ["一级指标", "二级指标", "三级指标", "目标值", "完成情况", "权重", "得分"],
      ["产出指标", "数量指标", "培训人次", "≥500", 520, 100, 100],
    ]);
    const partialFirst = locateTable(await readBack(reordered));
    expect(partialFirst.ok && [partialFirst.layout.sheet, partialFirst.otherTableSheets]).toEqual(["简表", ["完整表"]]);
  });

  test("a named sheet is used even when another one holds a table", async () => {
    const { workbook } = buildTable({ rows: validRows(4), header: "one-row", sheetName: "完整表" });
    const other = workbook.addWorksheet("简表");
    put(other, "C3", [
      ["指标名称", "分值", "得分"],
      ["指标1", 60, 60],
      ["指标2", 40, 40],
    ]);
    const layout = await locateWorkbook(workbook, "简表");
    expect(layout).toMatchObject({ sheet: "简表", headerRows: [3], columns: { level3: 3, weight: 4, score: 5 }, firstRow: 4, lastRow: 5 });
  });
});

describe("locateTable: a project table with a budget block", () => {
  test("the indicator table below the block and the 年度资金总额 row as the budget row", async () => {
    const layout = await locateWorkbook(projectTable());
    expect(layout).toEqual({
      sheet: "项目支出",
      headerRows: [12],
      columns: { level1: 2, level2: 3, level3: 4, target: 5, actual: 6, weight: 7, score: 8, reason: 9 },
      firstRow: 13,
      lastRow: 16,
      firstColumn: 1,
      lastColumn: 9,
      totalRow: 17,
      gradeCell: { row: 17, col: 9 },
      budgetRow: 6,
      title: "项目支出绩效自评表",
      unit: "某某县第一中学",
    });
  });

  test("a 预算执行率 row inside the indicator table is the budget row", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    put(ws, "A1", [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "受益人数", "≥100人", "120人", 50, 50],
      ["效益指标", "社会效益指标", "群众满意度", "≥90%", "95%", 40, 40],
      ["预算执行率", null, null, "100%", "95%", 10, 9.5],
      ["总分", null, null, null, null, 100, 99.5],
    ]);
    expect(await locateWorkbook(wb)).toMatchObject({ firstRow: 2, lastRow: 4, totalRow: 5, budgetRow: 4 });
  });

  test("a 预算执行率 indicator (level3) is the budget row of a project table only", async () => {
    const rows = validRows(4);
    rows[1] = { ...rows[1], indicator: "预算执行率" };
    expect((await locateSpec({ rows })).budgetRow).toBeUndefined();
    const wb = projectTable();
    const ws = wb.getWorksheet("项目支出")!;
    ws.getCell("D14").value = "预算执行率";
    expect((await locateWorkbook(wb)).budgetRow).toBe(14);
  });

  test("a budget block labelled 预算执行率 in its first cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    put(ws, "A1", [
      ["预算执行率（10分）", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
      ["年度资金总额", 200, 180, 10, { value: 0.9, numFmt: "0%" }, 9],
      [null],
      ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
      ["产出指标", "数量指标", "A", "≥1", "1", 90, 90],
      ["总分", null, null, null, null, 100, 99],
    ]);
    expect(await locateWorkbook(wb)).toMatchObject({ headerRows: [4], firstRow: 5, lastRow: 5, totalRow: 6, budgetRow: 2 });
  });

  test("支出预算执行率 of a 部门整体 table is an ordinary indicator", async () => {
    const rows = validRows(4);
    rows[1] = { ...rows[1], indicator: "支出预算执行率" };
    const layout = await locateSpec({ rows });
    expect(layout.budgetRow).toBeUndefined();
  });
});

describe("locateTable: failures", () => {
  test("an empty workbook and a workbook of empty sheets", async () => {
    expect(locateTable([])).toMatchObject({ ok: false, code: "EMPTY_WORKBOOK" });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    wb.addWorksheet("Sheet2");
    const out = locateTable(await readBack(wb));
    expect(out).toMatchObject({ ok: false, code: "EMPTY_WORKBOOK" });
  });

  test("an empty named sheet", async () => {
    const { workbook } = buildTable({ rows: validRows(4) });
    workbook.addWorksheet("空表");
    const out = locateTable(await readBack(workbook), { sheet: "空表" });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.code).toBe("NO_TABLE");
      expect(out.message.zh).toContain("空表");
    }
  });

  test("an unrelated budget table (项目 | 金额) is NO_TABLE, saying what was looked for", async () => {
    const out = locateTable(await readBack(budgetOnlyTable()));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.code).toBe("NO_TABLE");
    expect(out.message.zh).toMatch(/^未找到指标表/);
    expect(out.message.zh).toContain("三级指标/指标名称");
    expect(out.message.zh).toContain("权重/分值");
    expect(out.message.zh).toContain("得分");
    expect(out.message.zh).toContain("预算表");
    expect(out.message.en).toMatch(/^No indicator table found/);
  });

  test("a header without a weight column is read when scores follow it (issue 14), else names what is missing", async () => {
    const scored = new ExcelJS.Workbook();
    put(scored.addWorksheet("表"), "A1", [
      ["三级指标", "目标值", "完成值", "得分"],
      ["指标1", "≥1", "1", 50],
    ]);
    expect(locateTable(await readBack(scored))).toMatchObject({ ok: true, layout: { columns: { level3: 1, target: 2, actual: 3, score: 4 }, firstRow: 2, lastRow: 2 } });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    put(ws, "A1", [
      ["三级指标", "目标值", "完成值", "得分"],
      ["指标1", "≥1", "1", "待评"],
    ]);
    const out = locateTable(await readBack(wb));
    expect(out).toMatchObject({ ok: false, code: "NO_TABLE" });
    if (!out.ok) {
      expect(out.message.zh).toContain("第 1 行");
      expect(out.message.zh).toContain("缺少 权重/分值");
      expect(out.message.en).toContain("lacks weight");
    }
  });

  test("a named sheet that does not exist lists the sheets there are", async () => {
    const { workbook } = buildTable({ rows: validRows(4), extraSheetsBefore: [{ name: "封面", rows: [["说明"]] }] });
    const out = locateTable(await readBack(workbook), { sheet: "自评表" });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.code).toBe("SHEET_NOT_FOUND");
    expect(out.message.zh).toContain("自评表");
    expect(out.message.zh).toContain("“封面”、“指标表”");
    expect(out.message.en).toContain('"封面", "指标表"');
  });

  test("a sheet of text only, numbers only or header words without data is not a table", () => {
    const texts = snapshotFromRows("说明", [["绩效自评报告"], ["一、基本情况"], ["完成情况良好"]]);
    const numbers = snapshotFromRows("数据", [[1, 2, 3], [4, 5, 6]]);
    for (const s of [texts, numbers]) expect(locateTable([s])).toMatchObject({ ok: false, code: "NO_TABLE" });
  });

  test("never throws on odd grids", () => {
    const odd: SheetSnapshot[] = [
      { name: "ragged", top: 0, left: 0, values: [[null], [], ["得分", true, 3], [null, "分值"]], formulas: [], numberFormats: [] },
      { name: "far", top: 100000, left: 300, values: [["#REF!", "三级指标", "权重", "得分"]], formulas: [[]], numberFormats: [[]] },
      { name: "blank strings", top: 0, left: 0, values: [["  ", "\n"]], formulas: [], numberFormats: [] },
    ];
    for (const s of odd) expect(() => locateTable([s])).not.toThrow();
    const far = locateTable([odd[1]]);
    expect(far).toMatchObject({ ok: true, layout: { headerRows: [100001], firstRow: 100002, lastRow: 100001 } });
    expect(locateTable([odd[2]])).toMatchObject({ ok: false, code: "EMPTY_WORKBOOK" });
  });
});

describe("locateTable on any grid", () => {
  const words = ["一级指标", "二级指标", "三级指标", "指标名称", "绩效指标", "评价指标", "目标值", "完成值", "分值", "权重", "得分", "总分", "合计", "等级：优秀", "评价等级", "优秀", "预算执行率", "年初预算数", "全年预算数", "全年执行数", "执行率", "年度资金总额", "其中：当年财政拨款", "填报单位：某局", "（分）", "注：", "产出指标", "≥95%", "完成", "", "  ", "#REF!"];
  const cell = fc.oneof(fc.constantFrom(...words), fc.double({ noNaN: false }), fc.integer({ min: -5, max: 120 }), fc.boolean(), fc.constant(null), fc.string({ maxLength: 6 }));
  const grid = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 });

  test("never throws, and a table it finds is consistent", () => {
    fc.assert(
      fc.property(grid, fc.nat(30), fc.nat(10), (values, top, left) => {
        const snapshot: SheetSnapshot = { name: "S", top, left, values, formulas: [], numberFormats: [] };
        const out = locateTable([snapshot]);
        // The safety net in locateTable must not be what kept it from throwing.
        if (!out.ok) return ["EMPTY_WORKBOOK", "NO_TABLE"].includes(out.code) && !out.message.en.includes("could not be read");
        const l = out.layout;
        const header = Math.max(...l.headerRows);
        const cols = Object.values(l.columns) as number[];
        return (
          l.firstRow > header &&
          l.lastRow >= l.firstRow - 1 &&
          (l.totalRow === undefined || l.totalRow > l.lastRow) &&
          cols.every((c) => c >= l.firstColumn && c <= l.lastColumn) &&
          l.columns.level3 !== undefined &&
          l.columns.score !== undefined
        );
      }),
      { numRuns: 400 },
    );
  });
});

describe("填报单位 from the title when no 填报单位 row states it", () => {
  const { unitFromTitle } = jest.requireActual("../../src/core/tableMeta") as typeof import("../../src/core/tableMeta");
  test.each([
    ["如皋市行政审批局2020年度部门整体支出绩效自评表", "如皋市行政审批局"],
    ["如皋市行政审批局 2020 年整体支出绩效评价指标表", "如皋市行政审批局"],
    ["2020 年部门整体支出绩效评价指标表", undefined],
    ["____年度部门整体支出绩效自评表", undefined],
    ["部门整体支出绩效自评表", undefined],
  ])("%s → %s", (title, unit) => {
    expect(unitFromTitle(title)).toBe(unit);
  });
});
