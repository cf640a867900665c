import { form } from "./forms/hubei-huanggang-2020-proj-shuitu-jiance";
import { checkRealForm, cliCheckRealForm, problems } from "./support";

/**
 * What a reviewer says of this form: complete and correctly added. No per-row 分值 column, so the
 * weights are the block labels' (20 + 40 + 40 = 100); Σ得分 = 20 + 10 + 10 + 19.6 + 20 + 20 = 99.6,
 * which is the stated 总分; each block's scores stay within its weight (20 ≤ 20, 39.6 ≤ 40, 40 ≤ 40);
 * every named indicator met its target; grade 优. The three label-only lines (block 1 row 12
 * `效益指标`; block 2 rows 17–18) are unused template lines, not indicators.
 */
// Read as a reviewer reads it since the engine takes weights from labels (test/real/FINDINGS.md).
describe("湖北·黄冈 2020 水土保持监测 项目绩效自评表 (block weights in labels, two blocks)", () => {
  it("is read, not refused: one table over both blocks with the budget block and the total", async () => {
    const out = await checkRealForm(form);
    expect(out.ok ? "read" : `refused ${out.error.code}`).toBe("read");
    if (!out.ok) return;
    const r = out.result;
    expect(r.layout.totalRow).toBe(19);
    expect(r.rows.map((x) => [x.row, x.indicator])).toEqual([
      [10, "监测数据必须合格"],
      [11, "取得2018-2022监测资料"],
      [13, "整编资料审核"],
      [15, "监测数据资料整编"],
      [16, "完成年度资料上报"],
    ]);
    expect(r.rows.map((x) => x.status)).toEqual(["met", "met", "met", "met", "met"]);
    expect(r.rows.map((x) => x.score)).toEqual([10, 10, 19.6, 20, 20].map((value) => ({ kind: "number", value })));
  });

  it("takes the budget block's weight from its header 得分（20分*执行率） and its score 20", async () => {
    const out = await checkRealForm(form);
    if (!out.ok) throw new Error(`refused: ${out.error.code}`);
    expect(out.result.budget?.row).toBe(8);
    expect(out.result.budget?.weight).toBe(20);
    expect(out.result.budget?.score).toBe(20);
    expect(out.result.budget?.budget).toBe(10);
    expect(out.result.budget?.spent).toBe(10);
    expect(out.result.budget?.rate).toBeCloseTo(1, 6); // 100%, as a fraction
  });

  it("adds up as the form does: Σ得分 99.6 = 总分 99.6, Σ block weights 100, grade 优", async () => {
    const out = await checkRealForm(form);
    if (!out.ok) throw new Error(`refused: ${out.error.code}`);
    const t = out.result.totals;
    expect(t.score).toBeCloseTo(99.6, 6);
    expect(t.statedScore).toBeCloseTo(99.6, 6);
    expect(t.weight).toBeCloseTo(100, 6);
    expect(t.grade).toBe("优");
  });

  it("flags nothing a reviewer would call wrong (no per-row weight checks, nothing on the template lines)", async () => {
    const out = await checkRealForm(form);
    expect(problems(out)).toEqual([]);
    if (!out.ok) return;
    expect(out.result.findings.filter((f) => f.row !== undefined && [12, 17, 18].includes(f.row))).toEqual([]);
    // At most one note: that the form has no per-row weights (and so the per-row checks were skipped).
    expect(out.result.findings.filter((f) => f.severity === "info").length).toBeLessThanOrEqual(1);
  });

  it("through the CLI: exit 0, Σ得分 99.6, says the weights are the blocks' and that 3 template lines were left out", async () => {
    const run = await cliCheckRealForm(form);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/得分合计\s+99\.6/);
    expect(run.stdout).toMatch(/3\s*个空白模板行/);
    expect(run.stdout).toMatch(/(没有|无)[^\n]*(分值|权重)/);
  });
});
