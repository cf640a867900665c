import { MET_BUT_DEDUCTED } from "../../src/core/rules/MET_BUT_DEDUCTED";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(MET_BUT_DEDUCTED, {
  valid: [
    { name: "met with the full score", ctx: context() },
    { name: "partly met and deducted", ctx: context({ rows: rows({ status: "partial", weight: 3, score: 2 }) }) },
    { name: "met, score missing", ctx: context({ rows: rows({ score: null }) }) },
    { name: "met, score above the weight (SCORE_EXCEEDS_WEIGHT)", ctx: context({ rows: rows({ weight: 2, score: 3 }) }) },
    { name: "met, negative score (SCORE_NEGATIVE)", ctx: context({ rows: rows({ weight: 2, score: -1 }) }) },
    {
      name: "qualitative met row below its band (SCORE_OUT_OF_BAND names the band)",
      ctx: context({ rows: rows({ quantitative: false, band: [8, 10], weight: 10, score: 5 }) }),
    },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { status: "notApplicable", score: 0 })] }) },
  ],
  invalid: [
    {
      name: "met, deducted one point",
      ctx: context({ rows: rows({}, { weight: 3, score: 2 }) }),
      reports: [
        {
          row: 6,
          cell: "G6",
          zh: "指标已达成，但得分 2 低于权重 3",
          en: "The indicator is met but the score 2 is below the weight 3",
        },
      ],
    },
    {
      name: "qualitative met row deducted within its band",
      ctx: context({ rows: rows({ quantitative: false, band: [8, 10], weight: 10, score: 9 }) }),
      reports: [{ row: 5, cell: "G5" }],
    },
  ],
});

describe("MET_BUT_DEDUCTED (workbook)", () => {
  test("fires on a met indicator that lost a point", async () => {
    const result = await checkTable({ rows: tenWith({ 8: { score: 9 } }) });
    expect(findingsOf(result, "MET_BUT_DEDUCTED")).toMatchObject([{ row: 13, cell: "G13", severity: "warning" }]);
  });
  test("does not fire on full marks", async () => {
    expect(codes(await checkTable({ rows: tenWith({}) }))).not.toContain("MET_BUT_DEDUCTED");
  });
});
