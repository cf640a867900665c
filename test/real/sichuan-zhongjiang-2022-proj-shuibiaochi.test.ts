import { checkRealForm } from "./support";
import { form } from "./forms/sichuan-zhongjiang-2022-proj-shuibiaochi";
import type { CheckResult } from "../../src/core/types";

async function result(): Promise<CheckResult> {
  const out = await checkRealForm(form);
  if (!out.ok) throw new Error(`refused: ${out.error.code} ${out.error.message.en}`);
  return out.result;
}

const codesAt = (r: CheckResult) => r.findings.map((f) => `${f.code}@${f.cell ?? f.row}`).sort();
const named = (r: CheckResult) => r.rows.filter((x) => x.indicator !== "" && x.indicator !== "……");

describe("四川·中江县水利局 2022 衔接资金 水标尺 (block weights add up to 110, 总分 states 100)", () => {
  test("as printed: the 一级 labels agree with their rows (70, 20, 10) and, with the budget's 10, weigh 110", () => {
    const rows = form.sheets[0].rows;
    const weights = rows.slice(11, 22).map((r) => (typeof r[4] === "number" ? r[4] : 0));
    expect(weights.reduce((a, b) => a + b, 0)).toBe(100);
    expect(rows[5][5]).toBe(10);
    expect(rows[22][4]).toBe(100);
    expect(rows[22][7]).toBe(100);
  });

  test("reads the indicator block under row 11 with the 分值 column before the target, and the budget row", async () => {
    const r = await result();
    expect(r.layout.headerRows).toEqual([11]);
    expect(r.layout.totalRow).toBe(23);
    expect(r.layout.budgetRow).toBe(6);
    expect(r.budget).toMatchObject({ budget: 20, spent: 20, weight: 10, score: 10 });
    expect(named(r).map((x) => x.indicator)).toEqual([
      "安装坡面水标尺",
      "水标尺宽度",
      "项目(工程)验收合格率",
      "及时(按期)开工率",
      "及时(按期)完工率",
      "项目计划总投资",
      "受益脱贫(含监测对象)户人口数",
      "群众生产生活条件改善状况",
      "受益脱贫(含监测对象)户满意度",
    ]);
    expect(named(r).every((x) => x.status === "met")).toBe(true);
  });

  test("Σ分值 110 and Σ得分 110 against the stated 100 | 100: the three total findings a reviewer makes", async () => {
    const r = await result();
    expect(r.totals).toMatchObject({ weight: 110, score: 110, statedWeight: 100, statedScore: 100 });
    const codes = r.findings.map((f) => f.code);
    expect(codes).toContain("WEIGHT_TOTAL_NOT_100");
    expect(codes).toContain("TOTAL_WEIGHT_MISMATCH");
    expect(codes).toContain("TOTAL_SCORE_MISMATCH");
  });

  test("nothing on the nine full-scored indicators, the budget row or the empty 经济效益指标 row", async () => {
    const r = await result();
    expect(r.findings.filter((f) => f.row !== undefined && f.row >= 6 && f.row <= 21)).toEqual([]);
  });

  // FINDINGS.md §中江: the `……` row (22) is the template's slot; today it draws 4 findings.
  test("leaves the `……` slot row out: exactly the three total findings, nothing else", async () => {
    const r = await result();
    expect(r.rows.map((x) => x.row)).not.toContain(22);
    expect(codesAt(r)).toEqual(["TOTAL_SCORE_MISMATCH@H23", "TOTAL_WEIGHT_MISMATCH@E23", "WEIGHT_TOTAL_NOT_100@E23"]);
  });
});
