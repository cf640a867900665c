import type { RealForm } from "../support";

/**
 * 湖北科技学院 2021年度本专科生奖助学金项目自评结果: the results table printed inside the self-evaluation
 * report (section 一(二) 绩效目标完成情况). Indicators with target and result only — no 分值, no 得分;
 * the report's text gives the overall score (综合评价得分为 99.8分) but the table does not.
 *
 * Layout as printed on the page: one header row 一级指标 | 二级指标 | 指标名称 | 目标值 | 实际完成值,
 * followed by an empty header cell (kept as an empty column F); every row repeats its 一级/二级 labels
 * (no merges). The report's narrative around the table is not part of it and is left out.
 */
export const form: RealForm = {
  source: {
    title: "2021年度本专科生奖助学金项目自评结果（湖北科技学院信息公开网）",
    url: "https://xxgkw.hbust.edu.cn/info/1243/1928.htm",
    published: "not printed on the stored copy (2021年度 results)",
    retrieved: "2026-12-07",
  },
  place: "湖北省·咸宁市（湖北科技学院）",
  year: 2021,
  kind: "project",
  features: [
    "results table without 分值 or 得分 (target and result only)",
    "level-1/level-2 labels repeated on every row",
    "percent targets as text",
  ],
  sheets: [
    {
      name: "绩效目标完成情况",
      rows: [
        ["一级指标", "二级指标", "指标名称", "目标值", "实际完成值", null],
        ["产出指标", "质量指标", "奖助政策学生知晓率", "100%", "100%", null],
        ["产出指标", "质量指标", "受资助本专科困难学生覆盖率", "99%", "99%", null],
        ["产出指标", "质量指标", "退役士兵考入高校应助学生享受资助比例", "100%", "100%", null],
        ["产出指标", "质量指标", "高校学生应征入伍应受助学生享受资助比例", "100%", "100%", null],
        ["产出指标", "数量指标", "受资助本专科学生人数", 14726, 15935, null],
        ["产出指标", "质量指标", "国家奖学金按标准发放率", "100%", "100%", null],
        ["效益指标", "社会效益指标", "评审程序是否客观公正", "是", "是", null],
        ["效益指标", "社会效益指标", "家庭经济困难学生完成学业率", "100%", "100%", null],
        ["效益指标", "服务对象满意度指标", "资助学生满意度", "95%", "95%", null],
      ],
    },
  ],
};
