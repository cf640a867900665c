import { checkRealForm, cliCheckRealForm } from "./support";
import { form } from "./forms/anhui-tianchang-2022-proj-shuihan-fangyu";
import type { CheckResult } from "../../src/core/types";

async function result(): Promise<CheckResult> {
  const out = await checkRealForm(form);
  if (!out.ok) throw new Error(`refused: ${out.error.code} ${out.error.message.en}`);
  return out.result;
}

/** The 17 rows `指标2:` / `……` the template leaves under each 二级指标, with nothing else on them. */
const SLOTS = [15, 17, 18, 20, 21, 23, 24, 26, 27, 29, 30, 32, 33, 35, 36, 38, 39];
/** Named rows whose 年度指标值 and 实际完成值 are printed empty (the target is written in the name). */
const NO_TARGET = [16, 19, 22, 25, 28, 34];

/**
 * What a reviewer says of this form: complete and correctly added (Σ分值 100 with the budget's 10, Σ得分 100,
 * 总分 100 | 100, 优); the 17 empty template rows are unused slots, not indicators; the 生态效益 row `指标1:/`
 * with `/` target and result is not applicable. The one remark a reviewer may make: six named rows leave
 * 年度指标值 and 实际完成值 empty (a warning at most, never an error).
 */
describe("安徽·天长市水利局 2022 水旱灾害防御经费 (national template, 17 empty slots kept, 100 | 100)", () => {
  test("as printed: Σ分值 90 + budget 10 = 100, Σ得分 the same, 总分 100 | 100", () => {
    const rows = form.sheets[0].rows;
    const num = (v: unknown) => (typeof v === "number" ? v : 0);
    const ind = rows.slice(12, 39);
    expect(ind.reduce((a, r) => a + num(r[6]), 0) + num(rows[5][6])).toBe(100);
    expect(ind.reduce((a, r) => a + num(r[7]), 0) + num(rows[5][8])).toBe(100);
    expect(rows[39].slice(6, 8)).toEqual([100, 100]);
    for (const r of SLOTS) expect(rows[r - 1].slice(4, 8)).toEqual([null, null, null, null]);
  });

  test("reads the table, the budget row (880 / 880, 分值 10, 得分 10) and the totals: 100 = 100, 100 = 100, 优", async () => {
    const r = await result();
    expect(r.layout.headerRows).toEqual([12]);
    expect(r.layout.totalRow).toBe(40);
    expect(r.layout.budgetRow).toBe(6);
    expect(r.budget).toMatchObject({ budget: 880, spent: 880, weight: 10, score: 10 });
    expect(r.totals).toMatchObject({ weight: 100, statedWeight: 100, score: 100, statedScore: 100, grade: "优" });
  });

  // FINDINGS.md §天长: today every slot row is an indicator (status review, WEIGHT_MISSING + SCORE_MISSING each:
  // the 34 errors of issue 14).
  test("leaves the 17 slot rows out: they are not indicators, not counted, and said once", async () => {
    const r = await result();
    const read = r.rows.map((x) => x.row);
    for (const s of SLOTS) expect(read).not.toContain(s);
    expect(read.filter((x) => x !== 31)).toEqual([13, 14, 16, 19, 22, 25, 28, 34, 37]);
    const skipped = (r as CheckResult & { skippedSlots?: number[] }).skippedSlots ?? [];
    expect(skipped.filter((x) => x !== 31)).toEqual(SLOTS);
    expect(r.counts.met).toBe(3);
    expect(r.counts.review).toBe(NO_TARGET.length);
  });

  test("no error, and nothing on a slot row or on the `指标1:/` row; at most the empty target/result of six named rows", async () => {
    const r = await result();
    expect(r.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`)).toEqual([]);
    const onRows = r.findings.filter((f) => f.row !== undefined && [...SLOTS, 31].includes(f.row));
    expect(onRows.map((f) => `${f.code}@${f.cell}`)).toEqual([]);
    for (const f of r.findings.filter((x) => x.severity !== "info")) {
      expect(["TARGET_MISSING", "ACTUAL_MISSING"]).toContain(f.code);
      expect(NO_TARGET).toContain(f.row);
    }
  });

  // Issue 14 leftovers, item 2: row 19 prints its target in the name (`年度资金支付完成率100%`): that is its target.
  // The six rows carry their full 10 points on a form that states results on its other rows: no ACTUAL_MISSING.
  // The five whose name states no quantity (`工程质量合格`, `全市安全度汛` …) have no target a reviewer could check.
  test("the target in the name is read (row 19: 100%); the only remarks are the five rows with no target anywhere", async () => {
    const r = await result();
    const row19 = r.rows.find((x) => x.row === 19)!;
    expect(row19).toMatchObject({ targetInName: true, target: { kind: "number", value: 100, percent: true } });
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`)).toEqual(
      [16, 22, 25, 28, 34].map((n) => `TARGET_MISSING@E${n}`),
    );
  });

  test("through the CLI: exit 0, 得分合计 100, says 17 template rows were left out", async () => {
    const run = await cliCheckRealForm(form);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/得分合计\s+100/);
    expect(run.stdout).toMatch(/1[78]\s*个空白模板行/);
  });
});
