import { NARRATIVE_SUM_MISMATCH } from "../../src/core/rules/NARRATIVE_SUM_MISMATCH";
import { context } from "./context";
import { ruleTester } from "./ruleTester";

/** The seed's 收入 and 支出 paragraphs, as printed. */
const INCOME = [
  "（一）收入总计 3625.29 万元。包括：",
  "1．一般公共预算财政拨款收入 3542.32 万元，为当年从同级财政取得的一般公共预算拨款，与上年相比增加 541.58 万元，增长 18.05%。",
  "2．政府性基金预算财政拨款收入 45 万元，为当年从同级财政取得的政府性基金预算拨款，与上年相比增加 45 万元，上年决算数为 0 万元，无法计算比率。",
];
const SPENDING = [
  "（二）支出总计 3625.29 万元。包括：",
  "1．一般公共服务（类）支出 3557.93 万元，主要用于保障机关正常运转。与上年相比增加 555.19 万元，增长 18.49%。",
  "2．城乡社区（类）支出 45 万元，主要用于弥补办公经费不足，保障机关正常运转。",
  "3．年末结转和结余 22.36 万元，主要为……需要延迟到以后年度按有关规定使用的资金。",
];

ruleTester(NARRATIVE_SUM_MISMATCH, {
  valid: [
    { name: "the seed's 支出: 3557.93 + 45 + 22.36 = 3625.29", ctx: context({ narrative: SPENDING }) },
    { name: "a total not followed by 包括 is not a sum", ctx: context({ narrative: ["收入、支出总计 3625.29 万元，与上年相比增加 584.58 万元。"] }) },
    { name: "components in 元 against a total in 万元", ctx: context({ narrative: ["支出合计 1.5 万元，其中：", "1．基本支出 10,000 元；", "2．项目支出 5,000.00 元。"] }) },
  ],
  invalid: [
    {
      name: "the seed's 收入: 3542.32 + 45 = 3587.32, 37.97 short of 3625.29",
      ctx: context({ narrative: [...INCOME, ...SPENDING] }),
      reports: [
        {
          row: 3,
          cell: "B3",
          zh: "收入总计 3625.29万元 与所列各项之和 3587.32万元（3542.32 + 45）不一致，相差 37.97万元",
          en: "收入总计 3625.29 万元 does not equal the sum of the items listed under it, 3587.32 万元 (3542.32 + 45): 37.97 万元 apart",
        },
      ],
    },
    {
      name: "a component over the total: the difference is negative",
      ctx: context({ narrative: ["支出合计 100 万元，其中：1．基本支出 60 万元；2．项目支出 40.5 万元。"] }),
      reports: [{ cell: "B3", zh: "支出合计 100万元 与所列各项之和 100.5万元（60 + 40.5）不一致，相差 -0.5万元" }],
    },
  ],
});
