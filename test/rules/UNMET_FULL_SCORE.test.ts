import { UNMET_FULL_SCORE } from "../../src/core/rules/UNMET_FULL_SCORE";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(UNMET_FULL_SCORE, {
  valid: [
    { name: "met with the full score", ctx: context() },
    { name: "partly met and deducted", ctx: context({ rows: rows({ status: "partial", weight: 3, score: 2 }) }) },
    { name: "not met, scored 0", ctx: context({ rows: rows({ status: "unmet", weight: 3, score: 0 }) }) },
    { name: "review rows are not judged", ctx: context({ rows: rows({ status: "review", weight: 3, score: 3 }) }) },
    { name: "score missing", ctx: context({ rows: rows({ status: "unmet", weight: 3, score: null }) }) },
    { name: "weight 0 scored 0", ctx: context({ rows: rows({ status: "unmet", weight: 0, score: 0 }) }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { status: "notApplicable" })] }) },
  ],
  invalid: [
    {
      name: "not met with the full score",
      ctx: context({ rows: rows({}, { status: "unmet", weight: 3, score: 3 }) }),
      reports: [
        {
          row: 6,
          cell: "G6",
          zh: "指标未达成，却得满分 3（权重 3）",
          en: "The indicator is not met but gets the full score 3 (weight 3)",
        },
      ],
    },
    {
      name: "partly met with the full score",
      ctx: context({ rows: rows({ status: "partial", weight: 2, score: 2 }) }),
      reports: [{ row: 5, cell: "G5", zh: "指标部分达成，却得满分 2（权重 2）" }],
    },
  ],
});

describe("UNMET_FULL_SCORE (workbook)", () => {
  test("fires on 未完成 with full marks", async () => {
    const result = await checkTable({ rows: tenWith({ 5: { target: "完成", actual: "未完成", score: 10 } }) });
    expect(findingsOf(result, "UNMET_FULL_SCORE")).toMatchObject([{ row: 10, cell: "G10", severity: "error" }]);
    expect(codes(result)).not.toContain("SCORE_OUT_OF_BAND");
  });
  test("fires on a quantitative shortfall with full marks", async () => {
    const result = await checkTable({ rows: tenWith({ 2: { target: "≥100件", actual: "80件", score: 10 } }) });
    expect(findingsOf(result, "UNMET_FULL_SCORE")).toMatchObject([{ row: 7, cell: "G7" }]);
    expect(codes(result)).not.toContain("SCORE_NOT_PROPORTIONAL");
  });
  test("does not fire on 未完成 scored 0", async () => {
    const result = await checkTable({ rows: tenWith({ 5: { target: "完成", actual: "未完成", score: 0 } }) });
    expect(codes(result)).not.toContain("UNMET_FULL_SCORE");
  });
});
