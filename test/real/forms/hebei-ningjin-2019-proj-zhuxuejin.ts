/**
 * 河北省邢台市宁晋县教育局, 2019年度宁晋县高中助学金项目绩效评价指标表, published on the county's site
 * (2020-12-02, 决算信息) with the .xlsx attached. The whole table is on the page.
 *
 * Not a self-evaluation: the table lists the indicators, their 目标值 and 分值 (20 + 10 + 10 + 10 + 10 + 20
 * + 20 = 100 = 总分) but has no 完成值 and no 得分 column. A reviewer would say: an evaluation indicator
 * table (weights only), nothing scored, nothing for a score check.
 *
 * Reading of the page's flattened text (cells run together): the 指标说明 cell is filled only where a
 * phrase such as 达到目标值 / 达到预计值 stands between the name and the number; elsewhere (规章制度建立与否,
 * 建档立卡学生全面覆盖, 资助标准达标率) the name is taken whole and 指标说明 left empty, and 规章制度建立与否
 * has no 目标值. 评价内容 cells cover the rows below them until the next one (merges).
 */
import type { RealForm } from "../support";

export const form: RealForm = {
  source: {
    title: "2019年度宁晋县高中助学金项目绩效评价指标表",
    url: "https://www.ningjin.gov.cn/content/26279.html",
    published: "2020-12-02",
    retrieved: "2026-12-07",
  },
  place: "河北省·邢台市宁晋县",
  year: 2019,
  kind: "project",
  features: [
    "evaluation indicator table: 目标值 and 分值 only, no 完成值, no 得分",
    "header 评价指标 | 评价内容 | 指标名称 | 指标说明 | 目标值 | 分值 | 备注",
    "总分 row states 100 = Σ分值",
  ],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["2019年度宁晋县高中助学金项目绩效评价指标表", null, null, null, null, null, null],
        ["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注"],
        ["项目年度绩效目标(定量指标)", "制度指标", "规章制度建立与否", null, null, 20, null],
        [null, "产出数量指标", "享受资助人数", "达到预计值", 2100, 10, null],
        [null, null, "资金支出率", "达到目标值", "95%", 10, null],
        [null, "质量指标", "建档立卡学生全面覆盖", null, "100%", 10, null],
        [null, null, "资助对象满意度", "达到目标值", "95%以上", 10, null],
        [null, "时效指标", "及时发放率", "达到目标值", "100%", 20, null],
        [null, "成本指标", "资助标准达标率", null, "100%", 20, null],
        ["总分", null, null, null, null, 100, null],
      ],
      merges: ["A1:G1", "A3:A9", "B4:B5", "B6:B7", "A10:E10"],
    },
  ],
};
