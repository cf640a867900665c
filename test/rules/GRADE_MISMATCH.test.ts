import { GRADE_MISMATCH } from "../../src/core/rules/GRADE_MISMATCH";
import { context, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

const gradeCell = { row: 15, col: 8 };

ruleTester(GRADE_MISMATCH, {
  valid: [
    { name: "优秀 for 100", ctx: context({ layout: { gradeCell }, totals: { statedGrade: "优", statedGradeText: "优秀" } }) },
    { name: "no stated grade", ctx: context() },
    {
      name: "良好 for 85",
      ctx: context({
        rows: rows(...Array.from({ length: 10 }, () => ({ score: 8.5, status: "partial" as const }))),
        totals: { statedGrade: "良", statedGradeText: "等级：良好" },
      }),
    },
  ],
  invalid: [
    {
      name: "良好 for 98",
      ctx: context({ layout: { gradeCell }, totals: { score: 98, grade: "优", statedGrade: "良", statedGradeText: "良好" } }),
      reports: [
        {
          row: 15,
          cell: "H15",
          zh: "填写的等级“良好”与总分 98 对应的等级“优”不一致",
          en: "The stated grade “良好” does not match “优”, the grade of the total score 98",
        },
      ],
    },
    {
      name: "the 等级： prefix is not repeated in the message",
      ctx: context({ layout: { gradeCell }, totals: { score: 59.5, grade: "差", statedGrade: "中", statedGradeText: "等级：合格" } }),
      reports: [{ row: 15, cell: "H15", zh: "填写的等级“合格”与总分 59.5 对应的等级“差”不一致" }],
    },
  ],
});

describe("GRADE_MISMATCH (workbook)", () => {
  test("fires on 良好 written for 100", async () => {
    const result = await checkTable({ rows: tenWith({}), grade: "良好" });
    const [f] = findingsOf(result, "GRADE_MISMATCH");
    expect(f).toMatchObject({ severity: "error", message: { zh: "填写的等级“良好”与总分 100 对应的等级“优”不一致" } });
    expect(f.cell).toBeDefined();
  });
  test("does not fire on 良好 for 85", async () => {
    const rows = tenWith(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, { actual: "90%", score: 8.5 }])));
    expect(codes(await checkTable({ rows, grade: "良好" }))).not.toContain("GRADE_MISMATCH");
  });
});
