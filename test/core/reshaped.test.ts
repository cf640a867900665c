/**
 * The rules that keep the answer when a form is reshaped the ordinary ways (test/real/shapes.test.ts runs the
 * real forms through them): which sheet is checked when several hold a table, which header a refusal names,
 * an empty column between a block label and the table, a blank row under a level left empty.
 */
import ExcelJS from "exceljs";
import { check } from "../../src/core/check";
import type { CheckOutcome, CheckResult } from "../../src/core/types";
import { put, readBack } from "../builders/layouts";

type Rows = (string | number | null)[][];

async function checkBook(wb: ExcelJS.Workbook): Promise<CheckOutcome> {
  return check(await readBack(wb));
}

async function resultOf(wb: ExcelJS.Workbook): Promise<CheckResult> {
  const out = await checkBook(wb);
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message.en}`);
  return out.result;
}

/** A short table: 指标名称 | 目标值 | 完成值 | 分值 | 得分 (+ 原因 when `reason`), two rows of 50, 总分. */
function shortTable(ws: ExcelJS.Worksheet, scores: [number, number], reason = false): void {
  const header = ["指标名称", "目标值", "完成值", "分值", "得分", ...(reason ? ["偏差原因"] : [])];
  put(ws, "A1", [header, ["培训人次", "≥500", 520, 50, scores[0]], ["群众知晓率", "≥90%", "95%", 50, scores[1]], ["总分", null, null, 100, scores[0] + scores[1]]]);
}

describe("several sheets hold a table: the first is checked, the others named", () => {
  test("a short table first and a fuller one after it (more columns): the first is checked", async () => {
    const wb = new ExcelJS.Workbook();
    shortTable(wb.addWorksheet("本项目"), [50, 48]);
    shortTable(wb.addWorksheet("上年度"), [50, 50], true);
    const r = await resultOf(wb);
    expect(r.layout.sheet).toBe("本项目");
    expect(r.totals.score).toBe(98);
    expect(r.otherTableSheets).toEqual(["上年度"]);
  });

  test("a table without a weight column (points in its block label) before a complete one: still the first", async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet("自评表"), "A1", [
      ["年度绩效目标（100分）", "一级指标", "二级指标", "三级指标", "目标值", "完成值", "得分"],
      [null, "产出指标", "数量指标", "培训人次", "≥500", 520, 60],
      [null, "效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 40],
      ["总分", null, null, null, null, null, 100],
    ]);
    shortTable(wb.addWorksheet("附表"), [50, 50], true);
    const r = await resultOf(wb);
    expect(r.layout.sheet).toBe("自评表");
    expect(r.layout.columns.weight).toBeUndefined();
    expect(r.otherTableSheets).toEqual(["附表"]);
  });

  test("a hidden sheet's table comes after a visible one's", async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet("旧表", { state: "hidden" });
    shortTable(hidden, [50, 50]);
    shortTable(wb.addWorksheet("新表"), [50, 45]);
    const r = await resultOf(wb);
    expect(r.layout.sheet).toBe("新表");
    expect(r.otherTableSheets).toEqual(["旧表"]);
  });
});

test("a refusal names the header that lacks the fewest parts, not the one with the most columns", async () => {
  const wb = new ExcelJS.Workbook();
  // Six roles but no 分值 and no 得分: a completion table.
  put(wb.addWorksheet("完成情况"), "A1", [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因"],
    ["产出指标", "数量指标", "培训人次", "≥500", 520, null],
  ]);
  // Three roles, only 得分 missing: closer to a table that can be checked.
  put(wb.addWorksheet("评分标准"), "A3", [
    ["指标名称", "目标值", "分值"],
    ["培训人次", "≥500", 100],
  ]);
  const out = await checkBook(wb);
  expect(out.ok).toBe(false);
  if (out.ok) return;
  expect(out.error.code).toBe("NO_TABLE");
  expect(out.error.message.zh).toContain("最接近的是工作表“评分标准”第 3 行，缺少 得分 列");
  expect(out.error.message.en).toContain('The closest is row 3 of sheet "评分标准", which lacks score (得分)');
});

test("a lone header word on an earlier sheet does not hide the closest header of a later one", async () => {
  const wb = new ExcelJS.Workbook();
  put(wb.addWorksheet("说明"), "A1", [["得分"], [95]]);
  put(wb.addWorksheet("完成情况"), "A1", [
    ["三级指标", "年度指标值", "实际完成值"],
    ["培训人次", "≥500", 520],
  ]);
  const out = await checkBook(wb);
  expect(!out.ok && out.error.message.zh).toContain("最接近的是工作表“完成情况”第 1 行");
});

describe("an empty column inside the table divides nothing", () => {
  /** The Hubei shape: no weight column, each block's points in its label left of the level columns. */
  function blockSheet(emptyColumn: boolean): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    const gap = emptyColumn ? [null] : [];
    const rows: Rows = [
      ["年度绩效目标1（40分）", ...gap, "一级指标", "二级指标", "三级指标", "目标值", "完成值", "得分"],
      [null, ...gap, "产出指标", "数量指标", "监测点数", "≥10", 12, 20],
      [null, ...gap, "效益指标", "社会效益指标", "数据合格率", "100%", "100%", 20],
      ["年度绩效目标2（60分）", ...gap, "一级指标", "二级指标", "三级指标", "目标值", "完成值", "得分"],
      [null, ...gap, "产出指标", "质量指标", "资料整编", "100%", "100%", 30],
      [null, ...gap, "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 28],
      ["总分", ...gap, null, null, null, null, null, 98],
    ];
    put(ws, "A1", rows);
    ws.mergeCells("A1:A3");
    ws.mergeCells("A4:A6");
    return wb;
  }

  test("between the block labels and the 一级 column: the blocks' points are read as without it", async () => {
    const plain = await resultOf(blockSheet(false));
    const spaced = await resultOf(blockSheet(true));
    expect(plain.totals).toMatchObject({ weight: 100, score: 98, statedScore: 98 });
    expect(spaced.layout.firstColumn).toBe(1);
    expect(spaced.totals).toEqual(plain.totals);
    expect(spaced.findings.map((f) => [f.code, f.cell, f.message.zh])).toEqual(plain.findings.map((f) => [f.code, f.cell, f.message.zh]));
    expect(spaced.findings.map((f) => f.code)).toEqual(["NO_ROW_WEIGHTS"]);
  });

  test("a column blank on the header row but filled below is not stepped over: a label beyond it stays outside", async () => {
    const wb = blockSheet(true);
    wb.getWorksheet("自评表")!.getCell("B2").value = "备注";
    const r = await resultOf(wb);
    expect(r.layout.firstColumn).toBe(3);
    expect(r.totals.weight).not.toBe(100);
  });
});

describe("a blank row under a level left without indicators", () => {
  function table(blankAfterSlot: boolean): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const rows: Rows = [
      ["一级指标", "二级指标", "三级指标", "目标值", "完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人次", "≥500", 520, 50, 50],
      ["效益指标", "生态效益指标", null, null, null, null, null],
      ...(blankAfterSlot ? [[null, null, null, null, null, null, null]] : []),
      [null, "社会效益指标", "群众知晓率", "≥90%", "95%", 50, 48],
      ["总分", null, null, null, null, 100, 98],
    ];
    put(wb.addWorksheet("自评表"), "A1", rows);
    return wb;
  }

  test("the empty 二级 level is still a template line left out, not a level over the rows below the blank one", async () => {
    const plain = await resultOf(table(false));
    const spaced = await resultOf(table(true));
    expect(plain.skippedSlots).toEqual([3]);
    expect(spaced.skippedSlots).toEqual([3]);
    expect(spaced.rows.map((r) => [r.row, r.level2, r.status])).toEqual([
      [2, "数量指标", "met"],
      [5, "社会效益指标", "met"],
    ]);
    expect(spaced.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["MET_BUT_DEDUCTED@G5"]);
    expect(plain.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["MET_BUT_DEDUCTED@G4"]);
  });
});
