import { NO_ROW_WEIGHTS } from "../../src/core/rules/NO_ROW_WEIGHTS";
import { context, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { readBack } from "../builders/layouts";
import { blockTable } from "../builders/publishedShapes";
import { check } from "../../src/core/check";

const noWeight = { columns: { level1: 1, level2: 2, level3: 3, target: 4, actual: 5, score: 7 } };
const block = (weight: number, rowsIn: number[]) => ({ kind: "block" as const, label: `年度绩效目标1(${weight}分)`, weight, row: 4, col: 1, score: 0, rows: rowsIn });

ruleTester(NO_ROW_WEIGHTS, {
  valid: [{ name: "a weight column", ctx: context() }],
  invalid: [
    {
      name: "no weight column, the weights in a block label",
      ctx: context({ rows: rows({ weight: null }, { weight: null }), layout: noWeight, groups: [block(100, [5, 6])] }),
      reports: [{ row: 3, zh: "表中没有逐行的权重（分值）列：权重取自标签 年度绩效目标1(100分)；逐行的得分与权重核查未做" }],
    },
    {
      name: "no weight column and no label with points",
      ctx: context({ rows: rows({ weight: null }), layout: noWeight }),
      reports: [{ row: 3, en: "The table has no weight column: no block label states a weight either, so the weight total cannot be checked; the per-row checks of score against weight were not made" }],
    },
  ],
});

describe("NO_ROW_WEIGHTS (workbook)", () => {
  test("said once, as info, with the budget's weight and the blocks'", async () => {
    const out = check(await readBack(blockTable().workbook));
    if (!out.ok) throw new Error(out.error.message.en);
    const found = out.result.findings.filter((f) => f.code === "NO_ROW_WEIGHTS");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "info" });
    expect(found[0].message.zh).toContain("预算执行 20分、年度绩效目标1(40分)、年度绩效目标2(40分)");
  });
});

describe("NO_ROW_WEIGHTS with the points in the indicators' names", () => {
  test("says where the weights come from, and the per-row checks run", () => {
    const ctx = context({ rows: rows({ indicator: "相关性(5分)", weight: 5, score: 5 }, { indicator: "明确性(5分)", weight: 5, score: 4 }), layout: noWeight });
    const [report] = NO_ROW_WEIGHTS.check(ctx);
    expect(report.data).toMatchObject({ basisZh: "权重取自各指标名称中的分值（如“相关性(5分)”），2 项标有分值" });
  });
});
