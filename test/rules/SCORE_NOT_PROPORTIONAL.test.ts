import { SCORE_NOT_PROPORTIONAL } from "../../src/core/rules/SCORE_NOT_PROPORTIONAL";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

const partial = { status: "partial", quantitative: true } as const;

ruleTester(SCORE_NOT_PROPORTIONAL, {
  valid: [
    { name: "met rows", ctx: context() },
    { name: "score equal to the suggested score", ctx: context({ rows: rows({ ...partial, suggestedScore: 9.2, score: 9.2 }) }) },
    { name: "within the gap of 0.5", ctx: context({ rows: rows({ ...partial, suggestedScore: 9.2, score: 9 }) }) },
    { name: "exactly the gap", ctx: context({ rows: rows({ ...partial, suggestedScore: 8.5, score: 9 }) }) },
    { name: "qualitative partial row", ctx: context({ rows: rows({ ...partial, quantitative: false, suggestedScore: 5, score: 8 }) }) },
    { name: "no suggested score", ctx: context({ rows: rows({ ...partial, score: 5 }) }) },
    { name: "full score (UNMET_FULL_SCORE)", ctx: context({ rows: rows({ ...partial, suggestedScore: 5, score: 10 }) }) },
    { name: "score missing", ctx: context({ rows: rows({ ...partial, suggestedScore: 5, score: null }) }) },
    { name: "a wider gap in the profile", ctx: context({ rows: rows({ ...partial, suggestedScore: 5, score: 6 }), profile: { proportionalGap: 1 } }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { ...partial, status: "notApplicable", suggestedScore: 5 })] }) },
  ],
  invalid: [
    {
      name: "98 % of 10 points but scored 8",
      ctx: context({ rows: rows({}, { ...partial, suggestedScore: 9.8, score: 8 }) }),
      reports: [
        {
          row: 6,
          cell: "G6",
          zh: "得分 8 与按完成比例计算的 9.8 相差 1.8",
          en: "Score 8 differs from the proportional score 9.8 by 1.8",
        },
      ],
    },
    {
      name: "scored above the proportional score",
      ctx: context({ rows: rows({ ...partial, suggestedScore: 5, score: 6 }) }),
      reports: [{ row: 5, cell: "G5", zh: "得分 6 与按完成比例计算的 5 相差 1" }],
    },
  ],
});

describe("SCORE_NOT_PROPORTIONAL (workbook)", () => {
  test("fires on 80 of 100 done, scored 5 of 10", async () => {
    const result = await checkTable({ rows: tenWith({ 3: { target: "≥100件", actual: "80件", score: 5 } }) });
    expect(findingsOf(result, "SCORE_NOT_PROPORTIONAL")).toMatchObject([{ row: 8, cell: "G8", severity: "info" }]);
  });
  test("does not fire on 80 of 100 done, scored 8 of 10", async () => {
    const result = await checkTable({ rows: tenWith({ 3: { target: "≥100件", actual: "80件", score: 8 } }) });
    expect(codes(result)).not.toContain("SCORE_NOT_PROPORTIONAL");
  });
});
