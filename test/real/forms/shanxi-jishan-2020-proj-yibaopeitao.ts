/**
 * 山西省运城市稷山县医疗保障局, 稷山县项目支出绩效自评表（2020年度） for 建档立卡个人缴费县级配套资金
 * (实施单位 稷山县医疗保险服务中心), the .xlsx shown as text by a document-sharing site. The whole table is
 * in the stored copy, from the title to 总分 100 | 94.
 *
 * Layout (the 2020 national template): budget block 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分,
 * target block, indicator block 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因, block weights
 * in the 一级 labels (产出指标(50分), 效益指标(30分), 满意度指标(10分)), indicator names with the template's
 * `指标1:` prefix, one indicator per 二级 (no `指标2` slots are printed).
 *
 * Reading of the stored copy (the sheet's text in reading-position order, cells not separated): numbers
 * follow their rows in order, so each row's values are unambiguous. The budget row prints five values
 * for six columns (65.66 65.07 10 99% 9): 年初预算数 is taken as the empty one (65.07 / 65.66 = 99%, the
 * printed 执行率 of 全年执行数 over 全年预算数). The sub-rows print `—` under 分值 and 得分. The 二级 label of
 * the 效益 row reads `社会效益` (no `指标` before the 三级 name's own `指标1:`).
 *
 * Published mistake: Σ得分 = 13 + 15 + 10 + 10 + 27 + 9 + budget 9 = 93, but 总分 states 94 (Σ分值 100 is
 * right). Two indicators met exactly (95% of 95%) are scored 27/30 and 9/10 with no reason; the budget row
 * scores 9 for 99% (执行率 × 分值 would be 9.9).
 */
import type { RealForm } from "../support";

export const form: RealForm = {
  source: {
    title: "建档立卡个人缴费县级配套绩效自评表.xlsx (稷山县项目支出绩效自评表 2020年度)",
    url: "https://keke.chddh.cn/archives/bqg98jldqdz7y2xm7pe6.html",
    published: "unknown (the stored copy shows no date)",
    retrieved: "2026-12-07",
  },
  place: "山西省·运城市稷山县",
  year: 2020,
  kind: "project",
  features: [
    "2020 national template: 年初预算数/全年预算数/全年执行数/分值/执行率/得分 budget block",
    "block weights in 一级 labels: 产出指标(50分), 效益指标(30分), 满意度指标(10分)",
    "indicator names prefixed `指标1:`",
    "a shortfall scored 13/15 with its reason; two met indicators scored 27/30 and 9/10 without one",
    "总分 states 94; Σ得分 is 93",
  ],
  publishedMistakes: ["总分 states 94, but the printed scores add up to 93 (84 on the indicators + 9 on the budget row)."],
  sheets: [
    {
      name: "自评表",
      rows: [
        ["稷山县项目支出绩效自评表", null, null, null, null, null, null, null, null],
        ["(2020年度)", null, null, null, null, null, null, null, null],
        ["项目名称", "建档立卡个人缴费县级配套资金", null, null, null, null, null, null, null],
        ["主管部门", "稷山县医疗保障局", null, null, "实施单位", "稷山县医疗保险服务中心", null, null, null],
        ["项目资金(万元)", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [null, "年度资金总额", null, null, 65.66, 65.07, 10, "99%", 9],
        [null, "其中:当年财政拨款", null, null, 65.66, 65.07, "—", "99%", "—"],
        [null, "上年结转资金", null, null, null, null, "—", null, "—"],
        [null, "其他资金", null, null, null, null, "—", null, "—"],
        ["年度总体目标", "预期目标", null, null, null, "实际完成情况", null, null, null],
        [
          null,
          "提高医疗保障水平,推进因病致贫问题的根本性解决",
          null,
          null,
          null,
          "提高医疗保障水平,推进了因病致贫问题的基本性解决",
          null,
          null,
          null,
        ],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [null, "产出指标(50分)", "数量指标", "指标1:全县参合人数", 8755, 8676, 15, 13, "建档立卡中有新增死亡人员,导致有偏差"],
        [null, null, "质量指标", "指标1:资金是否全部纳入医保统筹", "100%", "100%", 15, 15, null],
        [null, null, "时效指标", "指标1:资金是否全部及时纳入", "100%", "100%", 10, 10, null],
        [null, null, "成本指标", "指标1:配套资金每人每年", "75元", "75元", 10, 10, null],
        [null, "效益指标(30分)", "社会效益", "指标1:是否解决建档立卡人员看病难贵问题", "95%", "95%", 30, 27, null],
        [null, "满意度指标(10分)", "服务对象满意度指标", "指标1:是否满意", "95%", "95%", 10, 9, null],
        ["总分", null, null, null, null, null, 100, 94, null],
      ],
      merges: [
        "A1:I1",
        "A2:I2",
        "B3:I3",
        "B4:D4",
        "F4:I4",
        "A5:A9",
        "B5:C5",
        "B6:C6",
        "B7:C7",
        "B8:C8",
        "B9:C9",
        "A10:A11",
        "B10:E10",
        "F10:I10",
        "B11:E11",
        "F11:I11",
        "A12:A18",
        "B13:B16",
        "A19:F19",
      ],
    },
  ],
};
