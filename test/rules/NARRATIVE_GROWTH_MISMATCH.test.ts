import { NARRATIVE_GROWTH_MISMATCH } from "../../src/core/rules/NARRATIVE_GROWTH_MISMATCH";
import { context } from "./context";
import { ruleTester } from "./ruleTester";

const OPENING = (rate: string) =>
  `二、部门收支基本情况：如皋市行政审批局 2020 年度收入、支出总计 3625.29 万元，与上年相比收、支总计各增加 584.58 万元，增长 ${rate}。其中：`;

ruleTester(NARRATIVE_GROWTH_MISMATCH, {
  valid: [
    { name: "the seed: 584.58 ÷ (3625.29 − 584.58) = 19.23 %", ctx: context({ narrative: [OPENING("19.23%")] }) },
    {
      name: "the seed: 555.19 ÷ (3557.93 − 555.19) = 18.49 %, the change in the next sentence",
      ctx: context({ narrative: ["1．一般公共服务（类）支出 3557.93 万元，主要用于保障机关正常运转。与上年相比增加 555.19 万元，增长 18.49%。"] }),
    },
    { name: "no rate when last year was 0", ctx: context({ narrative: ["2．城乡社区（类）支出 45 万元。与上年相比增加 45 万元，上年决算数为 0 万元，无法计算比率。"] }) },
    { name: "a decrease: 100 ÷ (900 + 100) = 10 %", ctx: context({ narrative: ["支出 900 万元，比上年减少 100 万元，下降 10%。"] }) },
  ],
  invalid: [
    {
      name: "a rate off by 0.1",
      ctx: context({ narrative: [OPENING("19.33%")] }),
      reports: [
        {
          row: 3,
          cell: "B3",
          zh: "叙述中的增长 19.33% 应为 19.23%：584.58 ÷ 上年数 3040.71（3625.29 − 584.58）",
          en: "The stated rate 19.33% should be 19.23%: 584.58 ÷ last year's 3040.71 (3625.29 − 584.58)",
        },
      ],
    },
    {
      name: "a decrease's rate taken on this year's amount (100 ÷ 900)",
      ctx: context({ narrative: ["支出 900 万元，比上年减少 100 万元，下降 11.11%。"] }),
      reports: [{ cell: "B3", zh: "叙述中的下降 11.11% 应为 10%：100 ÷ 上年数 1000（900 + 100）" }],
    },
  ],
});
