import { checkRealForm, cliCheckRealForm } from "./support";
import { form } from "./forms/sichuan-qingshen-2023-proj-gongzi";
import type { CheckResult } from "../../src/core/types";

async function result(): Promise<CheckResult> {
  const out = await checkRealForm(form);
  if (!out.ok) throw new Error(`refused: ${out.error.message.en}`);
  return out.result;
}

const codesAt = (r: CheckResult) => r.findings.map((f) => `${f.code}@${f.cell ?? f.row}`).sort();

describe("四川·青神县发改局 2023 工资性支出 (published unfilled)", () => {
  test("reads the indicator block under its own header, the budget block above it and the 合计 row", async () => {
    const r = await result();
    expect(r.layout.headerRows).toEqual([14]);
    expect([r.layout.firstRow, r.layout.lastRow, r.layout.totalRow]).toEqual([15, 16, 17]);
    expect(r.rows.map((x) => x.indicator)).toEqual(["发放(缴纳)覆盖率", "足额保障率(参保率)"]);
    expect(r.layout.budgetRow).toBe(9);
    expect(r.budget?.weight).toBe(10);
  });

  test("Σ权重 60 + 30 + budget 10 = 100 = the stated 合计; nothing else is stated", async () => {
    const r = await result();
    expect(r.totals.weight).toBe(100);
    expect(r.totals.statedWeight).toBe(100);
    expect(r.totals.statedScore).toBeUndefined();
    expect(r.totals.statedGrade).toBeUndefined();
    expect(r.findings.map((f) => f.code)).not.toContain("WEIGHT_TOTAL_NOT_100");
    expect(r.findings.map((f) => f.code)).not.toContain("TOTAL_WEIGHT_MISMATCH");
  });

  test("both indicators are left for a person: no 完成值, no 得分", async () => {
    const r = await result();
    expect(r.rows.map((x) => x.status)).toEqual(["review", "review"]);
    expect(r.counts).toEqual({ met: 0, partial: 0, unmet: 0, review: 2, notApplicable: 0 });
  });

  test("the findings a reviewer agrees with on the indicator rows, and nothing on the `/` budget sub-rows", async () => {
    const r = await result();
    const rows = r.findings.filter((f) => f.row !== undefined && f.row >= 15);
    expect(rows.map((f) => `${f.code}@${f.cell}`).sort()).toEqual(
      ["ACTUAL_MISSING@H15", "ACTUAL_MISSING@H16", "SCORE_MISSING@J15", "SCORE_MISSING@J16"].sort(),
    );
    expect(r.findings.filter((f) => f.row !== undefined && f.row >= 10 && f.row <= 13)).toEqual([]);
    expect(r.findings.filter((f) => f.severity === "error").every((f) => f.code === "SCORE_MISSING")).toBe(true);
  });

  // FINDINGS.md §青神: the engine takes 年度预算数(万元) (the block's label column) as 全年预算数 and
  // does not know 预算执行数, so the printed rate 100.00% = 251.89 / 251.89 is never verified.
  test("reads 调整后预算数 and 预算执行数 as the budget and the spending (251.89 / 251.89)", async () => {
    const r = await result();
    expect(r.budget?.budget).toBe(251.89);
    expect(r.budget?.spent).toBe(251.89);
    expect(r.budget?.rate).toBe(1);
  });

  // FINDINGS.md §青神: the budget row carries 权重 10 and an empty 得分 (H9); a reviewer flags it once.
  test("flags the budget row's empty 得分 once, like an indicator's", async () => {
    const r = await result();
    expect(codesAt(r)).toEqual(
      ["ACTUAL_MISSING@H15", "ACTUAL_MISSING@H16", "SCORE_MISSING@H9", "SCORE_MISSING@J15", "SCORE_MISSING@J16"].sort(),
    );
  });

  // FINDINGS.md §青神 item 3: with no score on any row, none on the budget row and no stated total, the form was
  // given 得分合计 0 and 等级 差. A reviewer says: not scored yet, no grade.
  test("is not scored: no grade is given, and --write-grade writes none (never 差)", async () => {
    const out = await checkRealForm(form, { writeGrade: true, fixTotals: true });
    if (!out.ok) throw new Error(out.error.message.en);
    const r = out.result;
    expect(r.totals).toMatchObject({ scored: false, grade: null, weight: 100 });
    // --fix-totals still writes the weight total (=SUM over the weights), not a score total of 0.
    expect(r.plan.writes.filter((w) => w.purpose === "fix").map((w) => w.formula)).toEqual(["=SUM(I15:I16,G9)"]);
    expect((r.plan.unwritten ?? []).map((u) => u.reason.zh)).toEqual([expect.stringContaining("尚未评分"), expect.stringContaining("尚未评分")]);
    // FINDINGS.md §青神 (minor): the 评价结论 row holds the template's instruction prose (B18), not a grade.
    expect(r.layout.gradeCell).not.toEqual({ row: 18, col: 2 });
    expect(r.plan.writes.some((w) => typeof w.value === "string" && w.value.includes("差"))).toBe(false);
  });

  test("through the CLI: 未评分 and 无等级 in the report, scored false and grade null in JSON, exit 1 (the empty scores)", async () => {
    const text = await cliCheckRealForm(form);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/得分合计\s+未评分\s*（各行均未填写得分）/);
    expect(text.stdout).toMatch(/等级\s+无等级/);
    expect(text.stdout).not.toMatch(/等级\s+差/);
    const json = await cliCheckRealForm(form, ["--json"]);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).totals).toEqual({ weight: 100, scored: false, score: null, statedWeight: 100, statedScore: null, grade: null, statedGrade: null });
  });
});
