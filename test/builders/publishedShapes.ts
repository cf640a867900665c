/**
 * Layout classes seen on published forms (issue 14), each as a generator with variants:
 * - `slotTable`: the national 项目支出 template with its budget block, keeping the empty
 *   slots 指标1：, 指标2：, …… under each 二级指标 (as an Anhui 2022 form prints them);
 * - `blockTable`: no per-row weight column; the weights are in block labels
 *   (年度绩效目标1(40分)), each block with its own header row, the budget block scored by
 *   its header 得分(20分*执行率) (as a Hubei 2020 form prints it);
 * - `levelWeightTable`: no weight column, the weights in 一级 labels 产出指标（50分）
 *   (or a cell holding only （50分） under the name).
 */
import ExcelJS from "exceljs";
import { put, type CellInput } from "./layouts";

export interface SlotTableOptions {
  /** What the template prints in a slot's 三级指标 cell. */
  placeholders?: string[];
  /** Slots under each 二级指标 after its real indicators. */
  slotsPerLevel2?: number;
  /** A `/` in every value cell of the slots (and in the name when the placeholder is "/"). */
  slashes?: boolean;
  /** A slot that carries a weight and a score but no name, at this index of the rows. */
  namelessScored?: boolean;
}

/** Real indicators of the slot table: 二级 → [name, target, actual, weight, score]. Σ weight 90, Σ score 90. */
const SLOT_TABLE_ROWS: [string, string, [string, string, string, number, number][]][] = [
  ["产出指标", "数量指标", [["培训人次", "≥500人次", "520人次", 20, 20]]],
  ["产出指标", "质量指标", [["培训合格率", "≥95%", "96%", 20, 20]]],
  ["产出指标", "时效指标", [["完成时间", "12月底前", "12月底前", 10, 10]]],
  ["效益指标", "社会效益指标", [["群众知晓率", "≥90%", "92%", 15, 15], ["政策覆盖率", "100%", "100%", 15, 15]]],
  ["满意度指标", "服务对象满意度指标", [["学员满意度", "≥90%", "95%", 10, 10]]],
];

export interface BuiltForm {
  workbook: ExcelJS.Workbook;
  /** Sheet rows of the slots written (nothing filled in). */
  slotRows: number[];
  /** Sheet rows of the indicators that carry values. */
  indicatorRows: number[];
  totalRow: number;
  /** Row of the nameless slot with a weight and score, when asked for. */
  namelessRow?: number;
}

/**
 * 项目支出绩效自评表 as the national template prints it: the budget block (分值 10 on the
 * 年度资金总额 row, Σ分值 100 with it), then the indicator table with slots after each
 * 二级指标's indicators. Σ得分 100, total 100, grade 优.
 */
export function slotTable(opts: SlotTableOptions = {}): BuiltForm {
  const placeholders = opts.placeholders ?? ["指标1：", "指标2：", "……"];
  const perLevel2 = opts.slotsPerLevel2 ?? 2;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目支出绩效自评表");
  put(ws, "A1", [["项目支出绩效自评表"]]);
  put(ws, "A2", [["（2022年度）"]]);
  put(ws, "A3", [["项目名称", "职业技能培训补贴"]]);
  put(ws, "A4", [["主管部门", "某县人力资源和社会保障局", null, null, "实施单位", "某县就业服务中心"]]);
  put(ws, "A5", [["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]]);
  put(ws, "B6", [["年度资金总额", 200, 200, 200, 10, { value: 1, numFmt: "0.00%" }, 10]]);
  put(ws, "B7", [["其中：当年财政拨款", 200, 200, 200, "—", "—", "—"]]);
  put(ws, "B8", [["上年结转资金", null, 0, 0, "—", "—", "—"]]);
  put(ws, "B9", [["其他资金", null, 0, 0, "—", "—", "—"]]);
  ws.mergeCells("A5:A9");
  put(ws, "A10", [["年度总体目标", "预期目标", null, null, null, "实际完成情况"]]);
  put(ws, "B11", [["完成培训任务", null, null, null, "已完成"]]);
  put(ws, "A12", [["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]);
  let r = 13;
  const slotRows: number[] = [];
  const indicatorRows: number[] = [];
  let namelessRow: number | undefined;
  let lastLevel1 = "";
  for (const [level1, level2, indicators] of SLOT_TABLE_ROWS) {
    put(ws, [r, 2], [[level1 === lastLevel1 ? null : level1, level2]]);
    lastLevel1 = level1;
    for (const [name, target, actual, weight, score] of indicators) {
      put(ws, [r, 4], [[name, target, actual, weight, score]]);
      indicatorRows.push(r++);
    }
    for (let i = 0; i < perLevel2; i++) {
      const placeholder = placeholders[i % placeholders.length];
      const value = opts.slashes ? "/" : null;
      put(ws, [r, 4], [[placeholder, value, value, value, value]]);
      slotRows.push(r++);
    }
  }
  let scoreTotal = 100;
  if (opts.namelessScored) {
    // A slot filled in without a name: weight and score 0, the arithmetic unchanged.
    const at = slotRows.shift()!;
    put(ws, [at, 4], [[placeholders[0], "≥1项", "1项", 0, 0]]);
    namelessRow = at;
    indicatorRows.push(at);
    indicatorRows.sort((a, b) => a - b);
    scoreTotal = 100;
  }
  ws.mergeCells(`A12:A${r - 1}`);
  put(ws, [r, 1], [["总分", null, null, null, null, null, 100, scoreTotal, "优"]]);
  ws.mergeCells(`A${r}:F${r}`);
  return { workbook: wb, slotRows, indicatorRows, totalRow: r, ...(namelessRow !== undefined ? { namelessRow } : {}) };
}

export interface BlockTableOptions {
  /** Block weights (年度绩效目标1(40分) …); default [40, 40]. */
  blocks?: number[];
  /** The budget block's weight and where it is stated. */
  budgetWeight?: number;
  budgetWeightIn?: "scoreHeader" | "label" | "weightHeader";
  /** Scores of each block's indicator rows; default each block's weight shared over its rows, 3 rows a block. */
  scores?: number[][];
  /** The budget execution: budget and spent (default 10 / 10). */
  money?: [number, number];
  /** The stated total; default the true Σ. */
  statedTotal?: number;
  /** Empty 二级 slots after each block (效益指标 | 社会效益指标 | nothing). */
  emptyLevel2Slots?: boolean;
  /** Each block's label alone on a row above its header (职能一：…（40分）), as 部门整体 forms split by 职能 print it. */
  labelRowAbove?: boolean;
  /** Published unfilled: targets only; no 实际完成值, no 得分 (budget's included), no 总分. */
  unscored?: boolean;
}

export interface BuiltBlockForm extends BuiltForm {
  blockHeaderRows: number[];
  budgetRow: number;
  /** Σ of the indicator scores and the budget score. */
  scoreSum: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * 项目绩效自评表 without a weight column: 预算执行情况(万元)(20分) | 预算数(A) | 执行数(B) |
 * 执行率(B/A) | 得分(20分*执行率), then one block per 年度绩效目标 with its own header row
 * (label in A merged down the block), then 总分 with Σ得分 in the score column.
 */
export function blockTable(opts: BlockTableOptions = {}): BuiltBlockForm {
  const blocks = opts.blocks ?? [40, 40];
  const budgetWeight = opts.budgetWeight ?? 20;
  const [budget, spent] = opts.money ?? [10, 10];
  const rate = budget > 0 ? spent / budget : 0;
  const budgetScore = round2(Math.min(rate, 1) * budgetWeight);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  put(ws, "A1", [["2020年度水土保持监测项目绩效自评表"]]);
  ws.mergeCells("A1:G1");
  put(ws, "A2", [["单位名称：某市水土保持科研所", null, null, null, "填报日期：2021年3月10日"]]);
  put(ws, "A3", [["项目名称", "水土保持监测", null, "主管部门", "某市水利和湖泊局", "项目实施单位", "本单位"]]);
  put(ws, "A4", [["项目类别", "1、上级专项 2、本级专项"]]);
  const where = opts.budgetWeightIn ?? "scoreHeader";
  const label = where === "label" ? `预算执行情况(万元)(${budgetWeight}分)` : "预算执行情况(万元)";
  const scoreHeader = where === "scoreHeader" ? `得分(${budgetWeight}分*执行率)` : "得分";
  const header5: CellInput[] = [label, null, null, "预算数(A)", "执行数(B)", "执行率(B/A)", scoreHeader];
  if (where === "weightHeader") header5.splice(6, 0, `分值(${budgetWeight}分)`);
  put(ws, "A5", [header5]);
  ws.mergeCells("A5:C5");
  const budgetCells: CellInput[] = ["年度财政资金总额", null, null, budget, spent, { value: rate, numFmt: "0%" }, opts.unscored ? null : budgetScore];
  if (where === "weightHeader") budgetCells.splice(6, 0, "—");
  put(ws, "A6", [budgetCells]);
  ws.mergeCells("A6:C6");
  const names = [
    ["产出指标", "质量指标", "监测数据合格率", "100%", "100%"],
    [null, "进度指标", "监测资料按时取得", "100%", "100%"],
    ["满意度指标", "服务对象满意度指标", "资料审核满意度", "98%", "98%"],
  ] as const;
  let r = 7;
  const blockHeaderRows: number[] = [];
  const indicatorRows: number[] = [];
  const slotRows: number[] = [];
  let scoreSum = budgetScore;
  blocks.forEach((w, b) => {
    if (opts.labelRowAbove) put(ws, [r++, 1], [[`职能${"一二三四五"[b]}：履行第${b + 1}项职责（${w}分）`]]);
    const top = r;
    blockHeaderRows.push(r);
    const label = opts.labelRowAbove ? null : `年度绩效目标${b + 1}(${w}分)`;
    put(ws, [r++, 1], [[label, "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]]);
    const scores = opts.scores?.[b] ?? names.map((_, i) => round2(i < names.length - 1 ? Math.floor(w / names.length) : w - Math.floor(w / names.length) * (names.length - 1)));
    scores.forEach((score, i) => {
      const [l1, l2, l3, target, actual] = names[i % names.length];
      const filled = opts.unscored ? [null, null] : [actual, score];
      put(ws, [r, 2], [[l1, l2, `${l3}${i >= names.length ? i : ""}`, target, ...filled]]);
      indicatorRows.push(r++);
      scoreSum = round2(scoreSum + score);
    });
    if (opts.emptyLevel2Slots) {
      put(ws, [r, 2], [["效益指标", "社会效益指标"]]);
      slotRows.push(r++);
    }
    if (!opts.labelRowAbove) ws.mergeCells(`A${top}:A${r - 1}`);
  });
  const totalRow = r;
  put(ws, [r, 1], [["总分", null, null, null, null, null, opts.unscored ? null : (opts.statedTotal ?? scoreSum)]]);
  ws.mergeCells(`A${r}:F${r}`);
  put(ws, [r + 1, 1], [["偏差大或目标未完成原因分析", null, null, "无"]]);
  put(ws, [r + 2, 1], [["备注：1.预算执行情况口径：预算数为调整后财政资金总额，执行数为实际支出数。"]]);
  return { workbook: wb, slotRows, indicatorRows, totalRow, blockHeaderRows: blockHeaderRows.slice(1), budgetRow: 6, scoreSum };
}

export interface LevelWeightOptions {
  /** Weights of 产出 / 效益 / 满意度; default [50, 30, 10] (+ budget 10 in a row of the table). */
  weights?: [number, number, number];
  /** Where the weight is written: in the 一级 cell (产出指标（50分）), or alone in the cell under it. */
  weightIn?: "label" | "ownCell";
  /** Scores of the six indicator rows; default full marks spread evenly. */
  scores?: number[];
  statedTotal?: number;
  /** Published unfilled: targets only; no 完成值, no 得分, no 合计. */
  unscored?: boolean;
}

/**
 * 部门整体支出 table with no weight column: 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 得分,
 * two rows under each 一级, the 一级 weights stated in its label, a 预算执行率 row of 10.
 */
export function levelWeightTable(opts: LevelWeightOptions = {}): BuiltForm & { scoreSum: number; level1Rows: number[] } {
  const weights = opts.weights ?? [50, 30, 10];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("部门整体");
  put(ws, "A1", [["2021年度部门整体支出绩效自评表"]]);
  put(ws, "A2", [["一级指标", "二级指标", "三级指标", "指标值", "完成值", "得分"]]);
  const names = [
    ["产出指标", "数量指标", "办件量", "≥3000件", "3200件"],
    [null, "质量指标", "办结率", "≥98%", "99%"],
    ["效益指标", "社会效益指标", "群众知晓率", "≥90%", "93%"],
    [null, "可持续影响指标", "制度健全性", "健全", "健全"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%"],
    [null, null, "企业满意度", "≥90%", "95%"],
  ] as const;
  const scores = opts.scores ?? weights.flatMap((w) => [w / 2, w / 2]);
  const level1Rows: number[] = [];
  const indicatorRows: number[] = [];
  let r = 3;
  put(ws, [r, 1], [["预算执行率（10分）", null, null, "100%", ...(opts.unscored ? [null, null] : ["100%", 10])]]);
  r++;
  let scoreSum = 10;
  names.forEach(([l1, l2, l3, target, actual], i) => {
    const w = weights[Math.floor(i / 2)];
    let level1: string | null = l1;
    if (l1 !== null) {
      level1Rows.push(r);
      if (opts.weightIn !== "ownCell") level1 = `${l1}（${w}分）`;
    } else if (opts.weightIn === "ownCell") {
      level1 = `（${w}分）`;
    }
    put(ws, [r, 1], [[level1, l2, l3, target, ...(opts.unscored ? [null, null] : [actual, scores[i]])]]);
    indicatorRows.push(r++);
    scoreSum = round2(scoreSum + scores[i]);
  });
  const totalRow = r;
  put(ws, [r, 1], [["合计", null, null, null, null, opts.unscored ? null : (opts.statedTotal ?? scoreSum)]]);
  return { workbook: wb, slotRows: [], indicatorRows, totalRow, scoreSum, level1Rows };
}

export interface NameColumnLabelOptions {
  /** Header of the category column: 类别 (苏州 2017) or 指标类别. */
  categoryHeader?: string;
  /** Points written in the labels of the four sub-levels; default 28 / 28 / 16 / 8 (their rows' weights add up to these). */
  subLevelPoints?: [number, number, number, number];
  /** Brackets of the labels: half-width (苏州) or full-width. */
  fullWidth?: boolean;
}

/**
 * 类别 | 指标名称 | 目标值 | 权重 | 实际完成值 | 自评分, as a 苏州 2017 市级项目 form prints it (its page is cut
 * before the total; the rest of the table here is made up in its shape): the 类别 column holds
 * 项目决策(20分) and 项目绩效实现情况(80分); inside the second, the sub-levels 投入目标(28分) …
 * stand on rows of their own in the 指标名称 column, with nothing else on the row.
 */
export function nameColumnLabelTable(opts: NameColumnLabelOptions = {}): BuiltForm & { labelRows: number[]; level1Rows: number[] } {
  const points = opts.subLevelPoints ?? [28, 28, 16, 8];
  const b = (s: string) => (opts.fullWidth ? s.replace("(", "（").replace(")", "）") : s);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  put(ws, "A1", [["市级财政支出项目绩效自评表"]]);
  put(ws, "A2", [[opts.categoryHeader ?? "类别", "指标名称", "目标值", "权重", "实际完成值", "自评分"]]);
  const body: CellInput[][] = [
    [b("项目决策(20分)"), "项目立项规范性", "规范", 5, "规范", 5],
    [null, "绩效目标合理性", "合理", 5, "合理", 5],
    [null, "资金分配合理性", "合理", 10, "合理", 10],
    [b("项目绩效实现情况(80分)"), b(`投入目标(${points[0]}分)`)],
    [null, "资金到位率", "100%", 2.8, "100%", 2.8],
    [null, "预算执行率", "100%", 5.6, "100%", 5.6],
    [null, "养护面积", "120万平方米", 19.6, "120万平方米", 19.6],
    [null, b(`产出目标(${points[1]}分)`)],
    [null, "养护合格率", "≥95%", 14, "96%", 14],
    [null, "养护及时率", "100%", 14, "100%", 14],
    [null, b(`结果目标(${points[2]}分)`)],
    [null, "绿化覆盖率", "≥42%", 8, "42.5%", 8],
    [null, "生态效益", "良好", 8, "良好", 8],
    [null, b(`满意度(${points[3]}分)`)],
    [null, "公众满意度", "≥90%", 8, "92%", 8],
  ];
  put(ws, "A3", body);
  const labelRows: number[] = [];
  const indicatorRows: number[] = [];
  body.forEach((row, i) => (row.length === 2 ? labelRows : indicatorRows).push(i + 3));
  const totalRow = 3 + body.length;
  put(ws, [totalRow, 1], [["合计", null, null, 100, null, 100]]);
  ws.mergeCells("A3:A5");
  ws.mergeCells(`A6:A${totalRow - 1}`);
  return { workbook: wb, slotRows: [], indicatorRows, totalRow, labelRows, level1Rows: [3, 6] };
}

export interface LevelPointsOptions {
  /** The 二级 points of 项目目标 (its two rows weigh 4 + 4). */
  goalPoints?: number;
  /** Merge the level and points cells down their rows, as the printed table does. */
  merged?: boolean;
}

/**
 * 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分, the shape of a 海南 省商务厅 服务贸易 form
 * (its page is cut in 项目效益; the rest is made up in its shape): every level has its own 分值
 * column; the indicator's weight is the one after 三级指标.
 */
export function levelPointsTable(opts: LevelPointsOptions = {}): BuiltForm & { level2PointRows: number[] } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  put(ws, "A1", [["服务贸易项目绩效自评表"]]);
  put(ws, "A2", [["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"]]);
  const body: CellInput[][] = [
    ["项目决策", 20, "项目目标", opts.goalPoints ?? 8, "目标明确性", 4, 4],
    [null, null, null, null, "目标合理性", 4, 3],
    [null, null, "决策过程", 12, "决策依据", 6, 6],
    [null, null, null, null, "决策程序", 6, 6],
    ["项目管理", 25, "资金管理", 15, "资金到位率", 5, 5],
    [null, null, null, null, "预算执行率", 5, 4],
    [null, null, null, null, "资金使用合规性", 5, 5],
    [null, null, "组织实施", 10, "管理制度健全性", 5, 5],
    [null, null, null, null, "制度执行有效性", 5, 5],
    ["项目效益", 55, "项目产出", 30, "产出数量", 15, 15],
    [null, null, null, null, "产出质量", 15, 14],
    [null, null, "项目效果", 25, "社会效益", 15, 15],
    [null, null, null, null, "满意度", 10, 9],
  ];
  put(ws, "A3", body);
  const totalRow = 3 + body.length;
  put(ws, [totalRow, 1], [["合计", 100, null, 100, null, 100, 95]]);
  if (opts.merged) {
    for (const [from, to] of [[3, 6], [7, 11], [12, 15]]) for (const c of ["A", "B"]) ws.mergeCells(`${c}${from}:${c}${to}`);
    for (const [from, to] of [[3, 4], [5, 6], [7, 9], [10, 11], [12, 13], [14, 15]]) for (const c of ["C", "D"]) ws.mergeCells(`${c}${from}:${c}${to}`);
  }
  const indicatorRows = body.map((_, i) => i + 3);
  return { workbook: wb, slotRows: [], indicatorRows, totalRow, level2PointRows: [3, 5, 7, 10, 12, 14] };
}

export interface SharedPointsOptions {
  /** Breakdown rows 其中：… under the first indicator (with target and result, no points). */
  breakdowns?: number;
  /** Merge the 得分 cell (and the 分值 cell, with `weightColumn`) of each 二级's rows into one. */
  mergedScores?: boolean;
  /** A per-row 分值 column (merged like the scores); without it the weights are in the 一级 labels. */
  weightColumn?: boolean;
  /** Leave the 得分 of the second 二级 empty (the merge then shares nothing). */
  emptySecondScore?: boolean;
}

/**
 * Points that belong to more than one row, as published forms print them (安徽 萧县 2023: `其中：`
 * breakdown rows under an indicator; 湖北 黄石 2022: one 得分 merged over a 二级's rows):
 * 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | [分值] | 得分, two 二级 of two rows each.
 */
export function sharedPointsTable(opts: SharedPointsOptions = {}): BuiltForm & { breakdownRows: number[]; coveredRows: number[] } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  const w = opts.weightColumn ?? false;
  put(ws, "A1", [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", ...(w ? ["分值"] : []), "得分"]]);
  const rows: CellInput[][] = [];
  const indicatorRows: number[] = [];
  const breakdownRows: number[] = [];
  const coveredRows: number[] = [];
  const merged = opts.mergedScores ?? false;
  const add = (cells: CellInput[], kind: "indicator" | "breakdown") => {
    rows.push(cells);
    (kind === "indicator" ? indicatorRows : breakdownRows).push(rows.length + 1);
  };
  const points = (p: number, second: boolean): CellInput[] => (w ? [p, second ? null : p] : [second ? null : p]);
  const label = w ? "产出指标" : "产出指标（100分）";
  // 数量指标: 60 points for two rows (30 + 30 unmerged).
  add([label, "数量指标", "补贴户数", "≥100户", "105户", ...(merged ? (w ? [60, 60] : [60]) : (w ? [30, 30] : [30]))], "indicator");
  for (let i = 0; i < (opts.breakdowns ?? 0); i++) add([null, null, `其中：第${i + 1}类户`, "≥10户", "12户", ...(w ? [null, null] : [null])], "breakdown");
  add([null, null, "补贴人数", "≥300人", "320人", ...(merged ? (w ? [null, null] : [null]) : (w ? [30, 30] : [30]))], "indicator");
  if (merged) coveredRows.push(rows.length + 1);
  // 质量指标: 40 points.
  const second = opts.emptySecondScore ?? false;
  add([null, "质量指标", "发放准确率", "100%", "100%", ...(merged ? (w ? [40, second ? null : 40] : [second ? null : 40]) : points(20, second))], "indicator");
  add([null, null, "发放及时率", "100%", "100%", ...(merged ? (w ? [null, null] : [null]) : points(20, second))], "indicator");
  if (merged) coveredRows.push(rows.length + 1);
  put(ws, "A2", rows);
  const totalRow = rows.length + 2;
  put(ws, [totalRow, 1], [["合计", null, null, null, null, ...(w ? [100] : []), second ? 60 : 100]]);
  if (merged) {
    const cols = w ? ["F", "G"] : ["F"];
    const first = indicatorRows;
    for (const c of cols) {
      ws.mergeCells(`${c}${first[0]}:${c}${first[1]}`);
      ws.mergeCells(`${c}${first[2]}:${c}${first[3]}`);
    }
  }
  return { workbook: wb, slotRows: [], indicatorRows, totalRow, breakdownRows, coveredRows };
}
