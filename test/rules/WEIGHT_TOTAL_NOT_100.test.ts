import { WEIGHT_TOTAL_NOT_100 } from "../../src/core/rules/WEIGHT_TOTAL_NOT_100";
import { context, rows, tenRows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(WEIGHT_TOTAL_NOT_100, {
  valid: [
    { name: "ten weights of 10", ctx: context() },
    { name: "90 in rows plus 10 on the budget row", ctx: context({ rows: tenRows().slice(0, 9), budget: { row: 4, weight: 10, score: 10 } }) },
    { name: "a profile that expects 50", ctx: context({ rows: rows({ weight: 25 }, { weight: 25 }), profile: { totalWeight: 50 } }) },
    { name: "float noise", ctx: context({ totals: { weight: 100.004 } }) },
    {
      name: "short because a weight is missing (WEIGHT_MISSING)",
      ctx: context({ rows: [...tenRows().slice(0, 9), ...rows({ weight: null })].map((r, i) => ({ ...r, row: 5 + i })) }),
    },
    { name: "a table without a weight column", ctx: context({ rows: [], layout: { columns: { level3: 3, score: 7 } } }) },
  ],
  invalid: [
    {
      name: "weights add up to 98",
      ctx: context({ rows: rows(...Array.from({ length: 9 }, () => ({})), { weight: 8, score: 8 }) }),
      reports: [{ row: 15, cell: "F15", zh: "各行权重之和为 98，应为 100", en: "The weights add up to 98, not 100" }],
    },
    {
      name: "above 100 even with a weight missing",
      ctx: context({ rows: rows(...Array.from({ length: 10 }, () => ({ weight: 11 })), { weight: null }) }),
      reports: [{ row: 16, cell: "F16", zh: "各行权重之和为 110，应为 100" }],
    },
    {
      name: "no total row: the finding has no cell",
      ctx: context({ rows: rows({ weight: 60 }), layout: { totalRow: undefined } }),
      reports: [{ row: undefined, cell: undefined, en: "The weights add up to 60, not 100" }],
    },
  ],
});

describe("WEIGHT_TOTAL_NOT_100 (workbook)", () => {
  test("fires when the weights add up to 98", async () => {
    const result = await checkTable({ rows: tenWith({ 9: { weight: 8, score: 8 } }) });
    expect(findingsOf(result, "WEIGHT_TOTAL_NOT_100")).toMatchObject([
      { row: 15, cell: "F15", severity: "error", message: { zh: "各行权重之和为 98，应为 100" } },
    ]);
    // The SUM total states 98 too: the total is right, the weights are not.
    expect(codes(result)).not.toContain("TOTAL_WEIGHT_MISMATCH");
  });
  test("does not fire when they add up to 100", async () => {
    expect(codes(await checkTable({ rows: tenWith({ 8: { weight: 12, score: 12 }, 9: { weight: 8, score: 8 } }) }))).not.toContain(
      "WEIGHT_TOTAL_NOT_100",
    );
  });
});
