/**
 * 云南省临沧市永德县明朗中学, 2022年度项目支出绩效自评表 (公开14表) for 义务教育营养改善计划专项资金, as
 * published on the county's site (永德县人民政府, 部门决算公开). Complete on the page: 总分 100 | 96 | 优.
 *
 * Layout as printed (Yunnan's 2022 公开 template): the budget block in 元 with 年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分; the indicator block under a TWO-ROW header whose 年度指标值 is split into
 * 指标性质 | 指标值 | 度量单位; 实际完成值, 分值, 得分, 偏差原因 span both header rows. The 总分 row holds
 * 100 under 分值, 96 under 得分 and the grade 优 in the last column.
 *
 * As printed, the comparators are `≧` (U+2267) and `═` (U+2550, a box-drawing double bar used for `=`);
 * they are kept. The 经济效益 row has no 指标性质 / 度量单位 (指标值 有效, 实际 有效). 生态效益指标 is printed
 * with every cell empty. The 二级 label under 满意度 reads `服务对象满意度指标等`.
 *
 * Reading of the page's flattened table: the stored text lists 一级/二级/三级指标 after the first header
 * row (with 指标性质/指标值/度量单位); they are placed as the template has them, spanning both header rows.
 * In the budget rows, empty cells are dropped by the flattening; the cells are placed as the national
 * template has them: 年初预算数 empty (5 values for 6 columns, 387664.62 being both 全年预算数 and 全年执行数
 * since 执行率 is 100%), and the sub-rows carry `—` under 分值 and 得分 with 执行率 blank (其他资金 shows five
 * `—`). `公开14表` follows the unit line; it is put at the right of that line.
 *
 * Arithmetic as printed: Σ分值 9 × 10 + budget 10 = 100; Σ得分 86 + budget 10 = 96 = 总分; 96 → 优.
 * Scores worth a reviewer's question: 资金到位及时率 met (≧100%, 100%) but scored 7 of 10, with no reason;
 * 政策知晓率 short (═100%, 98%) scored 9 of 10, with no reason.
 */
import type { RealForm } from "../support";

const goal = "确保每一个学生都能享受到国家政策福利,改善学生体质";

export const form: RealForm = {
  source: {
    title: "2022年度项目支出绩效自评表 (公开14表) 永德县明朗中学 义务教育营养改善计划专项资金",
    url: "https://www.yongde.gov.cn/info/3003/116104.htm",
    published: "unknown (the stored copy shows no date)",
    retrieved: "2026-12-07",
  },
  place: "云南省·临沧市永德县",
  year: 2022,
  kind: "project",
  features: [
    "two-row indicator header: 年度指标值 split into 指标性质 | 指标值 | 度量单位",
    "comparators printed `≧` and `═` (box-drawing bar for =)",
    "budget block in 元 with 分值/执行率/得分; sub-rows `—` under 分值 and 得分",
    "总分 row: 100 | 96 | 优 (grade in the last column)",
    "empty 生态效益指标 row",
    "a met indicator scored 7/10; a 98%-of-100% indicator scored 9/10; no reasons given",
  ],
  sheets: [
    {
      name: "公开14表",
      rows: [
        ["2022年度项目支出绩效自评表", null, null, null, null, null, null, null, null, null, null],
        ["部门:临沧市永德县明朗中学", null, null, null, null, null, null, null, null, null, "公开14表"],
        ["项目名称", "义务教育营养改善计划专项资金", null, null, null, null, null, null, null, null, null],
        ["主管部门", "永德县教育体育局", null, null, null, "实施单位", null, "永德县明朗中学", null, null, null],
        ["项目资金(元)", null, null, null, "年初预算数", null, "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [null, "年度资金总额", null, null, null, null, 387664.62, 387664.62, 10, "100%", 10],
        [null, "其中:当年财政拨款", null, null, null, null, 387664.62, 387664.62, "—", null, "—"],
        [null, "上年结转资金", null, null, null, null, null, null, "—", null, "—"],
        [null, "其他资金", null, null, "—", null, "—", "—", "—", null, "—"],
        ["年度总体目标", "预期目标", null, null, null, null, "实际完成情况", null, null, null, null],
        [null, goal, null, null, null, null, goal, null, null, null, null],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", null, null, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [null, null, null, null, "指标性质", "指标值", "度量单位", null, null, null, null],
        [null, "产出指标", "数量指标", "学生受资助人数", "≧", 735, "人次", 735, 10, 10, null],
        [null, null, "质量指标", "营养改善计划覆盖率", "≧", 100, "%", "100%", 10, 10, null],
        [null, null, "时效指标", "资金到位及时率", "≧", 100, "%", "100%", 10, 7, null],
        [null, null, "成本指标", "生均补助标准达标率", "═", 100, "%", "100%", 10, 10, null],
        [null, "效益指标", "经济效益指标", "减轻贫困学生家庭经济负担", null, "有效", null, "有效", 10, 10, null],
        [null, null, "社会效益指标", "政策知晓率", "═", 100, "%", "98%", 10, 9, null],
        [null, null, "生态效益指标", null, null, null, null, null, null, null, null],
        [null, null, "可持续影响指标", "促进学校教育事业健康发展", "≧", 100, "%", "100%", 10, 10, null],
        [null, "满意度指标", "服务对象满意度指标等", "学生满意度", "≧", 95, "%", "100%", 10, 10, null],
        [null, null, null, "家长满意度", "≧", 95, "%", "100%", 10, 10, null],
        ["其他需要说明事项", null, null, null, "无", null, null, null, null, null, null],
        ["总分", null, null, null, null, null, null, null, 100, 96, "优"],
      ],
      merges: [
        "A1:K1",
        "A2:J2",
        "B3:K3",
        "B4:E4",
        "F4:G4",
        "H4:K4",
        "A5:A9",
        "B5:D5",
        "E5:F5",
        "B6:D6",
        "E6:F6",
        "B7:D7",
        "E7:F7",
        "B8:D8",
        "E8:F8",
        "B9:D9",
        "E9:F9",
        "A10:A11",
        "B10:F10",
        "G10:K10",
        "B11:F11",
        "G11:K11",
        "A12:A23",
        "B12:B13",
        "C12:C13",
        "D12:D13",
        "E12:G12",
        "H12:H13",
        "I12:I13",
        "J12:J13",
        "K12:K13",
        "B14:B17",
        "B18:B21",
        "B22:B23",
        "C22:C23",
        "A24:D24",
        "E24:K24",
        "A25:H25",
      ],
    },
  ],
};
