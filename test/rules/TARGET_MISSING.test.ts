import { TARGET_MISSING } from "../../src/core/rules/TARGET_MISSING";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";

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
