/**
 * A target printed at the end of the indicator's name (天长 2022, issue 14 leftovers item 2): read as the
 * row's target when the target cell is empty, so TARGET_MISSING does not fire and the row is judged on it.
 */
import { targetInName } from "../../src/core/targetInName";
import { checkTable, codes } from "../helpers/check";
import { validRows, type RowSpec } from "../builders/table";

describe("targetInName", () => {
  test.each([
    ["指标1:年度资金支付完成率100%", { comparator: ">=", value: 100, percent: true }],
    ["指标2：群众满意度≥90%", { comparator: ">=", value: 90, percent: true }],
    ["培训农民200人次", { comparator: ">=", value: 200, unit: "人次" }],
    ["新建道路3.5公里", { value: 3.5, unit: "公里" }],
    ["服务对象满意度90%以上", { value: 90, percent: true }],
    ["投诉率≤1%", { comparator: "<=", value: 1, percent: true }],
    ["受理时限3个工作日内", { value: 3, unit: "个工作日" }],
  ])("%s → its target", (name, want) => {
    expect(targetInName(name, /投诉率|时限/.test(name))).toMatchObject({ kind: "number", ...want });
  });

  test.each(["指标1", "年度资金支付完成率", "工程质量合格", "第3批", "2022年", "相关性(5分)", "100%", "完成2022年度任务", "项目2"])(
    "%s holds no target",
    (name) => {
      expect(targetInName(name, false)).toBeUndefined();
    },
  );
});

/** Ten rows of weight 10; row `i` (0-based) takes the patch. Sheet rows start at 5. */
function ten(i: number, patch: Partial<RowSpec>): RowSpec[] {
  return validRows(10).map((r, k) => (k === i ? { ...r, ...patch } : r));
}

describe("in a table", () => {
  test("an empty target cell under a name that ends with the target: no TARGET_MISSING, the row judged met", async () => {
    const r = await checkTable({ rows: ten(2, { indicator: "年度资金支付完成率100%", target: null, actual: "100%" }) });
    expect(codes(r)).not.toContain("TARGET_MISSING");
    expect(r.rows[2]).toMatchObject({ targetInName: true, status: "met" });
  });

  test("judged on it: 80% against 100% in the name, given full marks, is UNMET_FULL_SCORE (partly met)", async () => {
    const r = await checkTable({ rows: ten(2, { indicator: "指标1：年度资金支付完成率100%", target: null, actual: "80%" }) });
    expect(r.rows[2].status).toBe("partial");
    expect(codes(r)).toContain("UNMET_FULL_SCORE");
  });

  test("a target cell that is filled wins over the name", async () => {
    const r = await checkTable({ rows: ten(2, { indicator: "完成率100%", target: "≥95%", actual: "96%" }) });
    expect(r.rows[2].targetInName).toBeUndefined();
    expect(r.rows[2].target.value).toBe(95);
  });

  test("a name with no quantity at its end and an empty target cell is still TARGET_MISSING", async () => {
    const r = await checkTable({ rows: ten(2, { indicator: "工程质量合格", target: null }) });
    expect(codes(r)).toContain("TARGET_MISSING");
    expect(r.rows[2].targetInName).toBeUndefined();
  });
});
