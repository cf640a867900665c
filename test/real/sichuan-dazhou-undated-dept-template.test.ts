import { checkRealForm } from "./support";
import { form } from "./forms/sichuan-dazhou-undated-dept-template";
import type { CheckResult } from "../../src/core/types";

const labelWeight = (text: unknown): number | undefined => {
  const m = typeof text === "string" ? /\((\d+)分\)$/.exec(text) : null;
  return m ? Number(m[1]) : undefined;
};

async function result(): Promise<CheckResult> {
  const out = await checkRealForm(form);
  if (!out.ok) throw new Error(`refused: ${out.error.code} ${out.error.message.en}`);
  return out.result;
}

describe("四川·达州 部门整体支出绩效评价 scoring table (blank template, weights only in labels)", () => {
  const rows = form.sheets[0].rows;

  test("as printed, the label weights agree level by level: 25 + 30 + 45 = 100, and 80 on the 27 named level-3 indicators", () => {
    const level1 = rows.map((r) => labelWeight(r[0])).filter((w): w is number => w !== undefined);
    const level2 = rows.map((r) => labelWeight(r[1])).filter((w): w is number => w !== undefined);
    const level3 = rows.map((r) => labelWeight(r[2])).filter((w): w is number => w !== undefined);
    expect(level1).toEqual([25, 30, 45]);
    expect(level2.reduce((a, b) => a + b, 0)).toBe(100);
    expect(level3).toHaveLength(27);
    // 履职成效(20分) has no weighted indicator: its 部门特性指标 slot was left for the department.
    expect(level3.reduce((a, b) => a + b, 0)).toBe(80);
    expect(rows.slice(1).every((r) => r[3] === null)).toBe(true);
  });

  // FINDINGS.md §达州: refused today with NO_TABLE (exit 2) because no 分值/权重 column exists.
  test("is read, not refused: 27 indicators weighted from their own labels, Σ 80, nothing scored", async () => {
    const r = await result();
    const named = r.rows.filter((x) => x.indicator !== "");
    expect(named).toHaveLength(27);
    expect(named[0]).toMatchObject({ level1: "部门决策(25分)", level2: "目标任务(15分)", indicator: "相关性(5分)" });
    expect(named.map((x) => (x.weight.kind === "number" ? x.weight.value : NaN)).reduce((a, b) => a + b, 0)).toBe(80);
    expect(named.every((x) => x.score.kind === "empty")).toBe(true);
    expect(r.totals.statedScore).toBeUndefined();
  });

  // FINDINGS.md §达州: 部门特性指标 and the three empty rows under it are the template's slots.
  test("leaves the 部门特性指标 slot rows (23–26) out, with no finding on them", async () => {
    const r = await result();
    expect(r.rows.map((x) => x.row).filter((n) => n >= 23 && n <= 26)).toEqual([]);
    expect(r.findings.filter((f) => f.row !== undefined && f.row >= 23 && f.row <= 26)).toEqual([]);
  });

  // FINDINGS.md §青神 item 3, the same on this blank template: not scored, so no Σ score and no grade (差 was given before).
  test("is not scored: no grade, no score total; the 27 empty scores say why", async () => {
    const r = await result();
    expect(r.totals).toMatchObject({ scored: false, grade: null });
    expect(r.findings.filter((f) => f.code === "SCORE_MISSING")).toHaveLength(27);
    expect(r.findings.map((f) => f.code)).not.toContain("GRADE_MISMATCH");
  });
});
