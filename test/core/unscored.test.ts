/**
 * "Not scored" is a state of the totals (issue 14 leftovers): a form no row of which carries a score
 * (a blank template, a form sent before scoring) has no score total and no grade; one scored row
 * makes it scored, and the rows left empty are SCORE_MISSING.
 */
import { checkTable, codes } from "../helpers/check";
import { validRows, type RowSpec } from "../builders/table";
import { totalsSummary } from "../../src/core/plan";

/** Ten rows of weight 10 with targets, results left empty, and no score anywhere. */
function blankRows(): RowSpec[] {
  return validRows(10).map((r) => ({ ...r, actual: null, score: null }));
}

const settings = { fixTotals: true, writeGrade: true } as const;

describe("a form no row of which carries a score", () => {
  test("is not scored: no grade, Σ score 0 kept for the rules, one SCORE_MISSING per row, no GRADE_MISMATCH", async () => {
    const r = await checkTable({ rows: blankRows(), total: { weight: 100, score: null }, grade: null });
    expect(r.totals).toMatchObject({ weight: 100, score: 0, scored: false, grade: null });
    expect(codes(r).filter((c) => c === "SCORE_MISSING")).toHaveLength(10);
    expect(codes(r)).not.toContain("GRADE_MISMATCH");
    expect(codes(r)).not.toContain("TOTAL_SCORE_MISMATCH");
  });

  test("a grade the template's formula shows (差 over an empty total) is not contradicted: there is no grade to compare", async () => {
    const r = await checkTable({ rows: blankRows(), total: "sum", grade: "差" });
    expect(r.totals.statedScore).toBe(0);
    expect(r.totals.statedGrade).toBe("差");
    expect(r.totals.grade).toBeNull();
    expect(codes(r)).not.toContain("GRADE_MISMATCH");
    expect(codes(r)).not.toContain("TOTAL_SCORE_MISMATCH");
  });

  test("the write plan writes no grade (never 差) and no score total, and says why; the weight total is still fixed", async () => {
    // The grade cell holds the 差 a template's formula shows over an empty total, typed as text.
    const r = await checkTable({ rows: blankRows(), total: { weight: 90, score: null }, grade: "差" }, settings);
    const totalRow = r.layout.totalRow!;
    const fixes = r.plan.writes.filter((w) => w.purpose === "fix");
    expect(fixes.map((w) => [w.row, w.col])).toEqual([[totalRow, r.layout.columns.weight]]);
    expect(r.plan.writes.some((w) => typeof w.value === "string" && /差|等级\s*[优良中]/.test(w.value))).toBe(false);
    const unwritten = (r.plan.unwritten ?? []).map((u) => [u.row, u.col, u.reason.en]);
    expect(unwritten).toEqual([
      [totalRow, r.layout.columns.score, expect.stringMatching(/not scored/)],
      [r.layout.gradeCell!.row, r.layout.gradeCell!.col, expect.stringMatching(/not scored/)],
    ]);
  });

  test("the 核查结果 cell of the total row says 未评分 and gives no grade", async () => {
    const r = await checkTable({ rows: blankRows(), total: { weight: 100, score: null }, grade: null });
    const cell = r.plan.writes.find((w) => w.row === r.layout.totalRow && w.col === r.plan.resultColumn);
    expect(cell?.value).toMatch(/^权重合计 100，未评分（各行均未填写得分），无等级/);
    expect(String(cell?.value)).not.toMatch(/等级 [优良中差]/);
    expect(totalsSummary(r.totals).en).toBe("Σweight 100, not scored (no row carries a score), no grade");
  });
});

describe("where the line is", () => {
  test("one scored row makes the form scored: graded on Σ score, the nine empty ones are SCORE_MISSING", async () => {
    const rows = blankRows().map((x, i) => (i === 0 ? { ...x, actual: "98%", score: 10 } : x));
    const r = await checkTable({ rows, total: { weight: 100, score: null }, grade: null }, settings);
    expect(r.totals).toMatchObject({ scored: true, score: 10, grade: "差" });
    expect(codes(r).filter((c) => c === "SCORE_MISSING")).toHaveLength(9);
    expect(r.plan.writes.some((w) => w.purpose === "fix" && w.col === r.layout.columns.score)).toBe(true);
  });

  test("a score cell filled with something unreadable was filled in: scored (graded on the numbers), NOT_A_NUMBER says what", async () => {
    const rows = blankRows().map((x, i) => (i === 0 ? { ...x, actual: "98%", score: "十分" } : x));
    const r = await checkTable({ rows, total: { weight: 100, score: null }, grade: null });
    expect(r.totals).toMatchObject({ scored: true, score: 0, grade: "差" });
    expect(codes(r)).toContain("NOT_A_NUMBER");
  });

  test("a score of 0 is a score", async () => {
    const rows = blankRows().map((x, i) => (i === 0 ? { ...x, actual: "0%", score: 0 } : x));
    const r = await checkTable({ rows, total: { weight: 100, score: null }, grade: null });
    expect(r.totals).toMatchObject({ scored: true, score: 0, grade: "差" });
  });

  // As for any total above Σ score with rows left empty, the empty rows (SCORE_MISSING) are what is wrong, not the total.
  test("a stated total alone does not make a form scored: no grade; the empty rows are the errors", async () => {
    const r = await checkTable({ rows: blankRows(), total: { weight: 100, score: 95 }, grade: "优秀" });
    expect(r.totals).toMatchObject({ scored: false, grade: null, statedScore: 95, statedGrade: "优" });
    expect(codes(r).filter((c) => c === "SCORE_MISSING")).toHaveLength(10);
    expect(codes(r)).not.toContain("TOTAL_SCORE_MISMATCH");
    expect(codes(r)).not.toContain("GRADE_MISMATCH");
  });

  test("a fully scored form is unchanged: scored, graded", async () => {
    const r = await checkTable({ rows: validRows(10) });
    expect(r.totals).toMatchObject({ scored: true, score: 100, grade: "优" });
    const cell = r.plan.writes.find((w) => w.row === r.layout.totalRow && w.col === r.plan.resultColumn);
    expect(cell?.value).toMatch(/^权重合计 100，得分合计 100，等级 优/);
  });
});

describe("a freshly inserted official template", () => {
  test.each(["department", "project"] as const)("(%s) is not scored: no grade, and its own grade formula shows none", async (kind) => {
    const { templateBuffer } = await import("../../src/xlsx/template");
    const { readXlsxBuffer } = await import("../../src/xlsx/read");
    const { check } = await import("../../src/core/check");
    const { sheets } = await readXlsxBuffer((await templateBuffer(kind)).slice().buffer as ArrayBuffer);
    const out = check(sheets, { writeGrade: true });
    if (!out.ok) throw new Error(out.error.message.en);
    const r = out.result;
    expect(r.totals).toMatchObject({ scored: false, grade: null, weight: 100 });
    expect(codes(r)).not.toContain("GRADE_MISMATCH");
    const at = r.layout.gradeCell!;
    const sheet = sheets.find((s) => s.name === r.layout.sheet)!;
    const formula = sheet.formulas[at.row - 1 - sheet.top]?.[at.col - 1 - sheet.left];
    expect(formula).toMatch(/^=IF\(COUNT\(/);
    expect(r.plan.writes.some((w) => w.row === at.row && w.col === at.col)).toBe(false);
  });
});
