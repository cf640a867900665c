import { DEVIATION_REASON_MISSING } from "../../src/core/rules/DEVIATION_REASON_MISSING";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

const withReason = { columns: { level1: 1, level2: 2, level3: 3, target: 4, actual: 5, weight: 6, score: 7, reason: 8 }, lastColumn: 8 };

ruleTester(DEVIATION_REASON_MISSING, {
  valid: [
    { name: "all met, no reasons needed", ctx: context({ layout: withReason }) },
    {
      name: "partly met with a reason",
      ctx: context({ layout: withReason, rows: rows({ status: "partial", score: 8, reason: "资金拨付滞后" }) }),
    },
    {
      name: "no 偏差原因 column",
      ctx: context({ rows: rows({ status: "unmet", score: 0 }) }),
    },
    { name: "review rows are not judged", ctx: context({ layout: withReason, rows: rows({ status: "review" }) }) },
    { name: "row that does not apply", ctx: context({ layout: withReason, rows: [row(5, { status: "notApplicable" })] }) },
  ],
  invalid: [
    {
      name: "not met, reason empty",
      ctx: context({ layout: withReason, rows: rows({}, { status: "unmet", score: 0 }) }),
      reports: [
        {
          row: 6,
          cell: "H6",
          zh: "指标未达成，但未填写偏差原因",
          en: "The indicator is not met but no reason for the deviation is given",
        },
      ],
    },
    {
      name: "partly met, reason only spaces",
      ctx: context({ layout: withReason, rows: rows({ status: "partial", score: 8, reason: "  " }) }),
      reports: [{ row: 5, cell: "H5", zh: "指标部分达成，但未填写偏差原因" }],
    },
  ],
});

describe("DEVIATION_REASON_MISSING (workbook)", () => {
  test("fires on a partly met row with an empty 偏差原因 cell", async () => {
    const result = await checkTable({ rows: tenWith({ 3: { target: "≥100件", actual: "80件", score: 8, reason: null } }) });
    expect(findingsOf(result, "DEVIATION_REASON_MISSING")).toMatchObject([{ row: 8, cell: "H8", severity: "warning" }]);
  });
  test("does not fire when the reason is given", async () => {
    const result = await checkTable({ rows: tenWith({ 3: { target: "≥100件", actual: "80件", score: 8, reason: "受疫情影响" } }) });
    expect(codes(result)).not.toContain("DEVIATION_REASON_MISSING");
  });
  test("does not fire without a 偏差原因 column", async () => {
    const result = await checkTable({ rows: tenWith({ 3: { target: "≥100件", actual: "80件", score: 8 } }) });
    expect(codes(result)).not.toContain("DEVIATION_REASON_MISSING");
  });
});
