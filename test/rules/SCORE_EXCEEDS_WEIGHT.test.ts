import { SCORE_EXCEEDS_WEIGHT } from "../../src/core/rules/SCORE_EXCEEDS_WEIGHT";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(SCORE_EXCEEDS_WEIGHT, {
  valid: [
    { name: "score equal to the weight", ctx: context() },
    { name: "score below the weight", ctx: context({ rows: rows({ weight: 2, score: 1.5, status: "partial" }) }) },
    { name: "score missing", ctx: context({ rows: rows({ weight: 2, score: null }) }) },
    { name: "score unreadable", ctx: context({ rows: rows({ weight: 2, score: "#REF!" }) }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { weight: 0, score: 3, status: "notApplicable" })] }) },
  ],
  invalid: [
    {
      name: "score 3 on a weight of 2",
      ctx: context({ rows: rows({}, { weight: 2, score: 3 }) }),
      reports: [{ row: 6, cell: "G6", zh: "得分 3 超过权重 2", en: "Score 3 exceeds the weight 2" }],
    },
    {
      name: "a fraction above",
      ctx: context({ rows: rows({ weight: 2.5, score: 2.51 }) }),
      reports: [{ row: 5, cell: "G5", zh: "得分 2.51 超过权重 2.5" }],
    },
  ],
});

describe("SCORE_EXCEEDS_WEIGHT (workbook)", () => {
  test("fires on 12 points for a weight of 10", async () => {
    const result = await checkTable({ rows: tenWith({ 0: { score: 12 } }) });
    expect(findingsOf(result, "SCORE_EXCEEDS_WEIGHT")).toMatchObject([
      { row: 5, cell: "G5", severity: "error", message: { zh: "得分 12 超过权重 10", en: "Score 12 exceeds the weight 10" } },
    ]);
  });
  test("does not fire on full marks", async () => {
    expect(codes(await checkTable({ rows: tenWith({}) }))).not.toContain("SCORE_EXCEEDS_WEIGHT");
  });
});
