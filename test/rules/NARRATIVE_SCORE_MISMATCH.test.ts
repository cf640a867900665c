import { NARRATIVE_SCORE_MISMATCH } from "../../src/core/rules/NARRATIVE_SCORE_MISMATCH";
import { context } from "./context";
import { ruleTester } from "./ruleTester";

/** The seed's 评价结论 with a score; ten rows of 10 make a table total of 100. */
const conclusion = (score: string) => `三、评价结论：经综合评价，得出 2020 年度部门整体支出绩效评价综合得分 ${score} 分，等级为“优秀”。`;

ruleTester(NARRATIVE_SCORE_MISMATCH, {
  valid: [
    { name: "the table's total stated", ctx: context({ narrative: [conclusion("100")] }) },
    { name: "within a cent", ctx: context({ narrative: [conclusion("99.995")] }) },
    { name: "full-width digits", ctx: context({ narrative: [conclusion("１００")] }) },
    { name: "no narrative", ctx: context() },
    {
      name: "a table nobody has scored yet: nothing to compare (its empty scores are SCORE_MISSING)",
      ctx: context({ narrative: [conclusion("98")], rows: context().rows.map((r) => ({ ...r, score: { kind: "empty" as const } })) }),
    },
    { name: "a narrative without a composite score", ctx: context({ narrative: ["本次评价指标总分 100 分。"] }) },
  ],
  invalid: [
    {
      name: "98 stated over a total of 100",
      ctx: context({ narrative: ["一、评价思路和方式：……", conclusion("98")] }),
      reports: [
        {
          row: 4,
          cell: "B4",
          zh: "叙述中的综合得分 98 分与指标表得分合计 100 分不一致",
          en: "The composite score 98 stated in the narrative does not match the table's score total 100",
        },
      ],
    },
    {
      name: "each statement of the score is checked (自评得分 too)",
      ctx: context({ narrative: [conclusion("95"), "部门自评得分为 90 分。"] }),
      reports: [{ cell: "B3" }, { cell: "B4", zh: "叙述中的综合得分 90 分与指标表得分合计 100 分不一致" }],
    },
  ],
});

test("the report names the narrative's sheet and quotes the sentence", () => {
  const [r] = NARRATIVE_SCORE_MISMATCH.check(context({ narrative: [conclusion("98")] }));
  expect(r).toMatchObject({ sheet: "自评价表", row: 3, cell: "B3", quote: "经综合评价，得出2020年度部门整体支出绩效评价综合得分98分，等级为“优秀”。" });
});
