import { SCORE_MISSING } from "../../src/core/rules/SCORE_MISSING";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";

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
