import { TOTAL_FORMULA_RANGE } from "../../src/core/rules/TOTAL_FORMULA_RANGE";
import { context, row, tenRows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";
import { check } from "../../src/core/check";
import type { CheckResult } from "../../src/core/types";
import { projectTable, readBack } from "../builders/layouts";

/** The 项目支出 table of test/builders/layouts.ts (budget block row 6 with 分值 in F6; indicator rows 13–16, weight G; 总分 row 17) with a weight total. */
async function checkProject(weightTotal: { formula: string; result: number }): Promise<CheckResult> {
  const wb = projectTable();
  wb.getWorksheet("项目支出")!.getCell("G17").value = { formula: weightTotal.formula.replace(/^=/, ""), result: weightTotal.result };
  const out = check(await readBack(wb));
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

/** Rows 5–14, total row 15; weight in F, score in G. */
const sums = (weightFormula?: string, scoreFormula?: string) => context({ totals: { weightFormula, scoreFormula } });

/**
 * A budget block above the table, row 3: C 全年预算数 100, D 全年执行数 90, E 分值 10, F 执行率 90 %, G 得分 9
 * (the 分值 is not in the table's weight column F).
 */
const blockAbove = (totals: { weightFormula?: string; scoreFormula?: string }) =>
  context({
    rows: tenRows().slice(0, 9).concat(row(14)),
    budget: { row: 3, budget: 100, spent: 90, weight: 10, rate: 0.9, score: 9, weightCol: 5, rateCol: 6, scoreCol: 7 },
    layout: { budgetRow: 3 },
    cells: { C3: 100, D3: 90, E3: 10, F3: 0.9, G3: 9 },
    totals,
  });

ruleTester(TOTAL_FORMULA_RANGE, {
  valid: [
    { name: "SUM over exactly the rows", ctx: sums("=SUM(F5:F14)", "=SUM(G5:G14)") },
    { name: "absolute references", ctx: sums("=SUM($F$5:$F$14)") },
    { name: "lower case and spaces", ctx: sums("=sum( f5:f14 )") },
    { name: "split ranges", ctx: sums("=SUM(F5:F9,F10:F14)") },
    { name: "a list of cells", ctx: sums("=F5+F6+F7+F8+F9+F10+F11+F12+F13+F14") },
    { name: "own sheet named", ctx: sums("=SUM(指标表!F5:F14)") },
    { name: "no formulas (typed totals)", ctx: sums() },
    { name: "a formula that is not a plain sum is not compared", ctx: sums("=ROUND(SUM(F5:F13),0)") },
    {
      name: "a blank row inside the range",
      ctx: context({ rows: tenRows().filter((r) => r.row !== 9), totals: { weightFormula: "=SUM(F5:F14)" } }),
    },
    {
      name: "a row that does not apply may be left out",
      ctx: context({
        rows: tenRows().map((r) => (r.row === 9 ? row(9, { status: "notApplicable" }) : r)),
        totals: { weightFormula: "=SUM(F5:F8,F10:F14)" },
      }),
    },
    { name: "a budget block: its own 分值 and 得分 cells added", ctx: blockAbove({ weightFormula: "=SUM(F5:F14,E3)", scoreFormula: "=SUM(G5:G14)+G3" }) },
    {
      name: "the budget row above the table added",
      ctx: context({ budget: { row: 3, weight: 10, score: 10 }, layout: { budgetRow: 3 }, totals: { scoreFormula: "=SUM(G5:G14,G3)" } }),
    },
  ],
  invalid: [
    {
      name: "the last row left out",
      ctx: sums("=SUM(F5:F13)"),
      reports: [
        {
          row: 15,
          cell: "F15",
          zh: "权重合计公式 =SUM(F5:F13) 未恰好覆盖指标行：漏了第 14 行；应为 =SUM(F5:F14)",
          en: "The weight total formula =SUM(F5:F13) does not cover exactly the indicator rows: it misses row 14; expected =SUM(F5:F14)",
        },
      ],
    },
    {
      name: "the range runs into the total row",
      ctx: sums(undefined, "=SUM(G5:G15)"),
      reports: [{ row: 15, cell: "G15", zh: "得分合计公式 =SUM(G5:G15) 未恰好覆盖指标行：多算了第 15 行；应为 =SUM(G5:G14)" }],
    },
    {
      name: "a list of cells with gaps",
      ctx: sums("=F5+F6+F8+F9+F10+F11+F12"),
      reports: [{ row: 15, cell: "F15", en: "The weight total formula =F5+F6+F8+F9+F10+F11+F12 does not cover exactly the indicator rows: it misses rows 7, 13–14; expected =SUM(F5:F14)" }],
    },
    {
      name: "the wrong column",
      ctx: sums(undefined, "=SUM(F5:F14)"),
      reports: [{ row: 15, cell: "G15", zh: "得分合计公式 =SUM(F5:F14) 未恰好覆盖指标行：漏了第 5–14 行，计入了 F 列；应为 =SUM(G5:G14)" }],
    },
    {
      name: "the budget row left out",
      ctx: context({ budget: { row: 3, weight: 10, score: 10 }, layout: { budgetRow: 3 }, totals: { weightFormula: "=SUM(F5:F14)" } }),
      reports: [{ row: 15, cell: "F15", zh: "权重合计公式 =SUM(F5:F14) 未恰好覆盖指标行：漏了预算执行率行的 F3；应为 =SUM(F5:F14,F3)" }],
    },
    {
      name: "a budget block whose 分值 is not in the weight column: its rate cell summed instead",
      ctx: blockAbove({ weightFormula: "=SUM(F5:F14,F3)" }),
      reports: [
        {
          row: 15,
          cell: "F15",
          zh: "权重合计公式 =SUM(F5:F14,F3) 未恰好覆盖指标行：漏了预算执行率行的 E3，多算了第 3 行；应为 =SUM(F5:F14,E3)",
          en: "The weight total formula =SUM(F5:F14,F3) does not cover exactly the indicator rows: it misses E3 of the budget execution row, also adds row 3; expected =SUM(F5:F14,E3)",
        },
      ],
    },
    {
      name: "another sheet",
      ctx: sums("=SUM(F5:F14)+Sheet2!F1"),
      reports: [{ row: 15, cell: "F15", en: "The weight total formula =SUM(F5:F14)+Sheet2!F1 does not cover exactly the indicator rows: it refers to another sheet; expected =SUM(F5:F14)" }],
    },
    {
      name: "both totals wrong: weight first",
      ctx: sums("=SUM(F6:F14)", "=SUM(G4:G14)"),
      reports: [
        { row: 15, cell: "F15", zh: "权重合计公式 =SUM(F6:F14) 未恰好覆盖指标行：漏了第 5 行；应为 =SUM(F5:F14)" },
        { row: 15, cell: "G15", zh: "得分合计公式 =SUM(G4:G14) 未恰好覆盖指标行：多算了第 4 行；应为 =SUM(G5:G14)" },
      ],
    },
  ],
});

describe("TOTAL_FORMULA_RANGE (workbook)", () => {
  test("fires on a SUM that stops a row short", async () => {
    const result = await checkTable({
      rows: tenWith({}),
      total: { weight: { formula: "=SUM(F5:F13)", result: 90 }, score: { formula: "=SUM(G5:G14)", result: 100 } },
    });
    expect(findingsOf(result, "TOTAL_FORMULA_RANGE")).toMatchObject([
      { row: 15, cell: "F15", severity: "warning", message: { zh: expect.stringContaining("漏了第 14 行") } },
    ]);
  });
  test("fires on a list of cells that skips one", async () => {
    const result = await checkTable({
      rows: tenWith({}),
      total: { weight: 100, score: { formula: "=G5+G6+G7+G8+G10+G11+G12+G13+G14", result: 90 } },
    });
    expect(findingsOf(result, "TOTAL_FORMULA_RANGE")).toMatchObject([{ row: 15, cell: "G15", message: { en: expect.stringContaining("misses row 9") } }]);
  });
  test("fires on a project table's SUM that leaves out the budget row", async () => {
    const result = await checkProject({ formula: "=SUM(G13:G16)", result: 90 });
    expect(findingsOf(result, "TOTAL_FORMULA_RANGE")).toMatchObject([
      { row: 17, cell: "G17", message: { zh: "权重合计公式 =SUM(G13:G16) 未恰好覆盖指标行：漏了预算执行率行的 F6；应为 =SUM(G13:G16,F6)" } },
    ]);
  });
  test("does not fire on a project table's SUM that adds the budget block's 分值", async () => {
    const result = await checkProject({ formula: "=SUM(G13:G16)+F6", result: 100 });
    expect(findingsOf(result, "TOTAL_FORMULA_RANGE")).toEqual([]);
  });
  test("does not fire on SUMs over exactly the rows", async () => {
    expect(codes(await checkTable({ rows: tenWith({}), total: "sum" }))).not.toContain("TOTAL_FORMULA_RANGE");
  });
});
