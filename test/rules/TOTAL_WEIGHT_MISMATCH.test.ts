import { TOTAL_WEIGHT_MISMATCH } from "../../src/core/rules/TOTAL_WEIGHT_MISMATCH";
import { context, rows, tenRows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(TOTAL_WEIGHT_MISMATCH, {
  valid: [
    { name: "stated 100, rows add up to 100", ctx: context({ totals: { statedWeight: 100 }, cells: { F15: 100 } }) },
    { name: "no stated total", ctx: context() },
    { name: "within 0.01", ctx: context({ totals: { statedWeight: 100.01 }, cells: { F15: 100.01 } }) },
    { name: "no total row", ctx: context({ layout: { totalRow: undefined } }) },
    {
      name: "stated above the sum while a weight is unreadable (NOT_A_NUMBER)",
      ctx: context({
        rows: [...tenRows().slice(0, 9), ...rows({ weight: "待定" })].map((r, i) => ({ ...r, row: 5 + i })),
        totals: { statedWeight: 100 },
      }),
    },
  ],
  invalid: [
    {
      name: "typed 100 over weights of 98",
      ctx: context({ rows: rows(...Array.from({ length: 9 }, () => ({})), { weight: 8, score: 8 }), totals: { statedWeight: 100 } }),
      reports: [
        {
          row: 15,
          cell: "F15",
          zh: "合计行的权重合计 100 与各行权重之和 98 不一致",
          en: "The stated weight total 100 does not match the sum of the weights 98",
        },
      ],
    },
    {
      name: "stated below the sum",
      ctx: context({ totals: { statedWeight: 90 } }),
      reports: [{ row: 15, cell: "F15", zh: "合计行的权重合计 90 与各行权重之和 100 不一致" }],
    },
    {
      name: "the total cell holds an Excel error",
      ctx: context({ cells: { F15: "#REF!" } }),
      reports: [{ row: 15, cell: "F15", zh: "合计行的权重合计 “#REF!” 与各行权重之和 100 不一致" }],
    },
    {
      name: "the total cell holds text",
      ctx: context({ cells: { F15: "一百" } }),
      reports: [{ row: 15, cell: "F15", en: "The stated weight total “一百” does not match the sum of the weights 100" }],
    },
  ],
});

describe("TOTAL_WEIGHT_MISMATCH (workbook)", () => {
  test("fires on 100 typed over weights of 98", async () => {
    const result = await checkTable({ rows: tenWith({ 9: { weight: 8, score: 8 } }), total: { weight: 100, score: 98 } });
    expect(findingsOf(result, "TOTAL_WEIGHT_MISMATCH")).toMatchObject([{ row: 15, cell: "F15", severity: "error" }]);
  });
  test("fires on text in the total cell", async () => {
    const result = await checkTable({ rows: tenWith({}), total: { weight: "一百", score: 100 } });
    expect(findingsOf(result, "TOTAL_WEIGHT_MISMATCH")).toMatchObject([{ row: 15, cell: "F15", message: { en: expect.stringContaining("“一百”") } }]);
  });
  test("does not fire on a typed total that is right, or on a SUM", async () => {
    expect(codes(await checkTable({ rows: tenWith({}), total: "number" }))).not.toContain("TOTAL_WEIGHT_MISMATCH");
    expect(codes(await checkTable({ rows: tenWith({}), total: "sum" }))).not.toContain("TOTAL_WEIGHT_MISMATCH");
  });
});
