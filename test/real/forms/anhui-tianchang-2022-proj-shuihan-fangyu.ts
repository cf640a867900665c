/**
 * 安徽省滁州市天长市水利局 (水旱灾害防御股), 项目支出绩效自评表 (2022年度) for 水旱灾害防御经费, as published
 * on a government page titled 天长市水利局水旱灾害防御股项目支出绩效自评 (发布时间 2023-12-05 15:04). The whole
 * table is in the stored copy, from the title to 总分 100 | 100 and the beginning of the template's note
 * (`注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。如有…`,
 * cut there by the store; it is below the table and not transcribed).
 *
 * This is the Anhui form of issue 14: the national template (财预〔2020〕10号) with every empty slot kept, rows
 * `指标2:` and `……` under each 二级指标 with no target, result, weight or score: 17 slot rows. Its arithmetic
 * is right: Σ分值 90 on eight named rows + budget 10 = 100, Σ得分 the same, 总分 100 | 100.
 *
 * Layout as printed: the 2020 template's budget block (年初预算数 | 全年预算数(A) | 全年执行数(B) | 分值 |
 * 执行率(B/A) | 得分) and its indicator block (一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 |
 * 偏差原因分析及改进措施). The 一级 cells of 产出 and 效益 hold only `(50分)` and `(30分)` (the page shows blank
 * lines before them, where a vertical or image label may have been; nothing else is printed); the third reads
 * `满意度指标(10分)`. Most named rows print no 年度指标值 and no 实际完成值 (the name carries the target,
 * `指标1:年度资金支付完成率100%`); only the first two and the 满意度 row have them.
 *
 * Reading of the stored copy (the page's text, one line per table row, cells separated by spaces):
 * - The budget row prints `880 880 880 10 10`: five values for six columns. The 执行率 cell is taken as the
 *   empty one (880 / 880 would print 100%; a 10 under 执行率 and an empty 得分 is not the template's use).
 *   The sub-rows print `-` under 分值 and 得分; 上年结转资金 and 其他资金 hold nothing else.
 * - Cell line breaks of the page (`项目资金\n(万元)`, `一级\n指标`, `经济效益\n指标`, `可持续影\n响指标`, `满意度指标\n(10分)`)
 *   are joined.
 * - 生态效益指标 prints `指标1:/ / /`, with no space after the colon (every other row has a space between the
 *   name and the next cell): the name cell is taken as `指标1:/`, followed by `/` in 年度指标值 and 实际完成值.
 * - 主管部门 is printed empty.
 */
import type { RealForm } from "../support";

const slot2 = (level2: string | null = null): (string | null)[] => [null, null, level2, "指标2:", null, null, null, null, null];
const dots = (): (string | null)[] => [null, null, null, "……", null, null, null, null, null];

export const form: RealForm = {
  source: {
    title: "天长市水利局水旱灾害防御股项目支出绩效自评 (项目支出绩效自评表 2022年度, 水旱灾害防御经费)",
    url: "unknown (the search store kept the page's text without its address; published on a 天长市 government page)",
    published: "2023-12-05",
    retrieved: "2026-12-07",
  },
  place: "安徽省·滁州市天长市",
  year: 2022,
  kind: "project",
  features: [
    "2020 national template with every slot kept: 17 rows `指标2:` / `……` with nothing else",
    "一级 cells holding only `(50分)` and `(30分)`",
    "most named rows print no 年度指标值 / 实际完成值 (target inside the name)",
    "budget row 880 | 880 | 880 | 10 | (empty 执行率) | 10; sub-rows `-` under 分值/得分",
    "生态效益 row `指标1:/` with `/` target and result",
    "总分 100 | 100, arithmetic right",
  ],
  sheets: [
    {
      name: "项目支出绩效自评表",
      rows: [
        ["项目支出绩效自评表", null, null, null, null, null, null, null, null],
        ["(2022年度)", null, null, null, null, null, null, null, null],
        ["项目名称", "水旱灾害防御经费", null, null, null, null, null, null, null],
        ["主管部门", null, null, null, "实施单位", "天长市水利局", null, null, null],
        ["项目资金(万元)", null, null, "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
        [null, "年度资金总额:", null, 880, 880, 880, 10, null, 10],
        [null, "其中:本年财政拨款", null, 880, 880, 880, "-", null, "-"],
        [null, "上年结转资金", null, null, null, null, "-", null, "-"],
        [null, "其他资金", null, null, null, null, "-", null, "-"],
        ["年度总体目标完成情况", "预期目标", null, null, null, "实际完成情况", null, null, null],
        [null, "完成年度防汛工作,完成中型灌区节水改造项目和农业综合水价改革项目。", null, null, null, "完成年度目标。", null, null, null],
        ["年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        // row 13: 产出 (50分)
        [null, "(50分)", "数量指标", "指标1:完成中型灌区节水改造项目数量", 1, 1, 10, 10, null],
        [null, null, null, "指标2:完成农业综合水价改革项目", 1, 1, 10, 10, null],
        dots(),
        [null, null, "质量指标", "指标1:工程质量合格", null, null, 10, 10, null],
        slot2(),
        dots(),
        [null, null, "时效指标", "指标1:年度资金支付完成率100%", null, null, 10, 10, null],
        slot2(),
        dots(),
        [null, null, "成本指标", "指标1:资金执行在预算范围内", null, null, 10, 10, null],
        slot2(),
        dots(),
        // row 25: 效益 (30分)
        [null, "(30分)", "经济效益指标", "指标1:全市安全度汛", null, null, 10, 10, null],
        slot2(),
        dots(),
        [null, null, "社会效益指标", "指标1:保护全市人口财产不受损失", null, null, 10, 10, null],
        slot2(),
        dots(),
        [null, null, "生态效益指标", "指标1:/", "/", "/", null, null, null],
        slot2(),
        dots(),
        [null, null, "可持续影响指标", "指标1:已建工程良性运行", null, null, 10, 10, null],
        slot2(),
        dots(),
        // row 37: 满意度 (10分)
        [null, "满意度指标(10分)", "服务对象满意度指标", "指标1:服务对象满意度", "90%", "100%", 10, 10, null],
        slot2(),
        dots(),
        ["总分", null, null, null, null, null, 100, 100, null],
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
        "A12:A39",
        "B13:B24",
        "C13:C15",
        "C16:C18",
        "C19:C21",
        "C22:C24",
        "B25:B36",
        "C25:C27",
        "C28:C30",
        "C31:C33",
        "C34:C36",
        "B37:B39",
        "C37:C39",
        "A40:F40",
      ],
    },
  ],
};
