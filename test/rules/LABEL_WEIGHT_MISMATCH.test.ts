import { LABEL_WEIGHT_MISMATCH } from "../../src/core/rules/LABEL_WEIGHT_MISMATCH";
import type { WeightGroup } from "../../src/core/types";
import { context, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

const g = (kind: WeightGroup["kind"], label: string, weight: number, row: number, rowsIn: number[]): WeightGroup => ({ kind, label, weight, row, col: kind === "block" ? 1 : 2, score: 0, rows: rowsIn });

ruleTester(LABEL_WEIGHT_MISMATCH, {
  valid: [
    { name: "no label", ctx: context() },
    { name: "a level1 label that its rows' weights make up", ctx: context({ rows: rows({}, {}), groups: [g("level1", "产出指标（20分）", 20, 5, [5, 6])] }) },
    {
      name: "a block made up by its level labels",
      ctx: context({ rows: rows({ weight: null }, { weight: null }, { weight: null }), groups: [g("block", "年度绩效目标（80分）", 80, 4, [5, 6, 7]), g("level1", "产出指标（50分）", 50, 5, [5, 6]), g("level1", "效益指标（30分）", 30, 7, [7])] }),
    },
    { name: "rows without weights say nothing", ctx: context({ rows: rows({ weight: null }, { weight: null }), groups: [g("level1", "产出指标（20分）", 30, 5, [5, 6])] }) },
    {
      name: "a label over only empty slots is counted inside its parent, and says nothing itself",
      ctx: context({ rows: rows({}, {}), groups: [g("level1", "部门绩效（40分）", 40, 5, [5, 6]), g("level2", "履职成效（20分）", 20, 5, []), g("level2", "满意度（20分）", 20, 5, [5, 6])] }),
    },
  ],
  invalid: [
    {
      name: "level labels 60 + 40 inside an 80-point block",
      ctx: context({ rows: rows({ weight: null }, { weight: null }, { weight: null }), groups: [g("block", "年度绩效目标（80分）", 80, 4, [5, 6, 7]), g("level1", "产出指标（60分）", 60, 5, [5, 6]), g("level1", "效益指标（40分）", 40, 7, [7])] }),
      reports: [
        {
          row: 4,
          cell: "A4",
          zh: "“年度绩效目标（80分）”标明 80 分，其下各项标明的分值合计 100 分",
          en: "The label “年度绩效目标（80分）” states 80 points but the points of the labels inside it add up to 100",
        },
      ],
    },
    {
      name: "rows weighing 10 + 10 under 产出指标（30分）",
      ctx: context({ rows: rows({}, {}), groups: [g("level1", "产出指标（30分）", 30, 5, [5, 6])] }),
      reports: [{ row: 5, cell: "B5", zh: "“产出指标（30分）”标明 30 分，其下各行权重合计 20 分" }],
    },
  ],
});

describe("LABEL_WEIGHT_MISMATCH (workbook)", () => {
  test("a 一级 label whose rows weigh more than it states", async () => {
    const result = await checkTable({ rows: tenWith({ 0: { level1: "产出指标（40分）" }, 1: { level1: "产出指标（40分）" }, 2: { level1: "产出指标（40分）" }, 3: { level1: "产出指标（40分）" }, 4: { level1: "产出指标（40分）" } }) });
    expect(findingsOf(result, "LABEL_WEIGHT_MISMATCH")).toMatchObject([{ row: 5, cell: "A5", severity: "warning" }]);
  });
  test("silent when the rows make it up", async () => {
    const result = await checkTable({ rows: tenWith({ 0: { level1: "产出指标（50分）" }, 1: { level1: "产出指标（50分）" }, 2: { level1: "产出指标（50分）" }, 3: { level1: "产出指标（50分）" }, 4: { level1: "产出指标（50分）" } }) });
    expect(findingsOf(result, "LABEL_WEIGHT_MISMATCH")).toEqual([]);
  });
});
