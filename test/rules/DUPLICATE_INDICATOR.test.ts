import { DUPLICATE_INDICATOR } from "../../src/core/rules/DUPLICATE_INDICATOR";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(DUPLICATE_INDICATOR, {
  valid: [
    { name: "distinct indicators", ctx: context() },
    {
      name: "same indicator under different level2",
      ctx: context({ rows: rows({ level2: "数量指标", indicator: "培训次数" }, { level2: "质量指标", indicator: "培训次数" }) }),
    },
    { name: "empty indicator texts", ctx: context({ rows: rows({ indicator: "" }, { indicator: "" }) }) },
    {
      name: "a repeat that does not apply",
      ctx: context({ rows: [row(5, { indicator: "培训次数" }), row(6, { indicator: "培训次数", status: "notApplicable" })] }),
    },
  ],
  invalid: [
    {
      name: "the same indicator twice: the second is reported",
      ctx: context({ rows: rows({ indicator: "培训次数" }, {}, { indicator: "培训次数" }) }),
      reports: [{ row: 7, cell: "C7", zh: "指标“培训次数”与第 5 行重复", en: "The indicator “培训次数” repeats row 5" }],
    },
    {
      name: "differences in spaces, width and a trailing full stop",
      ctx: context({ rows: rows({ indicator: "办件量 ≥ 30000件" }, { indicator: "办件量≥３００００件。" }) }),
      reports: [{ row: 6, cell: "C6", zh: "指标“办件量≥３００００件。”与第 5 行重复" }],
    },
    {
      name: "three times: each repeat names the first",
      ctx: context({ rows: rows({ indicator: "满意度" }, { indicator: "满意度" }, { indicator: "满意度" }) }),
      reports: [
        { row: 6, en: "The indicator “满意度” repeats row 5" },
        { row: 7, en: "The indicator “满意度” repeats row 5" },
      ],
    },
  ],
});

describe("DUPLICATE_INDICATOR (workbook)", () => {
  test("fires on the second of two equal indicators under one level2", async () => {
    const result = await checkTable({ rows: tenWith({ 0: { indicator: "培训人次" }, 3: { indicator: "培训 人次" } }) });
    expect(findingsOf(result, "DUPLICATE_INDICATOR")).toMatchObject([
      { row: 8, cell: "C8", severity: "warning", message: { zh: "指标“培训 人次”与第 5 行重复" } },
    ]);
  });
  test("does not fire on the same words under another level2", async () => {
    const result = await checkTable({ rows: tenWith({ 0: { indicator: "满意度" }, 7: { indicator: "满意度" } }) });
    expect(codes(result)).not.toContain("DUPLICATE_INDICATOR");
  });
});
