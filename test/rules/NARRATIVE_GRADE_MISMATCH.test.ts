import { NARRATIVE_GRADE_MISMATCH } from "../../src/core/rules/NARRATIVE_GRADE_MISMATCH";
import { context, rows } from "./context";
import { ruleTester } from "./ruleTester";

/** A config's four grades under their long names. */
const FOUR_NAMED = [
  { grade: "优秀", min: 90 },
  { grade: "良好", min: 80 },
  { grade: "合格", min: 60 },
  { grade: "不合格", min: -Infinity },
];
const conclusion = (grade: string) => `三、评价结论：综合得分 100 分，等级为“${grade}”。`;
/** Ten partly met rows of 8.5: a total of 85, grade 良. */
const eightyFive = () => rows(...Array.from({ length: 10 }, () => ({ score: 8.5, status: "partial" as const })));

ruleTester(NARRATIVE_GRADE_MISMATCH, {
  valid: [
    { name: "优秀 for 100", ctx: context({ narrative: [conclusion("优秀")] }) },
    { name: "优 for 100", ctx: context({ narrative: ["评价等级为优。"] }) },
    { name: "良好 for 85", ctx: context({ rows: eightyFive(), narrative: ["综合得分 85 分，评价等级：良好。"] }) },
    { name: "优秀 for 100 under grades named 优秀/良好/合格/不合格", ctx: context({ narrative: [conclusion("优秀")], profile: { grades: FOUR_NAMED } }) },
    { name: "优 for 100 under grades named 优秀/良好/合格/不合格", ctx: context({ narrative: ["评价等级为优。"], profile: { grades: FOUR_NAMED } }) },
    { name: "no grade stated", ctx: context({ narrative: ["综合得分 100 分。"] }) },
  ],
  invalid: [
    {
      name: "良好 for 100",
      ctx: context({ narrative: [conclusion("良好")] }),
      reports: [
        {
          row: 3,
          cell: "B3",
          zh: "叙述中的等级“良好”与指标表得分合计 100 分对应的等级“优”不一致",
          en: "The grade “良好” stated in the narrative does not match “优”, the grade of the table's score total 100",
        },
      ],
    },
    {
      name: "优秀 for 85",
      ctx: context({ rows: eightyFive(), narrative: ["综合得分 85 分，等级为“优秀”。"] }),
      reports: [{ cell: "B3", zh: "叙述中的等级“优秀”与指标表得分合计 85 分对应的等级“良”不一致" }],
    },
    {
      name: "良好 for 100 under grades named 优秀/良好/合格/不合格",
      ctx: context({ narrative: [conclusion("良好")], profile: { grades: FOUR_NAMED } }),
      reports: [{ cell: "B3", zh: "叙述中的等级“良好”与指标表得分合计 100 分对应的等级“优秀”不一致" }],
    },
  ],
});
