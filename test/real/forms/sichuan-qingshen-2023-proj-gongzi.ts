/**
 * 四川省眉山市青神县发展和改革局, 2023 部门预算项目支出绩效自评表 for its 工资性支出 project,
 * as published on the county's site. The form was published UNFILLED: 完成值 and 得分 are empty on
 * every row, the budget row's 得分 is empty, and the 合计 row states only the weight total (100).
 *
 * Layout as printed (Sichuan's 2023 template): budget block 预算执行情况(10分) with its own 权重 / 得分
 * columns (G / H), then the indicator block 绩效指标(90分) whose header repeats its own column names
 * with 权重 / 得分 in I / J. The page flattens the HTML table: the merges below are the most plausible
 * reading of its row and column spans (the 合计 label spanning A:H so that 100 falls under 权重 is
 * the reading that puts the stated total in the 权重 column, as the template has it).
 * Amounts are numbers (the page prints 0.00 for 0); rates are the printed text (100.00%, 0.00%).
 */
import type { RealForm } from "../support";

const reasonNote =
  "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.";

export const form: RealForm = {
  source: {
    title: "青神县发展和改革局 部门预算项目支出绩效自评表(2023年度) 工资性支出",
    url: "https://www.scqs.gov.cn/info/13206/211004.htm",
    published: "unknown (the stored copy shows no date)",
    retrieved: "2026-12-07",
  },
  place: "四川省·眉山市青神县",
  year: 2023,
  kind: "project",
  features: [
    "budget block with its own 权重/得分 columns (G/H) above an indicator block with 权重/得分 in I/J",
    "published unfilled: no 完成值, no 得分 anywhere, no stated total score",
    "合计 row states only the weight total 100 (60 + 30 + budget 10)",
    "`/` in the budget sub-rows' 权重/得分",
    "指标性质 column (=) and 度量单位 column (%) beside 指标值",
  ],
  publishedMistakes: [
    "The self-evaluation is not filled in: 完成值, every 得分, the budget row's 得分 and the total score are empty; 评价结论/存在问题/改进措施 still hold the template's instructions.",
  ],
  sheets: [
    {
      name: "自评表",
      rows: [
        ["报表编号:510000_0013zp", null, null, null, null, null, null, null, null, null, null],
        ["部门预算项目支出绩效自评表(2023年度)", null, null, null, null, null, null, null, null, null, null],
        ["项目名称", "51000021R000000019951-工资性支出", null, null, null, null, null, null, null, null, null],
        ["主管部门", "青神县发展和改革局本级", null, null, null, "实施单位 (盖章)", null, "青神县发展和改革局", null, null, null],
        ["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", null, null, null, "年度目标完成情况", null, null, null, null],
        [
          null,
          null,
          "严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。",
          null,
          null,
          null,
          "对照年度目标,说明相关任务目标的完成情况(100字以内)",
          null,
          null,
          null,
          null,
        ],
        [null, "2.项目实施内容及过程概述", null, null, null, null, null, null, null, null, null],
        ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因", null, null],
        [null, "总额", 238.93, 251.89, 251.89, "100.00%", 10, null, reasonNote, null, null],
        [null, "其中:财政资金", 238.93, 251.89, 251.89, "100.00%", "/", "/", null, null, null],
        [null, "财政专户管理资金", 0, 0, 0, "0.00%", "/", "/", null, null, null],
        [null, "单位资金", 0, 0, 0, "0.00%", "/", "/", null, null, null],
        [null, "其他资金", null, null, null, null, "/", "/", null, null, null],
        ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
        [null, "产出指标", "数量指标", "发放(缴纳)覆盖率", "=", 100, "%", null, 60, null, null],
        [null, "效益指标", "社会效益指标", "足额保障率(参保率)", "=", 100, "%", null, 30, null, null],
        ["合计", null, null, null, null, null, null, null, 100, null, null],
        ["评价结论", "结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)", null, null, null, null, null, null, null, null, null],
        ["存在问题", "结合自评情况,分析存在的问题及原因。(200字以内)", null, null, null, null, null, null, null, null, null],
        ["改进措施", "针对项目自评中发现的问题,提出下一步改进完善的意见及有关政策性建议。(200字以内)", null, null, null, null, null, null, null, null, null],
        ["项目负责人:", null, null, null, null, "财务负责人:", null, null, null, null, null],
      ],
      merges: [
        "A1:K1",
        "A2:K2",
        "B3:K3",
        "B4:E4",
        "F4:G4",
        "H4:K4",
        "A5:A7",
        "B5:B6",
        "C5:F5",
        "G5:K5",
        "C6:F6",
        "G6:K6",
        "C7:K7",
        "A8:A13",
        "I8:K8",
        "I9:K13",
        "A14:A16",
        "A17:H17",
        "B18:K18",
        "B19:K19",
        "B20:K20",
        "A21:E21",
        "F21:K21",
      ],
    },
  ],
};
