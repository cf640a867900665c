import { checkRealForm } from "./support";
import { form } from "./forms/hebei-ningjin-2019-proj-zhuxuejin";

describe("河北·宁晋县 2019 高中助学金 绩效评价指标表 (目标值 and 分值 only: not a self-evaluation)", () => {
  test("as printed: seven indicators whose 分值 add up to the 总分 100, and no 得分 or 完成值 column", () => {
    const rows = form.sheets[0].rows;
    const weights = rows.slice(2, 9).map((r) => r[5]);
    expect(weights).toEqual([20, 10, 10, 10, 10, 20, 20]);
    expect(rows[9][5]).toBe(100);
    expect(rows[1].some((v) => typeof v === "string" && /得分|完成/.test(v))).toBe(false);
  });

  test("is refused clearly (NO_TABLE): header row 2 has the indicator and 分值 but no 得分 column", async () => {
    const out = await checkRealForm(form);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.code).toBe("NO_TABLE");
    // the message names the closest header row and what it lacks, in both languages (wording may change)
    expect(out.error.message.zh).toMatch(/第\s*2\s*行[^。]*缺少[^。]*得分/);
    expect(out.error.message.en).toMatch(/row 2\b[^.]*lacks[^.]*score/);
    expect(out.error.message.en).not.toMatch(/lacks[^.]*weight/);
  });
});
