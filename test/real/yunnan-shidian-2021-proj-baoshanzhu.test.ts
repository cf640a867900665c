import { form } from "./forms/yunnan-shidian-2021-proj-baoshanzhu";
import { checkRealForm, cliCheckRealForm } from "./support";
import type { CheckResult } from "../../src/core/types";

async function result(): Promise<CheckResult> {
  const out = await checkRealForm(form);
  if (!out.ok) throw new Error(`refused: ${out.error.code} ${out.error.message.en}`);
  return out.result;
}

const INDICATOR_ROWS = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];

/**
 * What a reviewer says of this form: an indicator table published before anything was evaluated. The
 * weights are the labels' (预算执行情况 20 + 年度绩效目标 80 = 100); the eleven indicators carry targets
 * only; no 实际完成值, no 得分 (the budget block's included: 1500 budgeted, 0.00 spent, 执行率 0.0000,
 * and no score column), no 总分. Every row is left for a person, each one's score and result missing.
 */
describe("云南·施甸县 2021 保山猪保种场 (保山 template, no weight column, published unfilled)", () => {
  test("as printed: block labels 20 + 80 = 100, eleven targets, not one result or score, empty 总分", () => {
    const rows = form.sheets[0].rows;
    expect([rows[6][0], rows[8][0]]).toEqual(["预算执行情况(万元)\n(20分)", "年度绩效目标\n(80分)"]);
    const indicators = rows.slice(9, 20);
    expect(indicators.every((r) => r[4] !== null && r[5] === null && r[6] === null)).toBe(true);
    expect(rows[20].slice(1)).toEqual([null, null, null, null, null, null]);
  });

  test("is read, not refused: the weights are in the block labels, though no row is scored", async () => {
    const r = await result();
    expect(r.layout.headerRows).toEqual([9]);
    expect(r.layout.columns.weight).toBeUndefined();
    expect(r.layout.totalRow).toBe(21);
    expect(r.rows.map((x) => x.row)).toEqual(INDICATOR_ROWS);
    expect(r.rows[0]).toMatchObject({ indicator: "标准化圈舍面积(平方米)", level1: "产出指标", level2: "数量指标" });
    expect(r.rows.find((x) => x.row === 18)).toMatchObject({ indicator: "年新增畜牧产值 (万元)", level1: "效益指标" });
  });

  test("the budget row: 1500 budgeted, 0 spent, its 20 points from the label, no score", async () => {
    const r = await result();
    expect(r.budget).toMatchObject({ row: 8, budget: 1500, spent: 0, weight: 20 });
    expect(r.budget?.score).toBeUndefined();
  });

  test("Σ weights 20 + 80 = 100 from the labels; nothing stated; every row left for a person", async () => {
    const r = await result();
    expect(r.totals.weight).toBe(100);
    expect(r.totals.statedScore).toBeUndefined();
    expect(r.totals.statedGrade).toBeUndefined();
    expect(r.counts).toEqual({ met: 0, partial: 0, unmet: 0, review: 11, notApplicable: 0 });
  });

  test("the findings a reviewer agrees with: each score missing (the budget's too), each result missing, one note on the weights", async () => {
    const r = await result();
    const notInfo = r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`);
    const expected = [
      "SCORE_MISSING@G8",
      ...INDICATOR_ROWS.map((row) => `SCORE_MISSING@G${row}`),
      ...INDICATOR_ROWS.map((row) => `ACTUAL_MISSING@F${row}`),
    ];
    expect(notInfo.sort()).toEqual(expected.sort());
    expect(r.findings.filter((f) => f.severity === "info").map((f) => f.code)).toEqual(["NO_ROW_WEIGHTS"]);
    expect(r.findings.map((f) => f.code)).not.toContain("WEIGHT_TOTAL_NOT_100");
  });

  test("through the CLI: read (exit 1 for the missing scores, never 2), weights 100, eleven rows for a person", async () => {
    const run = await cliCheckRealForm(form);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/权重合计\s+100/);
    expect(run.stdout).toMatch(/需人工判断 11/);
  });

  // FINDINGS.md §施甸 (and §青神, point 3): a form with no score anywhere is graded 差 from a Σ得分 of 0.
  // A reviewer gives no grade to a form nobody has scored yet.
  test.failing("gives no grade to a form with no score anywhere", async () => {
    const run = await cliCheckRealForm(form);
    expect(run.stdout).not.toMatch(/等级\s+差/);
  });
});
