import { ACTUAL_MISSING } from "../../src/core/rules/ACTUAL_MISSING";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(ACTUAL_MISSING, {
  valid: [
    { name: "results given", ctx: context() },
    { name: "a text result", ctx: context({ rows: rows({ actual: "已完成" }) }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { actual: "", status: "notApplicable" })] }) },
  ],
  invalid: [
    {
      name: "empty result",
      ctx: context({ rows: rows({}, {}, { indicator: "办件量", actual: "", status: "review" }) }),
      reports: [{ row: 7, cell: "E7", zh: "指标“办件量”未填完成情况", en: "No result for “办件量”" }],
    },
  ],
});

describe("ACTUAL_MISSING (workbook)", () => {
  test("fires on an empty result cell", async () => {
    const result = await checkTable({ rows: tenWith({ 9: { actual: null } }) });
    expect(findingsOf(result, "ACTUAL_MISSING")).toMatchObject([{ row: 14, cell: "E14", severity: "warning" }]);
    expect(codes(result)).not.toContain("VALUE_UNREADABLE");
  });
  test("does not fire when every result is given", async () => {
    expect(codes(await checkTable({ rows: tenWith({}) }))).not.toContain("ACTUAL_MISSING");
  });
});
