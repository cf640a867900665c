import { form } from "./forms/hebei-ningjin-2019-proj-gaozhong-zhuxuejin";
import { checkRealForm, cliCheckRealForm } from "./support";

/**
 * What a reviewer says: this is the table a project will be judged by (targets and 分值), not a
 * self-evaluation — no 完成值, no 得分, nothing scored. There is nothing to check a score against, so
 * the right answer is a clear refusal that points at the header (row 2) and names what it lacks
 * (得分), in Chinese and English, with exit 2 — not a guess at a table, not a stack trace.
 * (The rule "never refuse a sheet with indicator header words and scored rows" does not
 * apply: no row here is scored.)
 */
describe("河北·宁晋 2019 高中助学金 绩效评价指标表 (targets and weights only: not a self-evaluation)", () => {
  it("is refused as having no scored table, pointing at row 2 and the missing 得分 column", async () => {
    const out = await checkRealForm(form);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.code).toBe("NO_TABLE");
    expect(out.error.message.zh).toMatch(/第 ?2 ?行/);
    expect(out.error.message.zh).toMatch(/缺少[^。]*得分/);
    expect(out.error.message.en).toMatch(/row 2\b/);
    expect(out.error.message.en).toMatch(/lacks[^.]*score/);
  });

  it("through the CLI: exit 2, the bilingual message on stderr, nothing on stdout", async () => {
    const run = await cliCheckRealForm(form);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/未找到指标表/);
    expect(run.stderr).toMatch(/No indicator table found/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
