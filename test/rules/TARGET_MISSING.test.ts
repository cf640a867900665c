import { TARGET_MISSING } from "../../src/core/rules/TARGET_MISSING";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(TARGET_MISSING, {
  valid: [
    { name: "targets given", ctx: context() },
    { name: "a text target", ctx: context({ rows: rows({ target: "按时完成" }) }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { target: "", status: "notApplicable" })] }) },
  ],
  invalid: [
    {
      name: "empty target",
      ctx: context({ rows: rows({}, { indicator: "培训人次", target: "", status: "review" }) }),
      reports: [{ row: 6, cell: "D6", zh: "指标“培训人次”未填目标值", en: "No target for “培训人次”" }],
    },
  ],
});

describe("TARGET_MISSING (workbook)", () => {
  test("fires on an empty target cell", async () => {
    const result = await checkTable({ rows: tenWith({ 7: { target: null } }) });
    expect(findingsOf(result, "TARGET_MISSING")).toMatchObject([{ row: 12, cell: "D12", severity: "warning" }]);
    expect(codes(result)).not.toContain("VALUE_UNREADABLE");
  });
  test("does not fire when every target is given", async () => {
    expect(codes(await checkTable({ rows: tenWith({}) }))).not.toContain("TARGET_MISSING");
  });
});
