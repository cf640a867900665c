import type { RealForm } from "../support";

/**
 * A district commerce bureau's 项目自评表 for 2020年市级服务贸易发展资金, on the Hubei-style template
 * (项目类别 / 属性 / 类型 lines, 预算执行情况（万元）（20分） scored by `得分（20分*执行率）`, one
 * `年度绩效目标（80分）` block, 偏差大或目标未完成原因分析 …). The page does not name the city or province.
 * No per-row 分值 column: the weights are in the labels, `年度绩效目标（80分）` (column A, merged down the
 * block) and the level-1 cells `产出指标（60分）` / `效益指标（40分）`.
 *
 * Published mistakes, kept as printed: the level-1 weights 60 + 40 = 100 overrun the block's 80; the
 * rows score 6 × 10 + 20 + 20 = 100 inside that 80-point block; with the budget's 20 the scores add
 * up to 120, while the stated 总分 is 100.
 *
 * Layout read from the page's text (a PDF flattened in reading order, so labels and values come out
 * interleaved): same column plan as the Hubei template — A block labels, B–D levels, E target, F
 * result, G score. The level-2 cells 数量指标 (3 rows) and 时效指标 (2 rows) are merged down their
 * rows, as the text prints each once. The checkbox marks (□) are kept where printed; the template's
 * 备注, cut off in the stored copy, is left out.
 */
export const form: RealForm = {
  source: {
    title: "12---【市财政局、市商务局拨付2020年市级服务贸易发展资金的通知】项目自评表.doc（2020年市级服务贸易发展资金项目自评表，单位名称：区商务局，填报日期：2021年4月22日）",
    url: "https://www.kunmingchi.com/archives/973rxnk2je7n4oep6ym4.html",
    published: "2021-04-22",
    retrieved: "2026-12-07",
  },
  place: "未注明（某区商务局；湖北式模板）",
  year: 2020,
  kind: "project",
  features: [
    "no per-row weight column",
    "weights in level-1 labels (产出指标（60分）, 效益指标（40分）) and a block label (年度绩效目标（80分）)",
    "budget block scored by header 得分（20分*执行率）",
    "qualitative targets and results as sentences",
  ],
  publishedMistakes: [
    "level-1 weights 60 + 40 = 100 exceed the block weight 年度绩效目标（80分）",
    "Σ得分 = 20 (budget) + 100 = 120, stated 总分 100",
  ],
  sheets: [
    {
      name: "项目自评表",
      rows: [
        ["2020年市级服务贸易发展资金项目自评表", null, null, null, null, null, null],
        ["单位名称：区商务局", null, null, null, "填报日期：2021年4月22日", null, null],
        ["项目名称", "2020年市级服务贸易发展资金", null, "主管部门", "区商务局", "项目实施单位", "投资促进中心"],
        ["项目类别", "1、部门预算项目  2、区直专项", null, null, null, null, null],
        ["项目属性", "1、持续性项目  2、新增性项目 □", null, null, null, null, null],
        ["项目类型", "1、常年性项目  2、延续性项目 □  3、一次性项目 □", null, null, null, null, null],
        ["预算执行情况（万元）（20分）", null, "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）", null],
        [null, "年度财政资金总额", 285.84, 285.84, "100%", 20, null],
        ["年度绩效目标（80分）", "一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
        [null, "产出指标（60分）", "数量指标", "服务外包在岸（万美元）", 20000, 23333.56, 10],
        [null, null, null, "服务外包离岸（万美元）", 4500, 4557.51, 10],
        [null, null, null, "支持服务贸易、服务外包企业数量", 3, 3, 10],
        [null, null, "质量指标", "企业国际质量提升", "获得目的国（地区）受众欢迎", "受目的国受众欢迎显著", 10],
        [null, null, "时效指标", "预算资金执行率", "90%", "100%", 10],
        [null, null, null, "资金拨付及时性", "98%以上", "100%", 10],
        [
          null,
          "效益指标（40分）",
          "社会效益指标",
          "企业把握政治导向和文化方向情况",
          "企业把握正确政治导向和文化方向情况的评价",
          "企业较好把握正确政治导向和文化方向情况的评价",
          20,
        ],
        [null, null, "可持续影响指标", "推动企业走出去方面发挥的作用", "是否利于企业走出去", "有利于推动企业走出去", 20],
        ["总分", null, null, null, null, null, 100],
        ["偏差大或目标未完成原因分析", null, null, null, null, null, null],
        ["改进措施及结果应用方案", null, null, null, null, null, null],
        ["单位主要负责人签批意见", "签名：          年    月    日", null, null, null, null, null],
      ],
      merges: [
        "A1:G1",
        "A2:D2",
        "E2:G2",
        "B3:C3",
        "B4:G4",
        "B5:G5",
        "B6:G6",
        "A7:A8",
        "F7:G7",
        "F8:G8",
        "A9:A17",
        "B10:B15",
        "C10:C12",
        "C14:C15",
        "B16:B17",
        "A18:F18",
        "B19:G19",
        "B20:G20",
        "B21:G21",
      ],
    },
  ],
};
