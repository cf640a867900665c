import { EXECUTION_RATE_MISMATCH } from "../../src/core/rules/EXECUTION_RATE_MISMATCH";
import type { BudgetRow } from "../../src/core/types";
import { context } from "./context";
import { ruleTester } from "./ruleTester";
import { check } from "../../src/core/check";
import type { CheckResult } from "../../src/core/types";
import { projectTable, readBack } from "../builders/layouts";
import { findingsOf } from "./workbook";

/** 预算执行率 row 4 of a project table: budget in C, spent in D, 分值 F, 执行率 G, 得分 H. */
function budget(b: Partial<BudgetRow>): BudgetRow {
  return { row: 4, budget: 100, spent: 90, weight: 10, rate: 0.9, score: 9, rateCol: 7, scoreCol: 8, ...b };
}

ruleTester(EXECUTION_RATE_MISMATCH, {
  valid: [
    { name: "no budget row", ctx: context() },
    { name: "rate and score follow", ctx: context({ budget: budget({}) }) },
    { name: "rate rounded to a whole percent", ctx: context({ budget: budget({ spent: 98.4, rate: 0.98, score: 9.84 }) }) },
    { name: "score worked out from the rounded rate", ctx: context({ budget: budget({ spent: 98.4, rate: 0.98, score: 9.8 }) }) },
    { name: "spending above the budget: score capped", ctx: context({ budget: budget({ spent: 120, rate: 1.2, score: 10 }) }) },
    { name: "spending above the budget: rate capped at 100 %", ctx: context({ budget: budget({ spent: 120, rate: 1, score: 10 }) }) },
    { name: "no rate cell: score from spending", ctx: context({ budget: budget({ rate: undefined, score: 9 }) }) },
    { name: "no spending: score from the stated rate", ctx: context({ budget: budget({ spent: undefined, rate: 0.8, score: 8 }) }) },
    { name: "budget of 0 cannot be checked for the rate", ctx: context({ budget: budget({ budget: 0, rate: 0.5, score: 5 }) }) },
    { name: "score missing", ctx: context({ budget: budget({ score: undefined }) }) },
  ],
  invalid: [
    {
      name: "rate against the wrong base",
      ctx: context({ budget: budget({ rate: 0.75, score: 9 }) }),
      reports: [
        {
          row: 4,
          cell: "G4",
          zh: "预算执行率行的执行率 75% 应为 90%（全年执行数 90 ÷ 全年预算数 100）",
          en: "The budget execution rate 75% should be 90% (spent 90 ÷ budget 100)",
        },
      ],
    },
    {
      name: "full score for 90 % spent",
      ctx: context({ budget: budget({ score: 10 }) }),
      reports: [
        {
          row: 4,
          cell: "H4",
          zh: "预算执行率行的得分 10 应为 9（执行率 90% × 分值 10）",
          en: "The budget execution score 10 should be 9 (rate 90% × weight 10)",
        },
      ],
    },
    {
      name: "both wrong: two cells",
      ctx: context({ budget: budget({ spent: 85.5, rate: 0.9, score: 9 }) }),
      reports: [
        { row: 4, cell: "G4", zh: "预算执行率行的执行率 90% 应为 85.5%（全年执行数 85.5 ÷ 全年预算数 100）" },
        { row: 4, cell: "H4", zh: "预算执行率行的得分 9 应为 8.55（执行率 85.5% × 分值 10）" },
      ],
    },
    {
      name: "score above the weight when spending exceeds the budget",
      ctx: context({ budget: budget({ spent: 110, rate: 1.1, score: 11 }) }),
      reports: [{ row: 4, cell: "H4", en: "The budget execution score 11 should be 10 (rate 110% × weight 10, capped at the weight)" }],
    },
    {
      name: "no rate column: the finding has no cell",
      ctx: context({ budget: budget({ rateCol: undefined, rate: 0.5 }) }),
      reports: [{ row: 4, cell: undefined }],
    },
  ],
});

/** The 项目支出 table of test/builders/layouts.ts (budget row 6: 全年预算数 D 120, 全年执行数 E 114, 分值 F 10, 执行率 G 95 %, 得分 H 9.5; 总分 row 17), changed by `edit`. */
async function checkProject(edit: (ws: import("exceljs").Worksheet) => void = () => {}, rateAsText = false): Promise<CheckResult> {
  const wb = projectTable({ rateAsText });
  edit(wb.getWorksheet("项目支出")!);
  const out = check(await readBack(wb));
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

describe("EXECUTION_RATE_MISMATCH (workbook)", () => {
  test("fires on full marks for 95 % spent", async () => {
    const result = await checkProject((ws) => {
      ws.getCell("H6").value = 10;
      ws.getCell("H17").value = 100;
    });
    expect(findingsOf(result, "EXECUTION_RATE_MISMATCH")).toMatchObject([
      { row: 6, cell: "H6", severity: "error", message: { zh: "预算执行率行的得分 10 应为 9.5（执行率 95% × 分值 10）" } },
    ]);
  });
  test("fires on a rate worked out against 年初预算数", async () => {
    const result = await checkProject((ws) => {
      ws.getCell("G6").value = 1;
    });
    expect(findingsOf(result, "EXECUTION_RATE_MISMATCH")).toMatchObject([{ row: 6, cell: "G6", message: { en: expect.stringContaining("should be 95%") } }]);
  });
  test("does not fire when rate and score follow from the budget", async () => {
    const result = await checkProject();
    expect(result.budget).toMatchObject({ row: 6, rate: 0.95, score: 9.5 });
    expect(findingsOf(result, "EXECUTION_RATE_MISMATCH")).toEqual([]);
  });
  test("does not fire on a rate written as text 95%", async () => {
    expect(findingsOf(await checkProject(undefined, true), "EXECUTION_RATE_MISMATCH")).toEqual([]);
  });
});
