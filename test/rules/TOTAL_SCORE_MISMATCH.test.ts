import { TOTAL_SCORE_MISMATCH } from "../../src/core/rules/TOTAL_SCORE_MISMATCH";
import { context, rows, tenRows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

const ninetyEight = () => rows(...Array.from({ length: 9 }, () => ({})), { score: 8, status: "partial" as const });

ruleTester(TOTAL_SCORE_MISMATCH, {
  valid: [
    { name: "stated 98, rows add up to 98", ctx: context({ rows: ninetyEight(), totals: { statedScore: 98 }, cells: { G15: 98 } }) },
    { name: "no stated total", ctx: context() },
    { name: "an empty total cell", ctx: context({ cells: { G15: "  " } }) },
    { name: "within 0.01", ctx: context({ totals: { statedScore: 99.995 } }) },
    {
      name: "stated above the sum while a score is missing (SCORE_MISSING)",
      ctx: context({
        rows: [...tenRows().slice(0, 9), ...rows({ score: null })].map((r, i) => ({ ...r, row: 5 + i })),
        totals: { statedScore: 100 },
      }),
    },
    {
      name: "the budget row's score counts",
      ctx: context({ rows: tenRows().slice(0, 9), budget: { row: 4, weight: 10, score: 9 }, totals: { statedScore: 99 } }),
    },
  ],
  invalid: [
    {
      name: "typed 100 over scores of 98",
      ctx: context({ rows: ninetyEight(), totals: { statedScore: 100 } }),
      reports: [
        {
          row: 15,
          cell: "G15",
          zh: "合计行的得分合计 100 与各行得分之和 98 不一致",
          en: "The stated score total 100 does not match the sum of the scores 98",
        },
      ],
    },
    {
      name: "a SUM formula whose cached result is an error",
      ctx: context({ cells: { G15: "#VALUE!" } }),
      reports: [{ row: 15, cell: "G15", zh: "合计行的得分合计 “#VALUE!” 与各行得分之和 100 不一致" }],
    },
    {
      name: "a total row elsewhere",
      ctx: context({ rows: ninetyEight(), totals: { statedScore: 97.5 }, layout: { totalRow: 40 } }),
      reports: [{ row: 40, cell: "G40", en: "The stated score total 97.5 does not match the sum of the scores 98" }],
    },
  ],
});

describe("TOTAL_SCORE_MISMATCH (workbook)", () => {
  test("fires on 100 typed over scores of 98", async () => {
    const result = await checkTable({ rows: tenWith({ 9: { score: 8, actual: "90%" } }), total: { weight: 100, score: 100 } });
    expect(findingsOf(result, "TOTAL_SCORE_MISMATCH")).toMatchObject([
      { row: 15, cell: "G15", severity: "error", message: { zh: "合计行的得分合计 100 与各行得分之和 98 不一致" } },
    ]);
  });
  test("fires on a total formula whose cached result is an error", async () => {
    const result = await checkTable({ rows: tenWith({}), total: { weight: 100, score: { formula: "=SUM(G5:G14)/#REF!", result: "#REF!" } } });
    expect(findingsOf(result, "TOTAL_SCORE_MISMATCH")).toMatchObject([{ row: 15, cell: "G15", message: { zh: expect.stringContaining("#REF!") } }]);
  });
  test("does not fire when the total is the sum", async () => {
    const result = await checkTable({ rows: tenWith({ 9: { score: 8, actual: "90%" } }) });
    expect(codes(result)).not.toContain("TOTAL_SCORE_MISMATCH");
  });
});
