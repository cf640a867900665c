import type { RealForm } from "../support";

/**
 * 云南省保山市施甸县农业农村局, 2021年度项目支出绩效自评表 for 保山猪保种场建设项目, published on the
 * county's site under 绩效评价. The whole table is in the stored copy, from its title to 总分 and the two
 * text rows under it.
 *
 * Layout: the 保山 template (the same shape as Hubei's 鄂财绩发〔2020〕3号 form): no per-row 分值 column;
 * weights only in the block labels `预算执行情况(万元)(20分)` and `年度绩效目标(80分)` (column A, merged down
 * each block); B–D the three indicator levels, E–F target and result, G the score.
 *
 * Published unfilled: the project had not started (its own 原因分析 says so), so 执行数 is 0.00, 执行率
 * 0.0000, no row has a 实际完成值 or a 得分, and 总分 is empty.
 *
 * Reading of the stored copy (the page's table flattened to text, one table row per line):
 * - The budget header prints only `预算数(A) 执行数(B) 执行率(B/A)`; the `得分(20分*执行率)` column that
 *   the other 保山 forms of this template carry (隆阳区, 昌宁县) is not in this one, and the budget row has
 *   no score. Kept as printed: no 得分 header over the budget block.
 * - 执行数 `0.00` and 执行率 `0.0000` are taken as the numbers 0 (the decimals are the cells' format).
 * - 项目类别 / 项目属性: the check marks did not survive the flattening (only the unchecked `□` of the
 *   last option of each is printed); the options are kept as printed.
 * - `效益指标 年新增畜牧产值 (万元) 500`: no 二级 label is printed under 效益指标, so 效益指标 is taken as
 *   the 一级 cell (merged over its two rows) and the 二级 cells are left empty.
 * - `项目竣工时间 2023.12` is kept as the text `2023.12` (a month, not a quantity).
 * - The 改进措施及结果应用方案 text is cut by the store in its second point; only its first point is kept.
 */
export const form: RealForm = {
  source: {
    title: "保山猪保种场建设项目支出绩效自评表（2021年度项目支出绩效自评表，单位名称：施甸县农业农村局，填报日期：2022年7月16日）",
    url: "https://shidian.gov.cn/info/4312/182363.htm",
    published: "2022-07-18",
    retrieved: "2026-12-07",
  },
  place: "云南省·保山市施甸县",
  year: 2021,
  kind: "project",
  features: [
    "保山 template: no per-row 分值 column; block weights only in labels 预算执行情况(万元)(20分), 年度绩效目标(80分)",
    "budget block without a 得分 column; 执行数 0.00, 执行率 0.0000",
    "published unfilled: targets only, no 实际完成值, no 得分, empty 总分",
    "the project had not started (reason stated under the table)",
  ],
  publishedMistakes: [
    "A self-evaluation published with nothing evaluated: no result, no score and no total on any row (the budget block's `得分(20分*执行率)` column of the template is missing too).",
  ],
  sheets: [
    {
      name: "项目支出绩效自评表",
      rows: [
        ["2021年度项目支出绩效自评表", null, null, null, null, null, null],
        ["单位名称：施甸县农业农村局", null, null, null, "填报日期：2022年7月16日", null, null],
        ["项目名称", "保山猪保种场建设项目", null, null, null, null, null],
        ["主管部门", "施甸县人民政府", null, null, "实施单位", "施甸县农业农村局", null],
        ["项目类别", "1、部门预算项目      2、市直专项     3、市对下转移支付项目 □", null, null, null, null, null],
        ["项目属性", "1、持续性项目        2、新增性项目 □", null, null, null, null, null],
        ["预算执行情况(万元)\n(20分)", null, "预算数(A)", "执行数(B)", "执行率(B/A)", null, null],
        [null, "年度财政资金总额", 1500, 0, 0, null, null],
        ["年度绩效目标\n(80分)", "一级\n指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [null, "产出指标", "数量指标", "标准化圈舍面积(平方米)", 5000, null, null],
        [null, null, null, "办公用房面积(平方米)", 500, null, null],
        [null, null, null, "饲料加工用房面积(平方米)", 300, null, null],
        [null, null, null, "保种数量(头)", 300, null, null],
        [null, null, null, "年提供种猪数量(头)", 2000, null, null],
        [null, null, "质量指标", "工程合格率(%)", 95, null, null],
        [null, null, "时效指标", "项目竣工时间", "2023.12", null, null],
        [null, null, "成本指标", "投入资金(≥万元)", 1500, null, null],
        [null, "效益指标", null, "年新增畜牧产值 (万元)", 500, null, null],
        [null, null, null, "辐射带动养殖保山猪户数(户)", 300, null, null],
        [null, "满意度指标", "服务对象满意度指标", "项目业主满意度(%)", 95, null, null],
        ["总分", null, null, null, null, null, null],
        [
          "偏差大或\n目标未完成\n原因分析",
          "该项目由于受国土空间规划未全部结束影响,项目建设用地手续未全部办理完成,至今未形成实质性工程量,项目建设资金未形成支付。",
          null,
          null,
          null,
          null,
          null,
        ],
        [
          "改进措施及\n结果应用方案",
          "1.进一步提高认识,强化责任落实。为确保该项目建设快速推进,市、县成立了项目专班,切实加强了组织领导,全面负责落实项目整改推进工作。",
          null,
          null,
          null,
          null,
          null,
        ],
      ],
      merges: [
        "A1:G1",
        "A2:D2",
        "E2:G2",
        "B3:G3",
        "B4:D4",
        "F4:G4",
        "B5:G5",
        "B6:G6",
        "A7:A8",
        "A9:A20",
        "B10:B17",
        "C10:C14",
        "B18:B19",
        "A21:F21",
        "B22:G22",
        "B23:G23",
      ],
    },
  ],
};
