import { INDICATOR_NAME_MISSING } from "../../src/core/rules/INDICATOR_NAME_MISSING";
import { WEIGHT_MISSING } from "../../src/core/rules/WEIGHT_MISSING";
import { TARGET_MISSING } from "../../src/core/rules/TARGET_MISSING";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(INDICATOR_NAME_MISSING, {
  valid: [
    { name: "every row named", ctx: context() },
    { name: "指标1 without the colon is a name", ctx: context({ rows: rows({ indicator: "指标1" }) }) },
    { name: "a row that does not apply", ctx: context({ rows: [row(5, { indicator: "……", target: "/", actual: "/", weight: "/", score: "/", status: "notApplicable" })] }) },
  ],
  invalid: [
    {
      name: "指标1： with everything else",
      ctx: context({ rows: rows({ indicator: "指标1：", weight: 5, score: 5 }) }),
      reports: [
        {
          row: 5,
          cell: "C5",
          zh: "第 5 行填有目标值、完成情况、权重、得分，但三级指标名称为“指标1：”：请写明指标名称",
          en: "Row 5 has a target, a result, a weight, a score but its indicator name is “指标1：”: name the indicator",
        },
      ],
    },
    { name: "an empty name with everything else", ctx: context({ rows: rows({ indicator: "" }) }), reports: [{ row: 5, cell: "C5" }] },
    { name: "……", ctx: context({ rows: rows({}, { indicator: "……" }) }), reports: [{ row: 6 }] },
  ],
});

describe("INDICATOR_NAME_MISSING and the rules about one missing cell", () => {
  test("a nameless row with a target only: the name is reported, not the missing weight", () => {
    const ctx = context({ rows: rows({ indicator: "指标2：", weight: null, score: null }) });
    expect(INDICATOR_NAME_MISSING.check(ctx)).toHaveLength(1);
    expect(WEIGHT_MISSING.check(ctx)).toEqual([]);
    expect(TARGET_MISSING.check(context({ rows: rows({ indicator: "……", target: "" }) }))).toEqual([]);
  });
});

describe("INDICATOR_NAME_MISSING (workbook)", () => {
  test("a row named 其他 with a weight and a score", async () => {
    const result = await checkTable({ rows: tenWith({ 4: { indicator: "其他" } }) });
    expect(findingsOf(result, "INDICATOR_NAME_MISSING")).toMatchObject([{ row: 9, cell: "C9", severity: "warning" }]);
  });
  test("a slot with nothing in it is left out, not reported", async () => {
    const result = await checkTable({ rows: tenWith({ 4: { indicator: "指标5：", target: null, actual: null } }) });
    expect(codes(result)).toEqual(["INDICATOR_NAME_MISSING"]);
    const empty = await checkTable({ rows: [...tenWith({}), { level1: "效益指标", level2: "满意度指标", indicator: "指标1：", target: null, actual: null, weight: null, score: null }] });
    expect(codes(empty)).toEqual([]);
    expect(empty.skippedSlots).toEqual([15]);
  });
});
