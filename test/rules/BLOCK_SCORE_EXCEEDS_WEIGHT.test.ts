import { BLOCK_SCORE_EXCEEDS_WEIGHT } from "../../src/core/rules/BLOCK_SCORE_EXCEEDS_WEIGHT";
import { context } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

const group = (score: number, weight = 40) => ({ kind: "level1" as const, label: `产出指标（${weight}分）`, weight, row: 5, col: 1, score, rows: [5, 6] });

ruleTester(BLOCK_SCORE_EXCEEDS_WEIGHT, {
  valid: [
    { name: "no group", ctx: context() },
    { name: "at the weight", ctx: context({ groups: [group(40)] }) },
    { name: "within the tolerance", ctx: context({ groups: [group(40.01)] }) },
  ],
  invalid: [
    {
      name: "above the weight",
      ctx: context({ groups: [group(41)] }),
      reports: [{ row: 5, cell: "A5", zh: "“产出指标（40分）”各行得分之和 41 超过其分值 40", en: "The scores under “产出指标（40分）” add up to 41, more than its weight 40" }],
    },
  ],
});

describe("BLOCK_SCORE_EXCEEDS_WEIGHT (workbook)", () => {
  test("a 一级 label's points against its rows' scores, in a table with a weight column too", async () => {
    const rows = tenWith({ 0: { level1: "产出指标（15分）" }, 1: { level1: "产出指标（15分）" } });
    const result = await checkTable({ rows });
    expect(findingsOf(result, "BLOCK_SCORE_EXCEEDS_WEIGHT")).toMatchObject([{ row: 5, cell: "A5", severity: "error" }]);
  });
  test("silent when the label's points hold", async () => {
    const rows = tenWith({ 0: { level1: "产出指标（20分）" }, 1: { level1: "产出指标（20分）" } });
    expect(findingsOf(await checkTable({ rows }), "BLOCK_SCORE_EXCEEDS_WEIGHT")).toEqual([]);
  });
});
