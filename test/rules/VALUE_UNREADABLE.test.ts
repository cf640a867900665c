import { VALUE_UNREADABLE } from "../../src/core/rules/VALUE_UNREADABLE";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(VALUE_UNREADABLE, {
  valid: [
    { name: "judged rows", ctx: context() },
    { name: "partial and unmet rows are judged", ctx: context({ rows: rows({ status: "partial", score: 8 }, { status: "unmet", score: 0 }) }) },
    { name: "empty target (TARGET_MISSING)", ctx: context({ rows: rows({ status: "review", target: "" }) }) },
    { name: "empty result (ACTUAL_MISSING)", ctx: context({ rows: rows({ status: "review", actual: "" }) }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { status: "notApplicable", target: "/", actual: "/" })] }) },
  ],
  invalid: [
    {
      name: "text that matches no notation",
      ctx: context({ rows: rows({}, { status: "review", target: "有效提升", actual: "群众反映良好" }) }),
      reports: [
        {
          row: 6,
          cell: "E6",
          zh: "无法判断是否达成（目标值“有效提升”，完成情况“群众反映良好”），请人工核对",
          en: "Cannot tell whether “群众反映良好” meets the target “有效提升”; please review",
        },
      ],
    },
  ],
});

describe("VALUE_UNREADABLE (workbook)", () => {
  test("fires on words that cannot be judged", async () => {
    const result = await checkTable({ rows: tenWith({ 6: { target: "有效提升", actual: "群众反映良好" } }) });
    expect(findingsOf(result, "VALUE_UNREADABLE")).toMatchObject([{ row: 11, cell: "E11", severity: "info" }]);
  });
  test("does not fire on a completion word", async () => {
    const result = await checkTable({ rows: tenWith({ 6: { target: "有效提升", actual: "已完成" } }) });
    expect(codes(result)).not.toContain("VALUE_UNREADABLE");
  });
});
