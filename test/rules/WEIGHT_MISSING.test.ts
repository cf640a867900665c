import { WEIGHT_MISSING } from "../../src/core/rules/WEIGHT_MISSING";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(WEIGHT_MISSING, {
  valid: [
    { name: "every row weighted", ctx: context() },
    { name: "unreadable weight is NOT_A_NUMBER, not missing", ctx: context({ rows: rows({ weight: "#REF!" }) }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { score: null, weight: null, status: "notApplicable" })] }) },
  ],
  invalid: [
    {
      name: "empty weight cell",
      ctx: context({ rows: rows({ indicator: "群众满意度", weight: null }) }),
      reports: [{ row: 5, cell: "F5", zh: "指标“群众满意度”未填权重", en: "No weight for “群众满意度”" }],
    },
    {
      name: "weight column elsewhere",
      ctx: context({ rows: rows({ weight: null }), layout: { columns: { level3: 3, weight: 9, score: 10 } } }),
      reports: [{ row: 5, cell: "I5" }],
    },
  ],
});

describe("WEIGHT_MISSING (workbook)", () => {
  test("fires on an empty weight cell", async () => {
    const result = await checkTable({ rows: tenWith({ 3: { weight: null } }) });
    expect(findingsOf(result, "WEIGHT_MISSING")).toMatchObject([{ row: 8, cell: "F8", severity: "error" }]);
  });
  test("does not fire on a complete table", async () => {
    expect(codes(await checkTable({ rows: tenWith({}) }))).not.toContain("WEIGHT_MISSING");
  });
});
