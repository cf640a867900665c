import { NARRATIVE_RATE_MISMATCH } from "../../src/core/rules/NARRATIVE_RATE_MISMATCH";
import { context } from "./context";
import { ruleTester } from "./ruleTester";

const budget = { row: 4, budget: 100, spent: 90, weight: 10, rate: 0.9, score: 9, rateCol: 7, scoreCol: 8 };

ruleTester(NARRATIVE_RATE_MISMATCH, {
  valid: [
    { name: "the budget row's 90 %", ctx: context({ budget, narrative: ["项目预算执行率为 90%。"] }) },
    { name: "90.00 %", ctx: context({ budget, narrative: ["全年预算执行率达到 90.00%。"] }) },
    { name: "a target is not the rate reached", ctx: context({ budget, narrative: ["年度目标：预算执行率达到 100%。"] }) },
    { name: "no rate in the table", ctx: context({ narrative: ["项目预算执行率为 96.5%。"] }) },
    { name: "the rate from spending ÷ budget when the row states none", ctx: context({ budget: { ...budget, rate: undefined }, narrative: ["预算执行率 90%"] }) },
  ],
  invalid: [
    {
      name: "96.5 % against 90 %",
      ctx: context({ budget, narrative: ["项目预算执行率为 96.5%。"] }),
      reports: [
        {
          row: 3,
          cell: "B3",
          zh: "叙述中的预算执行率 96.5% 与指标表第 4 行的预算执行率 90% 不一致",
          en: "The budget execution rate 96.5% stated in the narrative does not match 90% in row 4 of the table",
        },
      ],
    },
    { name: "90.1 % against 90 %: beyond 0.01 point", ctx: context({ budget, narrative: ["预算执行率：90.1%"] }), reports: [{ cell: "B3" }] },
  ],
});
