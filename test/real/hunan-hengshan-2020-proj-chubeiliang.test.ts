import { checkRealForm } from "./support";
import { form } from "./forms/hunan-hengshan-2020-proj-chubeiliang";

describe("湖南·衡山县 2020 县级储备粮 绩效目标自评表 (no 分值, no 得分: nothing to add up)", () => {
  test("as printed: 16 indicators with 年度指标值 and 全年完成值, no weight, no score, no total row", () => {
    const rows = form.sheets[0].rows;
    expect(rows[9]).toEqual(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"]);
    const indicators = rows.slice(10, 26).filter((r) => typeof r[3] === "string");
    expect(indicators).toHaveLength(16);
    expect(rows.flat().some((v) => typeof v === "string" && /分值|得分|权重|总分|合计/.test(v))).toBe(false);
  });

  test("is refused clearly (NO_TABLE), naming header row 10 and the missing 权重/分值 and 得分 columns, in both languages", async () => {
    const out = await checkRealForm(form);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.code).toBe("NO_TABLE");
    // the message names the closest header row and both missing columns, in both languages (wording may change)
    expect(out.error.message.zh).toMatch(/第\s*10\s*行[^。]*缺少[^。]*(权重|分值)[^。]*得分/);
    expect(out.error.message.en).toMatch(/row 10\b[^.]*lacks[^.]*weight[^.]*score/);
  });
});
