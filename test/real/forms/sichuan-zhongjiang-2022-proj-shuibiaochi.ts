/**
 * 四川省德阳市中江县水利局, 2022 财政衔接资金 project 中江县农业水价综合改革精准补贴和节水奖励项目
 * 小型水库水标尺制作安装: its 绩效目标自评表（2022年度）, printed in full in a public notice (意见收集人
 * 罗娟, dated 2022年12月30日) reproduced by chacewang.com.
 *
 * Layout as printed (the national 衔接资金 template): project header rows, the budget block 资金情况（万元）
 * with 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分, the target block, then the indicator
 * block whose columns run 一级 | 二级 | 三级 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因 (the
 * weight column BEFORE the target). Weights sit in the 一级 labels too: 产出指标(70分), 效益指标(20分),
 * 满意度指标(10分). 经济效益指标 is printed with no indicator, and 满意度 ends with a `……` slot row.
 *
 * The stored copy is the page's text run together without cell separators; numbers split as the
 * template's columns require (年度资金总额 20 | 20 | 10 | 100.00% | 10; 总分 100 | 100). Where the text
 * of 年初设定目标 ends and 完成情况综述 begins is not marked: the split below is at the repeated phrase.
 * Merges are the template's. The note under the table is cut off in the stored copy after
 * "3.定量指标若为正向"; the visible part is kept.
 *
 * Published mistake: the block weights add up to 110, not 100: 产出 70 + 效益 20 + 满意度 10 + 预算执行 10
 * (the note under the table itself says 产出 50, 效益 30, 满意度 10, 预算执行率 10). Every row is scored
 * in full, so Σ得分 is 110 too, yet 总分 states 100 | 100.
 */
import type { RealForm } from "../support";

const note =
  "注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分,各部门根据各项指标重要程度确定三级指标的分值,得分最高不能超过该指标分值上限,分别按照该指标对应分值区间100-80%(含80%)、80-60%(含60%)、60-0%合理确定得分,3.定量指标若为正向";

export const form: RealForm = {
  source: {
    title: "中江县水利局 2022年财政衔接资金实施项目绩效自评表 (绩效目标自评表（2022年度）, 小型水库水标尺制作安装)",
    url: "https://chacewang.com/newsdetail/news242266.html",
    published: "2022-12-30 (date signed under the notice)",
    retrieved: "2026-12-07",
  },
  place: "四川省·德阳市中江县",
  year: 2022,
  kind: "project",
  features: [
    "national 衔接资金 绩效目标自评表: 分值 column before 年度指标值 / 全年实际值",
    "budget block 资金情况（万元） with 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 (10 / 10)",
    "block weights in 一级 labels: 产出指标(70分), 效益指标(20分), 满意度指标(10分)",
    "经济效益指标 printed with no indicator; a `……` slot row under 满意度",
    "总分 row states 100 under 分值 and 100 under 得分",
  ],
  publishedMistakes: [
    "Σ分值 = 70 + 20 + 10 + budget 10 = 110, not 100 (the table's own note sets 产出 50 / 效益 30); all rows scored in full, so Σ得分 = 110 while 总分 states 100 | 100.",
  ],
  sheets: [
    {
      name: "自评表",
      rows: [
        ["绩效目标自评表", null, null, null, null, null, null, null, null],
        ["(2022年度)", null, null, null, null, null, null, null, null],
        ["项目名称", "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装", null, null, null, "项目负责人及电话", null, "谢凯13990260322(办公)", null],
        ["主管部门", "中江县水利局", null, null, null, "实施单位", null, "中江县水利局", null],
        ["资金情况(万元)", null, null, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", null],
        [null, "年度资金总额:", null, 20, 20, 10, "100.00%", 10, null],
        [null, "其中:本年财政拨款", null, 20, 20, null, null, null, null],
        [null, "其他资金", null, null, null, null, null, null, null],
        ["年度总体目标", "年初设定目标", null, null, null, "年度总体目标完成情况综述", null, null, null],
        [
          null,
          "对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,",
          null,
          null,
          null,
          "对项目区农业用水计量,为项目区农业生产夯实基础,",
          null,
          null,
          null,
        ],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
        [null, "产出指标(70分)", "数量指标", "安装坡面水标尺", 10, "≥266米", "≥266米", 10, null],
        [null, null, null, "水标尺宽度", 10, "≥50厘米", "≥50厘米", 10, null],
        [null, null, "质量指标", "项目(工程)验收合格率", 20, "100%", "100%", 20, null],
        [null, null, "时效指标", "及时(按期)开工率", 10, "≥90%", "≥90%", 10, null],
        [null, null, null, "及时(按期)完工率", 10, "≥90%", "≥90%", 10, null],
        [null, null, "成本指标", "项目计划总投资", 10, "20万元", "20万元", 10, null],
        [null, "效益指标(20分)", "经济效益指标", null, null, null, null, null, null],
        [null, null, "社会效益指标", "受益脱贫(含监测对象)户人口数", 10, "≥1000人", "≥1000人", 10, null],
        [null, null, null, "群众生产生活条件改善状况", 10, "显著提升", "显著提升", 10, null],
        [null, "满意度指标(10分)", "服务对象满意度指标", "受益脱贫(含监测对象)户满意度", 10, "≥95%", "≥95%", 10, null],
        [null, null, null, "……", null, null, null, null, null],
        ["总分", null, null, null, 100, null, null, 100, null],
        [note, null, null, null, null, null, null, null, null],
      ],
      merges: [
        "A1:I1",
        "A2:I2",
        "B3:E3",
        "F3:G3",
        "H3:I3",
        "B4:E4",
        "F4:G4",
        "H4:I4",
        "A5:A8",
        "B5:C5",
        "H5:I5",
        "B6:C6",
        "H6:I6",
        "B7:C7",
        "H7:I7",
        "B8:C8",
        "H8:I8",
        "A9:A10",
        "B9:E9",
        "F9:I9",
        "B10:E10",
        "F10:I10",
        "A11:A22",
        "B12:B17",
        "C12:C13",
        "C15:C16",
        "B18:B20",
        "C19:C20",
        "B21:B22",
        "C21:C22",
        "A23:D23",
        "F23:G23",
        "A24:I24",
      ],
    },
  ],
};
