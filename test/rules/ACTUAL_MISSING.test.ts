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
    {
      name: "full score, no result, on a form that states results on its other rows",
      ctx: context({ rows: rows({}, {}, { indicator: "办件量", actual: "", status: "review" }) }),
    },
  ],
  invalid: [
    {
      name: "empty result on a row scored below its weight",
      ctx: context({ rows: rows({}, {}, { indicator: "办件量", actual: "", score: 8, status: "review" }) }),
      reports: [{ row: 7, cell: "E7", zh: "指标“办件量”未填完成情况", en: "No result for “办件量”" }],
    },
    {
      name: "empty result on a row not scored",
      ctx: context({ rows: rows({}, { indicator: "办件量", actual: "", score: null, status: "review" }) }),
      reports: [{ row: 6, cell: "E6" }],
    },
    {
      name: "no result on any row, all given full marks: every row",
      ctx: context({ rows: rows({ actual: "", status: "review" }, { actual: "", status: "review" }) }),
      reports: [{ row: 5, cell: "E5" }, { row: 6, cell: "E6" }],
    },
  ],
});

describe("ACTUAL_MISSING (workbook)", () => {
  test("fires on an empty result cell of a row scored below its weight", async () => {
    const result = await checkTable({ rows: tenWith({ 9: { actual: null, score: 7 } }) });
    expect(findingsOf(result, "ACTUAL_MISSING")).toMatchObject([{ row: 14, cell: "E14", severity: "warning" }]);
    expect(codes(result)).not.toContain("VALUE_UNREADABLE");
  });
  test("not on a row given full marks when the other rows state their results; the row is left for review", async () => {
    const result = await checkTable({ rows: tenWith({ 9: { actual: null } }) });
    expect(codes(result)).not.toContain("ACTUAL_MISSING");
    expect(result.rows.find((r) => r.row === 14)?.status).toBe("review");
  });
  test("on every row when the form states no result at all, full marks or not", async () => {
    const result = await checkTable({ rows: tenWith(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, { actual: null }]))) });
    expect(findingsOf(result, "ACTUAL_MISSING")).toHaveLength(10);
  });
  test("does not fire when every result is given", async () => {
    expect(codes(await checkTable({ rows: tenWith({}) }))).not.toContain("ACTUAL_MISSING");
  });
});
