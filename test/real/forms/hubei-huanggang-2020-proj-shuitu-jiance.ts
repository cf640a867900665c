import type { RealForm } from "../support";

/**
 * Hubei's 项目绩效自评表 of 2020 (鄂财绩发〔2020〕3号 template): no per-row 分值 column. The weights
 * are only in labels: the budget block `预算执行情况（万元）（20分）` scored by its header
 * `得分（20分*执行率）`, and two indicator blocks `年度绩效目标1（40分）` / `年度绩效目标2（40分）`,
 * each with its own header row. 总分 99.6 = 20 + 10 + 10 + 19.6 + 20 + 20.
 *
 * Layout read from the page's flattened text (a Word table): column A holds the block labels (merged
 * down each block), B–D the three indicator levels, E–F target and result, G the score.
 * - The text runs `效益指标 满意度指标 服务对象满意度指标 整编资料审核 98% 98% 19.6` in block 1: seven
 *   cells for a six-column row, so `效益指标` is a row of its own with no 二级/三级 (an unused
 *   template line) and `满意度指标 | 服务对象满意度指标 | 整编资料审核` is the next row. In block 2 the
 *   same two template lines are printed with their 二级 labels and nothing else.
 * - Checkbox marks of 项目类别/属性/类型 did not survive the page's flattening; the options are kept
 *   as printed, without marks.
 * - The page goes on with the template's 备注 (scoring notes), cut off mid-sentence in the stored
 *   copy; it is not part of the table and is left out.
 */
export const form: RealForm = {
  source: {
    title: "2020年度水土保持监测项目绩效自评表（单位名称：黄冈市水土保持与农田水利科研所，填报日期：2021年3月10日）",
    url: "document-sharing page (文档简介 / 下载本文档); the search store kept no address for it",
    published: "2021-03-10",
    retrieved: "2026-12-07",
  },
  place: "湖北省·黄冈市",
  year: 2020,
  kind: "project",
  features: [
    "no per-row weight column",
    "block weights in labels (预算执行情况（万元）（20分）, 年度绩效目标1（40分）)",
    "budget block scored by header 得分（20分*执行率）",
    "two indicator blocks, each with its own header row",
    "template lines with only level-1/level-2 labels",
    "percent targets as text",
  ],
  sheets: [
    {
      name: "项目绩效自评表",
      rows: [
        ["2020年度水土保持监测项目绩效自评表", null, null, null, null, null, null],
        ["单位名称：黄冈市水土保持与农田水利科研所", null, null, null, "填报日期：2021年3月10日", null, null],
        ["项目名称", "水土保持监测", null, "主管部门", "黄冈市水利和湖泊局", "项目实施单位", "本单位"],
        ["项目类别", "1、上级专项  2、本级专项", null, null, null, null, null],
        ["项目属性", "1、持续性项目  2、新增性项目", null, null, null, null, null],
        ["项目类型", "1、常年性项目  2、延续性项目  3、一次性项目", null, null, null, null, null],
        ["预算执行情况（万元）（20分）", null, "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）", null],
        [null, "年度财政资金总额", 10, 10, "100%", 20, null],
        ["年度绩效目标1（40分）", "一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
        [null, "产出指标", "质量指标", "监测数据必须合格", "100%", "100%", 10],
        [null, null, "进度指标", "取得2018-2022监测资料", "100%", "100%", 10],
        [null, "效益指标", null, null, null, null, null],
        [null, "满意度指标", "服务对象满意度指标", "整编资料审核", "98%", "98%", 19.6],
        ["年度绩效目标2（40分）", "一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
        [null, "产出指标", "质量指标", "监测数据资料整编", "100%", "100%", 20],
        [null, null, "进度指标", "完成年度资料上报", "100%", "100%", 20],
        [null, "效益指标", "社会效益指标", null, null, null, null],
        [null, "满意度指标", "服务对象满意度指标", null, null, null, null],
        ["总分", null, null, null, null, null, 99.6],
        ["偏差大或目标未完成原因分析", null, null, null, null, null, null],
        ["改进措施及结果应用方案", null, null, null, null, null, null],
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
        "A9:A13",
        "B10:B11",
        "A14:A18",
        "B15:B16",
        "A19:F19",
        "B20:G20",
        "B21:G21",
      ],
    },
  ],
};
