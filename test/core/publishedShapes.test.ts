/**
 * Layout classes of published forms (issue 14), each with generated variants:
 * template slots, tables without a weight column (block and level labels), several blocks
 * each under its own header, weights stated in the budget block's header.
 */
import ExcelJS from "exceljs";
import { check } from "../../src/core/check";
import type { CheckResult } from "../../src/core/types";
import { projectTable, put, readBack } from "../builders/layouts";
import { blockTable, levelPointsTable, levelWeightTable, nameColumnLabelTable, sharedPointsTable, slotTable } from "../builders/publishedShapes";

async function checkWorkbook(wb: ExcelJS.Workbook): Promise<CheckResult> {
  const out = check(await readBack(wb));
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message.en}`);
  return out.result;
}

const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === "error");
const codesOf = (r: CheckResult) => r.findings.map((f) => f.code);

describe("template slots (指标1：, ……) are not indicators", () => {
  const variants: [string, Parameters<typeof slotTable>[0]][] = [
    ["指标1： 指标2： ……", {}],
    ["指标N: and …", { placeholders: ["指标N:", "…"], slotsPerLevel2: 2 }],
    ["其他, three a level", { placeholders: ["其他"], slotsPerLevel2: 3 }],
    ["/ in every cell", { placeholders: ["/"], slashes: true, slotsPerLevel2: 1 }],
    ["指标1： with / in the values", { placeholders: ["指标1："], slashes: true, slotsPerLevel2: 2 }],
    ["fullwidth 指标１：", { placeholders: ["指标１：", "．．．．．．"], slotsPerLevel2: 2 }],
  ];
  test.each(variants)("%s: no finding, the slots counted once", async (_name, opts) => {
    const built = slotTable(opts);
    const result = await checkWorkbook(built.workbook);
    expect(result.findings).toEqual([]);
    expect(result.skippedSlots).toEqual(built.slotRows);
    expect(result.rows.map((r) => r.row)).toEqual(built.indicatorRows);
    expect(result.totals).toMatchObject({ weight: 100, score: 100, statedWeight: 100, statedScore: 100, grade: "优" });
    expect(result.counts.notApplicable).toBe(0);
  });

  test("the annotated copy's summary cell says it too, and nothing is written on a slot row", async () => {
    const built = slotTable();
    const result = await checkWorkbook(built.workbook);
    const summary = result.plan.writes.find((w) => w.row === built.totalRow && w.col === result.plan.resultColumn);
    expect(String(summary?.value)).toContain(`${built.slotRows.length} 个空白模板行未计入`);
    expect(result.plan.writes.filter((w) => built.slotRows.includes(w.row))).toEqual([]);
  });

  test("a slot that carries a weight and a score is an indicator without a name: one warning on its row", async () => {
    const built = slotTable({ namelessScored: true });
    const result = await checkWorkbook(built.workbook);
    expect(result.findings).toMatchObject([{ code: "INDICATOR_NAME_MISSING", severity: "warning", row: built.namelessRow, cell: `D${built.namelessRow}` }]);
    expect(result.findings[0].message.zh).toContain("权重");
    expect(result.skippedSlots).not.toContain(built.namelessRow);
  });

  test("a named row with nothing filled in is still reported (it is not a placeholder)", async () => {
    const built = slotTable({ placeholders: ["专项培训"], slotsPerLevel2: 1 });
    const result = await checkWorkbook(built.workbook);
    expect(result.skippedSlots).toEqual([]);
    expect(codesOf(result)).toContain("SCORE_MISSING");
  });
});

describe("several blocks, each under its own header, weights in the block labels, no weight column", () => {
  test("the Hubei 2020 shape: read, Σ得分 99.6 = 总分, every row met, exit-0 findings only", async () => {
    const built = blockTable({ scores: [[10, 10, 19.6], [20, 20]], emptyLevel2Slots: true });
    const result = await checkWorkbook(built.workbook);
    expect(result.layout.blockHeaderRows).toEqual(built.blockHeaderRows);
    expect(result.layout.columns.weight).toBeUndefined();
    expect(result.rows.map((r) => r.row)).toEqual(built.indicatorRows);
    expect(result.rows.every((r) => r.status === "met")).toBe(true);
    expect(result.budget).toMatchObject({ row: built.budgetRow, weight: 20, score: 20, rate: 1 });
    expect(result.totals).toMatchObject({ weight: 100, score: 99.6, statedScore: 99.6, grade: "优" });
    expect(errors(result)).toEqual([]);
    expect(codesOf(result)).toEqual(["NO_ROW_WEIGHTS"]);
    expect(result.findings[0].message.zh).toContain("年度绩效目标1(40分)");
    expect(result.skippedSlots).toEqual(built.slotRows);
  });

  const generated: [string, Parameters<typeof blockTable>[0]][] = [
    ["one block of 80", { blocks: [80] }],
    ["three blocks 30 + 30 + 20", { blocks: [30, 30, 20] }],
    ["budget weight in the label (20分)", { budgetWeightIn: "label" }],
    ["budget weight in 分值(20分)", { budgetWeightIn: "weightHeader" }],
    ["budget 10, blocks 45 + 45", { budgetWeight: 10, blocks: [45, 45] }],
    ["spending 95 of 100", { money: [100, 95] }],
    ["each block's label on a row above its header (职能一：…（40分）)", { labelRowAbove: true }],
    ["three 职能 blocks labelled above, 30 + 30 + 20", { labelRowAbove: true, blocks: [30, 30, 20] }],
  ];
  test.each(generated)("%s: blocks counted, totals right, no error", async (_name, opts) => {
    const built = blockTable(opts);
    const result = await checkWorkbook(built.workbook);
    expect(result.rows.map((r) => r.row)).toEqual(built.indicatorRows);
    expect(result.totals.weight).toBe(100);
    expect(result.totals.score).toBe(built.scoreSum);
    expect(result.totals.statedScore).toBe(built.scoreSum);
    expect(errors(result)).toEqual([]);
  });

  test("a 预算资金执行率 indicator in a block is judged like any other when the budget block is scored by its header", async () => {
    const built = blockTable();
    const ws = built.workbook.getWorksheet("Sheet1")!;
    ws.getCell("C9").value = "时效指标";
    ws.getCell("D9").value = "预算资金执行率";
    ws.getCell("E9").value = "90%";
    ws.getCell("F9").value = "100%";
    const result = await checkWorkbook(built.workbook);
    expect(result.budget).toMatchObject({ row: 6, weight: 20, score: 20 });
    expect(result.rows.find((r) => r.row === 9)).toMatchObject({ indicator: "预算资金执行率", status: "met" });
    expect(result.totals).toMatchObject({ weight: 100, score: built.scoreSum });
    expect(errors(result)).toEqual([]);
  });

  test("a block whose scores exceed its label's weight is one error on the label", async () => {
    const built = blockTable({ scores: [[20, 20, 5], [10, 10, 10]] });
    const result = await checkWorkbook(built.workbook);
    const found = result.findings.filter((f) => f.code === "BLOCK_SCORE_EXCEEDS_WEIGHT");
    expect(found).toMatchObject([{ severity: "error", row: 7, cell: "A7" }]);
    expect(found[0].message.zh).toContain("45");
  });

  test("block weights that do not add up to 100 with the budget's", async () => {
    const built = blockTable({ blocks: [40, 30] });
    const result = await checkWorkbook(built.workbook);
    expect(result.totals.weight).toBe(90);
    expect(codesOf(result)).toContain("WEIGHT_TOTAL_NOT_100");
  });

  test("a stated total that is not Σ得分", async () => {
    const built = blockTable({ statedTotal: 98 });
    const result = await checkWorkbook(built.workbook);
    expect(result.findings.filter((f) => f.code === "TOTAL_SCORE_MISMATCH")).toMatchObject([{ row: built.totalRow, cell: `G${built.totalRow}` }]);
  });

  test("a budget score that is not rate × the weight in its header", async () => {
    const built = blockTable({ money: [100, 90] });
    const ws = built.workbook.getWorksheet("Sheet1")!;
    ws.getCell("G6").value = 20;
    const result = await checkWorkbook(built.workbook);
    expect(result.findings.filter((f) => f.code === "EXECUTION_RATE_MISMATCH")).toMatchObject([{ row: 6, cell: "G6" }]);
  });
});

describe("published unfilled, no weight column: the weights are in the labels, nothing scored yet", () => {
  // A 保山/Hubei template printed with targets only (施甸 2021, test/real): read like an unfilled table
  // with a weight column (青神 2023), not refused for a weight column it does not need.
  test.each([
    ["block labels 年度绩效目标1(40分) on each header row", () => blockTable({ unscored: true })],
    ["one block of 80, budget weight in its label", () => blockTable({ unscored: true, blocks: [80], budgetWeightIn: "label" })],
    ["一级 labels 产出指标（50分）", () => levelWeightTable({ unscored: true })],
    ["（50分） alone under the 一级 name", () => levelWeightTable({ unscored: true, weightIn: "ownCell" })],
  ])("%s: read, weights 100 from the labels, every row left for a person, each score missing", async (_name, build) => {
    const built = build();
    const result = await checkWorkbook(built.workbook);
    expect(result.layout.columns.weight).toBeUndefined();
    expect(result.rows.map((r) => r.row)).toEqual(built.indicatorRows);
    expect(result.rows.every((r) => r.status === "review")).toBe(true);
    expect(result.totals.weight).toBe(100);
    expect(result.totals.statedScore).toBeUndefined();
    const missing = result.findings.filter((f) => f.code === "SCORE_MISSING").map((f) => f.row);
    for (const row of built.indicatorRows) expect(missing).toContain(row);
    expect(codesOf(result)).not.toContain("WEIGHT_TOTAL_NOT_100");
    expect(codesOf(result)).toContain("NO_ROW_WEIGHTS");
  });

  test("without points in any label and nothing scored, the table is still refused, naming the missing weight column", async () => {
    const built = blockTable({ unscored: true });
    const ws = built.workbook.getWorksheet("Sheet1")!;
    ws.getCell("A7").value = "年度绩效目标1";
    ws.getCell(`A${built.blockHeaderRows[0]}`).value = "年度绩效目标2";
    ws.getCell("G5").value = "得分";
    const out = check(await readBack(built.workbook));
    expect(out.ok ? "read" : out.error.code).toBe("NO_TABLE");
    if (!out.ok) expect(out.error.message.zh).toContain("缺少 权重/分值");
  });
});

describe("weights in 一级 labels, no weight column", () => {
  test.each([["产出指标（50分）", "label"], ["（50分） in the cell under the name", "ownCell"]] as const)("%s", async (_name, weightIn) => {
    const built = levelWeightTable({ weightIn });
    const result = await checkWorkbook(built.workbook);
    expect(result.rows.map((r) => r.row)).toEqual(built.indicatorRows);
    expect(result.rows.map((r) => r.level1)).toEqual(
      weightIn === "label"
        ? ["产出指标（50分）", "产出指标（50分）", "效益指标（30分）", "效益指标（30分）", "满意度指标（10分）", "满意度指标（10分）"]
        : ["产出指标", "产出指标", "效益指标", "效益指标", "满意度指标", "满意度指标"],
    );
    expect(result.totals).toMatchObject({ weight: 100, score: 100, statedScore: 100 });
    expect(codesOf(result)).toEqual(["NO_ROW_WEIGHTS"]);
  });

  test("a level scored above its label", async () => {
    const built = levelWeightTable({ scores: [25, 25, 20, 15, 5, 5] });
    const result = await checkWorkbook(built.workbook);
    expect(result.findings.filter((f) => f.code === "BLOCK_SCORE_EXCEEDS_WEIGHT")).toMatchObject([{ row: built.level1Rows[1], cell: `A${built.level1Rows[1]}` }]);
  });
});

describe("other shapes seen on published pages", () => {
  test("the header 一级 / 指标 written on two rows (and 一级\\n指标 in one cell) is one header", async () => {
    for (const split of [true, false]) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("表");
      const head = split
        ? [
            ["一级", "二级", "三级", "指标值", "完成值", "分值", "得分"],
            ["指标", "指标", "指标", null, null, null, null],
          ]
        : [["一级\n指标", "二级\n指标", "三级\n指标", "指标值", "完成值", "分值", "得分"]];
      put(ws, "A1", [
        ...head,
        ["产出指标", "数量指标", "办件量", "≥3000件", "3200件", 50, 50],
        ["效益指标", "满意度指标", "群众满意度", "≥90%", "95%", 50, 50],
        ["合计", null, null, null, null, 100, 100],
      ]);
      const result = await checkWorkbook(wb);
      const top = split ? 3 : 2;
      expect(result.layout.headerRows).toEqual(split ? [1, 2] : [1]);
      expect(result.rows.map((r) => r.row)).toEqual([top, top + 1]);
      expect(result.findings).toEqual([]);
    }
  });

  test("a budget block printed 0 0 0 10 0 0 above a sub-row with the real spending: the money is the sub-row's, the printed rate and score are flagged", async () => {
    const wb = projectTable();
    const ws = wb.getWorksheet("项目支出")!;
    put(ws, "C6", [[0, 0, 0, 10, { value: 0, numFmt: "0.00%" }, 0]]);
    put(ws, "C7", [[90, 90, 89.974]]);
    const result = await checkWorkbook(wb);
    expect(result.budget).toMatchObject({ row: 6, budget: 90, spent: 89.974, weight: 10, rate: 0, score: 0 });
    expect(result.findings.filter((f) => f.code === "EXECUTION_RATE_MISMATCH").map((f) => f.cell)).toEqual(["G6", "H6"]);
  });

  test("a row with / in every cell, its name included, is a slot; a named row with / everywhere does not apply", async () => {
    const built = slotTable({ placeholders: ["/"], slashes: true, slotsPerLevel2: 1 });
    const ws = built.workbook.getWorksheet("项目支出绩效自评表")!;
    ws.getCell(built.slotRows[0], 4).value = "专项培训";
    const result = await checkWorkbook(built.workbook);
    expect(result.skippedSlots).toEqual(built.slotRows.slice(1));
    expect(result.rows.find((r) => r.row === built.slotRows[0])?.status).toBe("notApplicable");
    expect(result.findings).toEqual([]);
  });
});

describe("weights written in the indicators' own names, no weight column", () => {
  /** 一级 | 二级 | 三级 | 得分 with 相关性(5分) …; `empty` slot rows under a merged 二级 before the last block. */
  function namedWeights(points: number[], scores: (number | null)[], empty: number) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("部门整体");
    put(ws, "A1", [["一级指标", "二级指标", "三级指标", "得分"]]);
    const total = points.reduce((a, b) => a + b, 0);
    let r = 2;
    points.forEach((p, i) => put(ws, [r++, 1], [[i === 0 ? `部门决策(${total}分)` : null, i === 0 ? `目标任务(${total}分)` : null, `指标名${i + 1}(${p}分)`, scores[i]]]));
    ws.mergeCells(`A2:A${r - 1}`);
    const slotTop = r;
    put(ws, [r, 1], [["部门绩效(0分)", "履职成效", "部门特性指标", null]]);
    r += 1 + empty;
    ws.mergeCells(`B${slotTop}:B${r - 1}`);
    put(ws, [r, 2], [["满意度(0分)", "社会公众满意度(0分)", 0]]);
    return { wb, slotTop, last: r };
  }

  test.each([
    [[5, 5, 10, 80], [5, 4, 10, 80], 3],
    [[50, 50], [50, 50], 1],
    [[20, 20, 20, 20, 20], [20, 20, 20, 20, 19], 2],
  ])("points %j, scores %j, %i empty rows under a merged 二级: every named row read with its weight", async (points, scores, empty) => {
    const { wb, slotTop, last } = namedWeights(points, scores, empty);
    const result = await checkWorkbook(wb);
    expect(result.rows.map((r) => r.row)).toEqual([...points.map((_, i) => i + 2), last]);
    expect(result.rows.map((r) => (r.weight.kind === "number" ? r.weight.value : null))).toEqual([...points, 0]);
    expect(result.skippedSlots).toEqual([slotTop]);
    expect(result.totals.weight).toBe(100);
    expect(errors(result)).toEqual([]);
  });

  test("a score above the points in its name is SCORE_EXCEEDS_WEIGHT", async () => {
    const { wb } = namedWeights([50, 50], [50, 55], 1);
    const result = await checkWorkbook(wb);
    expect(result.findings.filter((f) => f.code === "SCORE_EXCEEDS_WEIGHT")).toMatchObject([{ row: 3, cell: "D3" }]);
  });
});

describe("sub-level labels on rows of their own in the 指标名称 column (类别 | 指标名称 …)", () => {
  test.each([
    ["类别, half-width brackets", {}],
    ["指标类别, full-width brackets", { categoryHeader: "指标类别", fullWidth: true }],
  ] as const)("%s: the label rows are levels, not indicators, and their points add up", async (_name, opts) => {
    const built = nameColumnLabelTable(opts);
    const result = await checkWorkbook(built.workbook);
    expect(result.rows.map((r) => r.row)).toEqual(built.indicatorRows);
    expect(result.rows.find((r) => r.indicator === "资金到位率")).toMatchObject({ level1: expect.stringContaining("项目绩效实现情况"), level2: "投入目标" });
    expect(result.totals).toMatchObject({ weight: 100, score: 100, statedWeight: 100, statedScore: 100, grade: "优" });
    expect(result.findings).toEqual([]);
    expect(result.counts).toMatchObject({ met: built.indicatorRows.length, review: 0 });
  });

  test("a sub-level whose rows do not add up to its points is flagged on the label", async () => {
    const built = nameColumnLabelTable({ subLevelPoints: [30, 28, 16, 8] });
    const result = await checkWorkbook(built.workbook);
    const mismatches = result.findings.filter((f) => f.code === "LABEL_WEIGHT_MISMATCH");
    expect(mismatches.map((f) => f.cell).sort()).toEqual(["A6", `B${built.labelRows[0]}`]);
    expect(errors(result)).toEqual([]);
  });

  test("a blank template whose indicators carry their points in the name is still read as rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("评分表");
    put(ws, "A1", [["类别", "指标名称", "目标值", "权重", "实际完成值", "自评分"]]);
    put(ws, "A2", [["项目决策(20分)", "立项规范性(10分)"], [null, "目标合理性(10分)"], ["项目绩效(80分)", "产出数量(40分)"], [null, "产出质量(40分)"]]);
    const result = await checkWorkbook(wb);
    expect(result.rows.map((r) => r.indicator)).toEqual(["立项规范性(10分)", "目标合理性(10分)", "产出数量(40分)", "产出质量(40分)"]);
  });
});

describe("a 分值 column beside every level (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分)", () => {
  test.each([["unmerged", false], ["merged down", true]] as const)("%s: the indicator's weight is the 分值 after 三级指标; the levels' points are checked", async (_name, merged) => {
    const built = levelPointsTable({ merged });
    const result = await checkWorkbook(built.workbook);
    expect(result.layout.columns).toMatchObject({ level1: 1, level1Weight: 2, level2: 3, level2Weight: 4, level3: 5, weight: 6, score: 7 });
    expect(result.rows.map((r) => r.row)).toEqual(built.indicatorRows);
    expect(result.totals).toMatchObject({ weight: 100, score: 96, statedWeight: 100, statedScore: 95 });
    expect(codesOf(result)).toEqual(["TOTAL_SCORE_MISMATCH"]);
  });

  test("a 二级 whose rows do not add up to its 分值 is flagged on that 分值 cell, and so is its 一级", async () => {
    const built = levelPointsTable({ goalPoints: 9 });
    const result = await checkWorkbook(built.workbook);
    // 项目目标's 9 is not its rows' 4 + 4, and 项目决策's 20 is not 9 + 12.
    expect(result.findings.filter((f) => f.code === "LABEL_WEIGHT_MISMATCH").map((f) => f.cell).sort()).toEqual(["B3", "D3"]);
  });
});

describe("points that belong to more than one row", () => {
  test.each([0, 1, 3])("%i 其中 breakdown rows under an indicator are part of it: not counted, not flagged", async (breakdowns) => {
    const built = sharedPointsTable({ breakdowns, weightColumn: true });
    const result = await checkWorkbook(built.workbook);
    expect(result.rows.map((r) => r.row)).toEqual(built.indicatorRows);
    expect(result.findings).toEqual([]);
    expect(result.totals).toMatchObject({ weight: 100, score: 100 });
  });

  test.each([["with a 分值 column", true], ["weights in the 一级 label", false]] as const)(
    "one 得分 merged over a 二级's rows (%s): the rows under the top one share it, and it counts once",
    async (_name, weightColumn) => {
      const built = sharedPointsTable({ mergedScores: true, weightColumn, breakdowns: 1 });
      const result = await checkWorkbook(built.workbook);
      expect(result.rows.map((r) => r.row)).toEqual(built.indicatorRows);
      expect(result.rows.filter((r) => r.shared).map((r) => r.row)).toEqual(built.coveredRows);
      expect(errors(result)).toEqual([]);
      expect(result.totals).toMatchObject({ weight: 100, score: 100, statedScore: 100 });
    },
  );

  test("a merged 得分 left empty is one SCORE_MISSING, on its top row", async () => {
    const built = sharedPointsTable({ mergedScores: true, weightColumn: true, emptySecondScore: true });
    const result = await checkWorkbook(built.workbook);
    expect(result.findings.filter((f) => f.code === "SCORE_MISSING").map((f) => f.row)).toEqual([built.indicatorRows[2]]);
  });

  test("a 其中 row that carries its own points is an indicator", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    put(ws, "A1", [["三级指标", "年度指标值", "实际完成值", "分值", "得分"], ["补贴户数", "≥100户", "105户", 50, 50], ["其中：脱贫户", "≥60户", "62户", 50, 50], ["合计", null, null, 100, 100]]);
    const result = await checkWorkbook(wb);
    expect(result.rows.map((r) => r.indicator)).toEqual(["补贴户数", "其中：脱贫户"]);
  });
});
