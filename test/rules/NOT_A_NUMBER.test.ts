import { NOT_A_NUMBER } from "../../src/core/rules/NOT_A_NUMBER";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

ruleTester(NOT_A_NUMBER, {
  valid: [
    { name: "numbers", ctx: context() },
    { name: "empty cells are missing, not unreadable", ctx: context({ rows: rows({ weight: null, score: null }) }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { weight: "/", score: "/", status: "notApplicable" })] }) },
  ],
  invalid: [
    {
      name: "score 待定",
      ctx: context({ rows: rows({}, { score: "待定" }) }),
      reports: [{ row: 6, cell: "G6", zh: "得分“待定”不是数字", en: "The score “待定” is not a number" }],
    },
    {
      name: "weight #REF! (a formula whose result is an error)",
      ctx: context({ rows: rows({ weight: "#REF!" }) }),
      reports: [{ row: 5, cell: "F5", zh: "权重“#REF!”不是数字", en: "The weight “#REF!” is not a number" }],
    },
    {
      name: "both cells on one row, weight first",
      ctx: context({ rows: rows({ weight: "约2", score: "#DIV/0!" }) }),
      reports: [
        { row: 5, cell: "F5", zh: "权重“约2”不是数字" },
        { row: 5, cell: "G5", zh: "得分“#DIV/0!”不是数字" },
      ],
    },
  ],
});

describe("NOT_A_NUMBER (workbook)", () => {
  test("fires on 待定 in a score and #REF! as a weight formula's result", async () => {
    const result = await checkTable({
      rows: tenWith({ 1: { score: "待定" }, 4: { weight: { formula: "=#REF!*1", result: "#REF!" } } }),
      total: { weight: 100, score: 100 },
      grade: "优秀",
    });
    expect(findingsOf(result, "NOT_A_NUMBER")).toMatchObject([
      { row: 6, cell: "G6" },
      { row: 9, cell: "F9" },
    ]);
    expect(codes(result)).not.toContain("SCORE_MISSING");
  });
  test("a score formula never calculated (no cached result) is unreadable, not missing, and says why", async () => {
    const result = await checkTable({
      rows: tenWith({ 2: { score: { formula: "=F7*0.9" } } }),
      total: { weight: 100, score: 100 },
      grade: "优秀",
    });
    expect(findingsOf(result, "NOT_A_NUMBER")).toMatchObject([{ row: 7, cell: "G7" }]);
    const [f] = findingsOf(result, "NOT_A_NUMBER");
    expect(f.message.zh).toBe("得分“=F7*0.9”不是数字：公式从未计算过，没有结果。请在 Excel 中打开，按 F9 重新计算后保存");
    expect(f.message.en).toContain("has never been calculated");
    expect(codes(result)).not.toContain("SCORE_MISSING");
  });
  test("does not fire on numbers stored as text", async () => {
    const result = await checkTable({ rows: tenWith({ 1: { weight: "10", score: " 10 " } }) });
    expect(codes(result)).not.toContain("NOT_A_NUMBER");
  });
});
