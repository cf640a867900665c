import type { RealForm } from "../support";

/**
 * 宁晋县 (河北·邢台) 2019 高中助学金项目绩效评价指标表, published by the county education bureau as
 * a spreadsheet (the page links `2019年度宁晋县高中助学金项目绩效评价指标表.xlsx` and prints it).
 * It is the indicator table the project was to be judged by — 指标名称, 指标说明, 目标值, 分值 — with
 * no 完成值 and no 得分 column: nothing has been scored on it. Σ分值 = 20 + 10 + 10 + 10 + 10 + 20 + 20
 * = 100 = the printed 总分.
 *
 * Layout read from the page's text, which runs the cells of each row together: 评价指标 | 评价内容 |
 * 指标名称 | 指标说明 | 目标值 | 分值 | 备注. `项目年度绩效目标(定量指标)` is printed once and spans every
 * row (merged); `产出数量指标` and `质量指标` are printed once for two rows each (merged). Three rows
 * print fewer cells than the others (`制度指标规章制度建立与否20`, `质量指标建档立卡学生全面覆盖100%10`,
 * `成本指标资助标准达标率100%20`); they are split as name | 说明 | 目标值 by analogy with the rows
 * that print all cells (`享受资助人数 | 达到预计值 | 2100`) where a 说明 word closes the name
 * (建立与否, 全面覆盖), and left with an empty 说明 where none does (资助标准达标率).
 */
export const form: RealForm = {
  source: {
    title: "2019年度宁晋县高中助学金项目绩效评价指标表（宁晋县人民政府网，发布机构：教育局）",
    url: "https://www.ningjin.gov.cn/content/26279.html",
    published: "2020-12-02",
    retrieved: "2026-12-07",
  },
  place: "河北省·邢台市宁晋县",
  year: 2019,
  kind: "project",
  features: [
    "indicator table without 完成值 or 得分 (targets and weights only)",
    "总分 row holding Σ分值 100",
    "level-1 label merged down every row",
  ],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["2019年度宁晋县高中助学金项目绩效评价指标表", null, null, null, null, null, null],
        ["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注"],
        ["项目年度绩效目标(定量指标)", "制度指标", "规章制度", "建立与否", null, 20, null],
        [null, "产出数量指标", "享受资助人数", "达到预计值", 2100, 10, null],
        [null, null, "资金支出率", "达到目标值", "95%", 10, null],
        [null, "质量指标", "建档立卡学生", "全面覆盖", "100%", 10, null],
        [null, null, "资助对象满意度", "达到目标值", "95%以上", 10, null],
        [null, "时效指标", "及时发放率", "达到目标值", "100%", 20, null],
        [null, "成本指标", "资助标准达标率", null, "100%", 20, null],
        ["总分", null, null, null, null, 100, null],
      ],
      merges: ["A1:G1", "A3:A9", "B4:B5", "B6:B7", "A10:E10"],
    },
  ],
};
