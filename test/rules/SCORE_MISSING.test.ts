import { check } from "../../src/core/check";
import { projectTable, readBack } from "../builders/layouts";
import { SCORE_MISSING } from "../../src/core/rules/SCORE_MISSING";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(SCORE_MISSING, {
  valid: [
    { name: "every row scored", ctx: context() },
    { name: "a score of zero is a score", ctx: context({ rows: rows({ score: 0, status: "unmet" }) }) },
    { name: "unreadable score is NOT_A_NUMBER, not missing", ctx: context({ rows: rows({ score: "待定" }) }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { score: null, weight: null, status: "notApplicable" })] }) },
    {
      name: "a table without a score column",
      ctx: context({ rows: rows({ score: null }), layout: { columns: { level3: 3, weight: 6 } } }),
    },
  ],
  invalid: [
    {
      name: "empty score cell",
      ctx: context({ rows: rows({}, { indicator: "办件量", score: null }) }),
      reports: [{ row: 6, cell: "G6", zh: "指标“办件量”未填得分", en: "No score for “办件量”" }],
    },
  ],
});

describe("SCORE_MISSING (workbook)", () => {
  test("fires on an empty score cell, and only that", async () => {
    const result = await checkTable({ rows: tenWith({ 2: { score: null } }), total: { weight: 100, score: 100 }, grade: "优秀" });
    expect(findingsOf(result, "SCORE_MISSING")).toMatchObject([{ row: 7, cell: "G7", severity: "error" }]);
    // The typed total of 100 may include the missing score: no total mismatch on top.
    expect(codes(result)).toEqual(["SCORE_MISSING"]);
  });
  test("does not fire on a complete table", async () => {
    expect(codes(await checkTable({ rows: tenWith({}) }))).not.toContain("SCORE_MISSING");
  });
});

describe("SCORE_MISSING on the 预算执行率 row", () => {
  test("a budget block row with a 分值 and an empty 得分 is reported once, on its score cell", async () => {
    const wb = projectTable();
    wb.getWorksheet("项目支出")!.getCell("H6").value = null;
    const out = check(await readBack(wb));
    if (!out.ok) throw new Error(out.error.message.en);
    expect(out.result.findings.filter((f) => f.code === "SCORE_MISSING")).toMatchObject([{ row: 6, cell: "H6", severity: "error" }]);
  });
  test("a budget row scored 0 is not missing", async () => {
    const wb = projectTable();
    wb.getWorksheet("项目支出")!.getCell("H6").value = 0;
    const out = check(await readBack(wb));
    if (!out.ok) throw new Error(out.error.message.en);
    expect(out.result.findings.filter((f) => f.code === "SCORE_MISSING")).toEqual([]);
  });
});
