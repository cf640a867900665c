import { form } from "./forms/hubei-hbust-2021-proj-jiangzhuxuejin";
import { checkRealForm, cliCheckRealForm } from "./support";

/**
 * What a reviewer says: a list of targets and results, printed inside a report; it carries neither
 * 分值 nor 得分, so there is no score to check. The right answer is the clear refusal naming both
 * missing columns (header row 1), exit 2. Reading forms whose weights live in labels must not turn
 * this into a table: it has no score column at all.
 */
describe("湖北科技学院 2021 本专科生奖助学金 自评结果 (targets and results only)", () => {
  it("is refused, naming row 1 and the missing 权重/分值 and 得分 columns", async () => {
    const out = await checkRealForm(form);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.code).toBe("NO_TABLE");
    expect(out.error.message.zh).toMatch(/第 ?1 ?行/);
    expect(out.error.message.zh).toMatch(/缺少[^。]*得分/);
    expect(out.error.message.en).toMatch(/lacks[^.]*score/);
  });

  it("through the CLI: exit 2, bilingual message, no stack trace", async () => {
    const run = await cliCheckRealForm(form);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/未找到指标表[\s\S]*No indicator table found/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
