/**
 * 四川省达州市农业农村局 site: the 部门整体支出绩效评价 scoring table as published, BLANK: the
 * weights are written only inside the indicator labels (相关性(5分), 目标任务(15分), 部门决策(25分)),
 * there is no 分值 column and no total row, and the 得分 column is empty. Under 履职成效(20分) the
 * template leaves 部门特性指标 and three blank rows for the department's own indicators.
 *
 * The page flattens the HTML table; merges are the most plausible reading of its row spans (each
 * 一级 / 二级 label spans its indicators). Whether 部门特性指标 spans the three blank rows below it or
 * sits above three empty slot rows cannot be told from the flattened text: it is kept in C23 alone
 * with C24:C26 empty (the slot reading). The page goes on with a second, different table (a project
 * scoring template, 单位名称/项目名称 …) that the stored copy cuts off; it is not rebuilt here.
 */
import type { RealForm } from "../support";

export const form: RealForm = {
  source: {
    title: "达州市农业农村局 部门整体支出绩效评价指标表（空白模板，页面标题未存）",
    url: "http://nyj.dazhou.gov.cn/xxgk-show-16453.html",
    published: "unknown (not in the stored copy)",
    retrieved: "2026-12-07",
  },
  place: "四川省·达州市",
  year: null,
  kind: "department",
  features: [
    "blank template: 得分 column empty everywhere",
    "no 分值 column: every weight is written inside its label, at all three levels (相关性(5分), 目标任务(15分), 部门决策(25分))",
    "no total row",
    "template slots: 部门特性指标 and three empty rows under 履职成效(20分)",
    "level sums agree: 25 + 30 + 45 = 100",
  ],
  sheets: [
    {
      name: "部门整体",
      rows: [
        ["一级指标", "二级指标", "三级指标", "得分"],
        ["部门决策(25分)", "目标任务(15分)", "相关性(5分)", null],
        [null, null, "明确性(5分)", null],
        [null, null, "合理性(5分)", null],
        [null, "预算编制(10分)", "测算依据(5分)", null],
        [null, null, "目标管理(5分)", null],
        ["综合管理(30分)", "专项资金分配时限(2分)", "市级财力专项预算分配时限(1分)", null],
        [null, null, "中央专款分配合规率(1分)", null],
        [null, "中期评估(2分)", "执行中期评估(2分)", null],
        [null, "绩效监控(5分)", "预算执行进度监控(2分)", null],
        [null, null, "绩效目标动态监控(3分)", null],
        [null, "非税收入执收情况(2分)", "非税收入征收情况(1分)", null],
        [null, null, "非税收入上缴情况(1分)", null],
        [null, "资产管理(6分)", "资产管理信息化情况(2分)", null],
        [null, null, "行政事业单位资产报告情况(2分)", null],
        [null, null, "资产管理与预算管理相结合(2分)", null],
        [null, "内控制度管理(2分)", "内部控制度健全完整(2分)", null],
        [null, "信息公开(6分)", "预算公开(2分)", null],
        [null, null, "决算公开(2分)", null],
        [null, null, "绩效信息公开(2分)", null],
        [null, "绩效评价(5分)", "绩效评价开展(2分)", null],
        [null, null, "评价结果应用(3分)", null],
        ["部门绩效情况(45分)", "履职成效(20分)", "部门特性指标", null],
        [null, null, null, null],
        [null, null, null, null],
        [null, null, null, null],
        [null, "可持续发展能力(15分)", "重点改革(重点工作)完成情况(5分)", null],
        [null, null, "科技(制度、方法、机制等)创新(5分)", null],
        [null, null, "人才培养(5分)", null],
        [null, "满意度(10分)", "协作部门满意度(3分)", null],
        [null, null, "管理对象满意度(3分)", null],
        [null, null, "社会公众满意度(4分)", null],
      ],
      merges: [
        "A2:A6",
        "B2:B4",
        "B5:B6",
        "A7:A22",
        "B7:B8",
        "B10:B11",
        "B12:B13",
        "B14:B16",
        "B18:B20",
        "B21:B22",
        "A23:A32",
        "B23:B26",
        "B27:B29",
        "B30:B32",
      ],
    },
  ],
};
