/**
 * 湖南省衡阳市衡山县商务和粮食局, 2020年度县级专项资金绩效目标自评表 for the 县级储备粮 fund, as shared
 * (a 2-page .docx) on taowenge.com. The stored copy is the document's text run together; the table is
 * visible from its title to the 说明 row; only the notes under it are cut off ("…同一项目的自").
 *
 * This self-evaluation table has NO 分值 and NO 得分 column at all: indicators, 年度指标值, 全年完成值 and a
 * reason column. Nothing is scored, there is no total. A reviewer would say: a completion table, not a
 * scored self-evaluation; nothing for scorecheck to add up.
 *
 * Transcription notes: the extraction prints `≥` as `2` ("市民满意度调查290%100%", as it does in other
 * 淘文阁 copies); it is kept as `≥90%`. The 绩效指标 / 效益指标 labels are printed twice (the docx table
 * breaks across the page after 政策性挂账利息补贴保障率), so they are two merged blocks each. Line breaks
 * inside cells ("县级储备粮管理制 度严格执行率") are the narrow column's wrapping and are joined.
 */
import type { RealForm } from "../support";

export const form: RealForm = {
  source: {
    title: "2020年度县级专项资金绩效目标自评表 (县级储备粮, 衡山县商务和粮食局)",
    url: "https://taowenge.com/p-72820237.html",
    published: "unknown (the stored copy shows no date)",
    retrieved: "2026-12-07",
  },
  place: "湖南省·衡阳市衡山县",
  year: 2020,
  kind: "project",
  features: [
    "no 分值 / 得分 column at all: 年度指标值 | 全年完成值 | 未完成原因和改进措施 only",
    "no total row; 说明 row under the table",
    "绩效指标 / 效益指标 labels printed twice across a page break",
    "budget block 全年预算数(A) | 全年执行数(B) | 执行率(B/A) with no 分值",
  ],
  sheets: [
    {
      name: "自评表",
      rows: [
        ["2020年度县级专项资金绩效目标自评表", null, null, null, null, null, null],
        ["专项资金名称", "县级储备粮", null, "负责人及电话", "旷建成、向建军", null, null],
        ["县级主管部门", "衡山县商务和粮食局", null, "实施单位", "粮食调控储备与产业发展股", null, null],
        ["项目资金(万元)", null, null, "全年预算数(A)", "全年执行数(B)", "执行率(B/A)", null],
        [null, "年度资金总额", null, 194.9, 194.9, "100%", null],
        [null, "其中:中央、省、市补助县级资金", null, 194.9, 194.9, "100%", null],
        [null, "其他资金", null, null, null, null, null],
        ["年度总体目标", "年初设定目标", null, null, "全年实际完成情况", null, null],
        [null, "保持和稳定地方粮食储备机制", null, null, "地方储备粮食规模达标", null, null],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
        [null, "产出指标", "数量指标", "5000吨稻谷、500吨成品粮储备到位率", "100%", "100%", null],
        [null, null, null, "库存数量真实率", "100%", "100%", null],
        [null, null, "质量指标", "县级储备粮管理制度严格执行率", "100%", "100%", null],
        [null, null, null, "储备粮管理专户管理率", "100%", "100%", null],
        [null, null, null, "县级储备粮库存粮食明显变质比例", 0, 0, null],
        [null, null, "时效指标", "县级储备粮贷款付息及时率", "100%", "100%", null],
        [null, null, null, "县级储备粮应急保障率", "100%", "100%", null],
        [null, null, "成本指标", "国家政策性粮收购价格执行率", "100%", "100%", null],
        [null, null, null, "县级储备粮库存成本核算率", "100%", "100%", null],
        [null, "效益指标", "经济效益指标", "利息费用保障率", "100%", "100%", null],
        [null, null, null, "政策性挂账利息补贴保障率", "100%", "无", "没有轮换、动用库存"],
        ["绩效指标", "效益指标", "生态效益指标", "低温、低氧、低剂量科学保粮率", "100%", "100%", null],
        [null, null, null, "食品安全指标达标率", "100%", "100%", null],
        [null, null, "可持续影响指标", "粮食储备设备维护及安全性", "高", "高", null],
        [null, "满意度指标", "服务对象满意度指标", "因粮食市场波动引起的粮食安全事件发生数", "0起", "0起", null],
        [null, null, null, "市民满意度调查", "≥90%", "100%", null],
        ["说明", "无", null, null, null, null, null],
        ["注:1、其他资金包括和中央、省、市补助、地方财政资金共同投入到同一项目的自", null, null, null, null, null, null],
      ],
      merges: [
        "A1:G1",
        "B2:C2",
        "E2:G2",
        "B3:C3",
        "E3:G3",
        "A4:A7",
        "B4:C4",
        "F4:G4",
        "B5:C5",
        "F5:G5",
        "B6:C6",
        "F6:G6",
        "B7:C7",
        "F7:G7",
        "A8:A9",
        "B8:D8",
        "E8:G8",
        "B9:D9",
        "E9:G9",
        "A10:A21",
        "B11:B19",
        "C11:C12",
        "C13:C15",
        "C16:C17",
        "C18:C19",
        "B20:B21",
        "C20:C21",
        "A22:A26",
        "B22:B24",
        "C22:C23",
        "B25:B26",
        "C25:C26",
        "B27:G27",
        "A28:G28",
      ],
    },
  ],
};
