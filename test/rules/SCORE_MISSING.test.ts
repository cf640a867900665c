import { SCORE_MISSING } from "../../src/core/rules/SCORE_MISSING";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(SCORE_MISSING, {
  valid: [
    { name: "every row scored", ctx: context() },
    { name: "a score of zero is a score", ctx: context({ rows: rows({ score: 0, status: "unmet" }) }) },
    { name: "unreadable score is NOT_A_NUMBER, not missing", ctx: context({ rows: rows({ score: "待定" }) }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { score: null, weight: null, status: "notApplicable" })] }) },
    {
      name: "a table without a score column",
      ctx: context({ rows: rows({ score: null }), layout: { columns: { level3: 3, weight: 6 } } }),
    },
  ],
  invalid: [
    {
      name: "empty score cell",
      ctx: context({ rows: rows({}, { indicator: "办件量", score: null }) }),
      reports: [{ row: 6, cell: "G6", zh: "指标“办件量”未填得分", en: "No score for “办件量”" }],
    },
  ],
});

describe("SCORE_MISSING (workbook)", () => {
  test("fires on an empty score cell, and only that", async () => {
    const result = await checkTable({ rows: tenWith({ 2: { score: null } }), total: { weight: 100, score: 100 }, grade: "优秀" });
    expect(findingsOf(result, "SCORE_MISSING")).toMatchObject([{ row: 7, cell: "G7", severity: "error" }]);
    // The typed total of 100 may include the missing score: no total mismatch on top.
    expect(codes(result)).toEqual(["SCORE_MISSING"]);
  });
  test("does not fire on a complete table", async () => {
    expect(codes(await checkTable({ rows: tenWith({}) }))).not.toContain("SCORE_MISSING");
  });
});
