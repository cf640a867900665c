import { SCORE_NEGATIVE } from "../../src/core/rules/SCORE_NEGATIVE";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(SCORE_NEGATIVE, {
  valid: [
    { name: "positive scores", ctx: context() },
    { name: "a score of zero", ctx: context({ rows: rows({ weight: 2, score: 0, status: "unmet" }) }) },
    { name: "score missing", ctx: context({ rows: rows({ score: null }) }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { score: -1, status: "notApplicable" })] }) },
  ],
  invalid: [
    {
      name: "a score of -1",
      ctx: context({ rows: rows({}, {}, { weight: 2, score: -1, status: "unmet" }) }),
      reports: [{ row: 7, cell: "G7", zh: "得分 -1 为负数", en: "Score -1 is negative" }],
    },
    {
      name: "two negative scores",
      ctx: context({ rows: rows({ score: -0.5 }, { score: -2 }) }),
      reports: [{ row: 5, cell: "G5" }, { row: 6, cell: "G6" }],
    },
  ],
});

describe("SCORE_NEGATIVE (workbook)", () => {
  test("fires on a negative score", async () => {
    const result = await checkTable({ rows: tenWith({ 6: { actual: "50%", score: -1 } }) });
    expect(findingsOf(result, "SCORE_NEGATIVE")).toMatchObject([{ row: 11, cell: "G11", severity: "error" }]);
  });
  test("does not fire on a score of 0", async () => {
    const result = await checkTable({ rows: tenWith({ 6: { actual: "0%", score: 0 } }) });
    expect(codes(result)).not.toContain("SCORE_NEGATIVE");
  });
});
