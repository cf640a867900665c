/**
 * The 插入模板 sheet (SPEC §6) as plain data: every host (exceljs, Office.js)
 * applies the same description, and tests read the layout facts from it.
 *
 * Choices (see the report / README):
 * - Groups are the national 产出 / 效益 / 满意度 ones with their standard 二级指标.
 * - Suggested weights are pre-filled on every indicator row so that the totals read
 *   100 from the start: 项目支出 产出 50 / 效益 30 / 满意度 10 + 预算执行率 10
 *   (财预〔2020〕10号); 部门整体支出 has no budget block, so its 10 points go to
 *   效益指标 (产出 50 / 效益 40 / 满意度 10). A note row below the table says so.
 * - The grade sits in its own row under 总分 (label 评价等级, then the formula),
 *   because the total row has no free cell inside the printed width.
 * - Header texts stay Chinese whatever `lang` is: they are what the form and the
 *   checker read. `lang` only changes the validation messages and the note.
 */
import { cellAddress, columnLetter } from "./address";
import type { CellRef } from "./types";

export type TemplateKind = "department" | "project";

export interface TemplateOptions {
  /** 填报单位, written after 填报单位：. */
  unit?: string;
  /** 年度; the title shows ____ when absent. */
  year?: number;
  /** Language of the input prompts, error messages and note (headers are always Chinese). */
  lang?: "zh" | "en";
}

export interface TemplateCell {
  row: number; // 1-based
  col: number; // 1-based
  value?: string | number;
  /** A formula with its leading "=", e.g. "=SUM(F5:F24)". */
  formula?: string;
  bold?: boolean;
  /** Points; the host's default when absent. */
  fontSize?: number;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  numberFormat?: string;
  /** Background as 6 hex digits. */
  fill?: string;
}

/**
 * A decimal rule. Formula strings start with "=" and are relative to the top-left
 * cell of the range, as in Excel ("=F5" on G5:G24 means each score's own weight).
 */
export interface DecimalRule {
  type: "decimal";
  operator: "greaterThanOrEqual" | "between";
  formula1: number | string;
  formula2?: number | string;
}

export interface TemplateValidation {
  /** A1 range, e.g. "G5:G24". */
  range: string;
  rule: DecimalRule;
  allowBlank: boolean;
  prompt?: { title: string; message: string };
  error: { title: string; message: string };
}

export interface TemplatePrint {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page wide, as many pages tall as needed. */
  fitToWidth: 1;
  fitToHeight: 0;
  /** Rows repeated at the top of every printed page, 1-based inclusive. */
  repeatRows: { first: number; last: number };
  printArea: string;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  horizontalCentered: boolean;
}

export type TemplateRole = "level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "reason";

export interface TemplateGroup {
  level1: string;
  level2: string;
  firstRow: number;
  lastRow: number;
  /** Suggested points of the whole level2 group (the sum of its rows' weights). */
  weight: number;
}

export interface TemplateBudgetBlock {
  headerRow: number;
  /** The 年度资金总额 (预算执行率) row: its 分值 and 得分 count in the totals. */
  row: number;
  /** 其中：当年财政拨款 / 上年结转资金 / 其他资金: shown, not scored. */
  subRows: number[];
  columns: { label: number; initialBudget: number; budget: number; spent: number; weight: number; rate: number; score: number };
  weight: number;
}

/** Where things are, for tests and hosts (all 1-based). */
export interface TemplateLayout {
  titleCell: CellRef;
  unitCell: CellRef;
  yearCell: CellRef;
  headerRows: number[];
  columns: Record<TemplateRole, number>;
  firstColumn: number;
  lastColumn: number;
  firstRow: number;
  lastRow: number;
  totalRow: number;
  gradeLabelCell: CellRef;
  gradeCell: CellRef;
  groups: TemplateGroup[];
  budget?: TemplateBudgetBlock;
}

export interface TemplateSheet {
  kind: TemplateKind;
  /** Preferred sheet name; hosts make it unique with uniqueSheetName. */
  name: string;
  cells: TemplateCell[];
  /** A1 ranges. */
  merges: string[];
  /** Width in characters of each column, index 0 = column A. */
  columnWidths: number[];
  /** Heights in points. */
  rowHeights: { row: number; height: number }[];
  /** A1 ranges whose every cell gets a thin border on all four sides. */
  borders: string[];
  validations: TemplateValidation[];
  /** Rows/columns frozen at the top/left; absent when freezing would take too much of the screen. */
  freeze?: { rows: number; columns: number };
  print: TemplatePrint;
  layout: TemplateLayout;
}

interface GroupSpec {
  level1: string;
  level2: string;
  rows: number;
  /** Suggested weight of each row. */
  rowWeight: number;
}

const DEPARTMENT_GROUPS: GroupSpec[] = [
  { level1: "产出指标", level2: "数量指标", rows: 3, rowWeight: 5 },
  { level1: "产出指标", level2: "质量指标", rows: 3, rowWeight: 5 },
  { level1: "产出指标", level2: "时效指标", rows: 2, rowWeight: 5 },
  { level1: "产出指标", level2: "成本指标", rows: 2, rowWeight: 5 },
  { level1: "效益指标", level2: "经济效益指标", rows: 2, rowWeight: 5 },
  { level1: "效益指标", level2: "社会效益指标", rows: 2, rowWeight: 5 },
  { level1: "效益指标", level2: "生态效益指标", rows: 2, rowWeight: 5 },
  { level1: "效益指标", level2: "可持续影响指标", rows: 2, rowWeight: 5 },
  { level1: "满意度指标", level2: "服务对象满意度指标", rows: 2, rowWeight: 5 },
];

const PROJECT_GROUPS: GroupSpec[] = [
  { level1: "产出指标", level2: "数量指标", rows: 3, rowWeight: 5 },
  { level1: "产出指标", level2: "质量指标", rows: 3, rowWeight: 5 },
  { level1: "产出指标", level2: "时效指标", rows: 2, rowWeight: 5 },
  { level1: "产出指标", level2: "成本指标", rows: 2, rowWeight: 5 },
  { level1: "效益指标", level2: "经济效益指标", rows: 2, rowWeight: 3 },
  { level1: "效益指标", level2: "社会效益指标", rows: 3, rowWeight: 4 },
  { level1: "效益指标", level2: "生态效益指标", rows: 2, rowWeight: 3 },
  { level1: "效益指标", level2: "可持续影响指标", rows: 2, rowWeight: 3 },
  { level1: "满意度指标", level2: "服务对象满意度指标", rows: 2, rowWeight: 5 },
];

/** Points of the 预算执行率 row of a project table. */
export const BUDGET_ROW_WEIGHT = 10;

const HEADERS: Record<TemplateKind, Record<TemplateRole, string>> = {
  department: {
    level1: "一级指标",
    level2: "二级指标",
    level3: "三级指标",
    target: "目标值",
    actual: "完成情况",
    weight: "权重（分）",
    score: "得分",
    reason: "偏差原因分析及改进措施",
  },
  project: {
    level1: "一级指标",
    level2: "二级指标",
    level3: "三级指标",
    target: "年度指标值",
    actual: "实际完成值",
    weight: "分值",
    score: "得分",
    reason: "偏差原因分析及改进措施",
  },
};

const COLUMN_ORDER: TemplateRole[] = ["level1", "level2", "level3", "target", "actual", "weight", "score", "reason"];
const COLUMN_WIDTHS = [10, 12, 26, 14, 14, 8, 8, 22];

const TITLES: Record<TemplateKind, string> = {
  department: "部门整体支出绩效自评表",
  project: "项目支出绩效自评表",
};

const HEADER_FILL = "F2F2F2";
const AMOUNT_FORMAT = "#,##0.00";
const RATE_FORMAT = "0.00%";
const SCORE_FORMAT = "0.00";

type Lang = "zh" | "en";

const TEXT = {
  weightPrompt: { zh: { title: "权重", message: "填写本行分值（不小于 0 的数字）" }, en: { title: "Weight", message: "Points of this row (a number ≥ 0)" } },
  weightError: { zh: { title: "权重无效", message: "权重须为不小于 0 的数字" }, en: { title: "Invalid weight", message: "The weight must be a number ≥ 0" } },
  scorePrompt: { zh: { title: "得分", message: "填写本行得分：不小于 0，且不超过本行权重" }, en: { title: "Score", message: "Score of this row: ≥ 0 and not above its weight" } },
  scoreError: { zh: { title: "得分无效", message: "得分须为数字，不小于 0，且不超过本行权重" }, en: { title: "Invalid score", message: "The score must be a number between 0 and the row's weight" } },
  amountError: { zh: { title: "金额无效", message: "金额须为不小于 0 的数字（万元）" }, en: { title: "Invalid amount", message: "The amount must be a number ≥ 0 (10k yuan)" } },
};

function note(kind: TemplateKind, lang: Lang): string {
  if (lang === "en") {
    return kind === "project"
      ? "Note: the weights are suggestions (outputs 50, outcomes 30, satisfaction 10, budget execution 10; total 100). Adjust them to your indicators; the total must stay 100. Insert rows inside a group so that the SUM totals follow."
      : "Note: the weights are suggestions (outputs 50, outcomes 40, satisfaction 10; total 100). Adjust them to your indicators; the total must stay 100. Insert rows inside a group so that the SUM totals follow.";
  }
  return kind === "project"
    ? "注：权重为建议分值（产出指标50分、效益指标30分、满意度指标10分、预算执行率10分，合计100分），可按实际指标调整，合计须为100分；增加指标请在组内插入行，总分公式会随之扩展。"
    : "注：权重为建议分值（产出指标50分、效益指标40分、满意度指标10分，合计100分），可按实际指标调整，合计须为100分；增加指标请在组内插入行，总分公式会随之扩展。";
}

const FOOTER = "填表人：　　　　　　　　联系电话：　　　　　　　　填报日期：　　　　年　　月　　日";

function range(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  const b = cellAddress(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

/**
 * The grade formula of the national thresholds (90 优, 80 良, 60 中, else 差) over a score cell; with
 * `scoredCells` (the score cells the total adds), empty while none of them holds a number: a template
 * nobody has scored yet shows no grade, not 差.
 */
export function gradeFormula(scoreCell: string, scoredCells?: string): string {
  const grade = `IF(${scoreCell}>=90,"优",IF(${scoreCell}>=80,"良",IF(${scoreCell}>=60,"中","差")))`;
  return scoredCells ? `=IF(COUNT(${scoredCells})=0,"",${grade})` : `=${grade}`;
}

/** Builds the template sheet description of one kind. */
export function buildTemplate(kind: TemplateKind, opts: TemplateOptions = {}): TemplateSheet {
  const lang: Lang = opts.lang ?? "zh";
  const headers = HEADERS[kind];
  const groups = kind === "project" ? PROJECT_GROUPS : DEPARTMENT_GROUPS;
  const columns = {} as Record<TemplateRole, number>;
  COLUMN_ORDER.forEach((role, i) => (columns[role] = i + 1));
  const firstColumn = 1;
  const lastColumn = COLUMN_ORDER.length;
  const beforeWeight = columns.weight - 1;

  const cells: TemplateCell[] = [];
  const merges: string[] = [];
  const borders: string[] = [];
  const validations: TemplateValidation[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const put = (cell: TemplateCell) => cells.push(cell);
  const merge = (top: number, left: number, bottom: number, right: number) => {
    if (bottom > top || right > left) merges.push(range(top, left, bottom, right));
  };

  // Title and metadata.
  const titleCell = { row: 1, col: firstColumn };
  put({ ...titleCell, value: `${opts.year ?? "____"}年度${TITLES[kind]}`, bold: true, fontSize: 16, horizontal: "center", vertical: "middle" });
  merge(1, firstColumn, 1, lastColumn);
  rowHeights.push({ row: 1, height: 36 });
  const unitCell = { row: 2, col: firstColumn };
  put({ ...unitCell, value: `填报单位：${opts.unit ?? ""}`, horizontal: "left", vertical: "middle" });
  merge(2, firstColumn, 2, beforeWeight);
  const yearCell = { row: 2, col: columns.weight };
  put({ ...yearCell, value: `年度：${opts.year ?? ""}`, horizontal: "left", vertical: "middle" });
  merge(2, columns.weight, 2, lastColumn);
  rowHeights.push({ row: 2, height: 22 });
  let row = 3;

  // Budget block of a project table (SPEC §3).
  let budget: TemplateBudgetBlock | undefined;
  if (kind === "project") {
    put({ row, col: firstColumn, value: "项目名称：", horizontal: "left", vertical: "middle" });
    merge(row, firstColumn, row, lastColumn);
    rowHeights.push({ row, height: 22 });
    row++;
    const bc = { label: 1, initialBudget: 3, budget: 4, spent: 5, weight: 6, rate: 7, score: 8 };
    const headerRow = row;
    const headerStyle = { bold: true, horizontal: "center", vertical: "middle", wrap: true, fill: HEADER_FILL } as const;
    put({ row, col: bc.label, value: "项目资金（万元）", ...headerStyle });
    merge(row, bc.label, row, bc.initialBudget - 1);
    put({ row, col: bc.initialBudget, value: "年初预算数", ...headerStyle });
    put({ row, col: bc.budget, value: "全年预算数", ...headerStyle });
    put({ row, col: bc.spent, value: "全年执行数", ...headerStyle });
    put({ row, col: bc.weight, value: "分值", ...headerStyle });
    put({ row, col: bc.rate, value: "执行率", ...headerStyle });
    put({ row, col: bc.score, value: "得分", ...headerStyle });
    rowHeights.push({ row, height: 24 });
    row++;
    const budgetRow = row;
    const L = (c: number) => columnLetter(c);
    put({ row, col: bc.label, value: "年度资金总额", horizontal: "center", vertical: "middle", wrap: true });
    merge(row, bc.label, row, bc.initialBudget - 1);
    for (const c of [bc.initialBudget, bc.budget, bc.spent]) put({ row, col: c, numberFormat: AMOUNT_FORMAT, horizontal: "right", vertical: "middle" });
    put({ row, col: bc.weight, value: BUDGET_ROW_WEIGHT, horizontal: "center", vertical: "middle" });
    put({
      row,
      col: bc.rate,
      formula: `=IFERROR(${L(bc.spent)}${row}/${L(bc.budget)}${row},0)`,
      numberFormat: RATE_FORMAT,
      horizontal: "center",
      vertical: "middle",
    });
    put({
      row,
      col: bc.score,
      formula: `=MIN(${L(bc.rate)}${row}*${L(bc.weight)}${row},${L(bc.weight)}${row})`,
      numberFormat: SCORE_FORMAT,
      horizontal: "center",
      vertical: "middle",
    });
    rowHeights.push({ row, height: 22 });
    row++;
    const subRows: number[] = [];
    for (const label of ["其中：当年财政拨款", "上年结转资金", "其他资金"]) {
      subRows.push(row);
      put({ row, col: bc.label, value: label, horizontal: label.startsWith("其中") ? "left" : "center", vertical: "middle", wrap: true });
      merge(row, bc.label, row, bc.initialBudget - 1);
      for (const c of [bc.initialBudget, bc.budget, bc.spent]) put({ row, col: c, numberFormat: AMOUNT_FORMAT, horizontal: "right", vertical: "middle" });
      for (const c of [bc.weight, bc.rate, bc.score]) put({ row, col: c, value: "—", horizontal: "center", vertical: "middle" });
      rowHeights.push({ row, height: 22 });
      row++;
    }
    borders.push(range(headerRow, firstColumn, row - 1, lastColumn));
    const amounts = range(budgetRow, bc.initialBudget, row - 1, bc.spent);
    validations.push({
      range: amounts,
      rule: { type: "decimal", operator: "greaterThanOrEqual", formula1: 0 },
      allowBlank: true,
      error: TEXT.amountError[lang],
    });
    validations.push({
      range: cellAddress(budgetRow, bc.weight),
      rule: { type: "decimal", operator: "greaterThanOrEqual", formula1: 0 },
      allowBlank: true,
      prompt: TEXT.weightPrompt[lang],
      error: TEXT.weightError[lang],
    });
    budget = { headerRow, row: budgetRow, subRows, columns: bc, weight: BUDGET_ROW_WEIGHT };
  }

  // Two-row header: 评价指标 over 一级指标 | 二级指标, the others merged down.
  const headerTop = row;
  const headerBottom = row + 1;
  const headerStyle = { bold: true, horizontal: "center", vertical: "middle", wrap: true, fill: HEADER_FILL } as const;
  put({ row: headerTop, col: columns.level1, value: "评价指标", ...headerStyle });
  merge(headerTop, columns.level1, headerTop, columns.level2);
  put({ row: headerBottom, col: columns.level1, value: headers.level1, ...headerStyle });
  put({ row: headerBottom, col: columns.level2, value: headers.level2, ...headerStyle });
  for (const role of COLUMN_ORDER) {
    if (role === "level1" || role === "level2") continue;
    put({ row: headerTop, col: columns[role], value: headers[role], ...headerStyle });
    merge(headerTop, columns[role], headerBottom, columns[role]);
  }
  rowHeights.push({ row: headerTop, height: 20 }, { row: headerBottom, height: 20 });
  row = headerBottom + 1;

  // Indicator rows, grouped, with merged level cells.
  const firstRow = row;
  const templateGroups: TemplateGroup[] = [];
  for (const g of groups) {
    const start = row;
    for (let i = 0; i < g.rows; i++, row++) {
      put({ row, col: columns.level3, horizontal: "left", vertical: "middle", wrap: true });
      put({ row, col: columns.target, horizontal: "center", vertical: "middle", wrap: true });
      put({ row, col: columns.actual, horizontal: "center", vertical: "middle", wrap: true });
      put({ row, col: columns.weight, value: g.rowWeight, horizontal: "center", vertical: "middle" });
      put({ row, col: columns.score, horizontal: "center", vertical: "middle" });
      put({ row, col: columns.reason, horizontal: "left", vertical: "middle", wrap: true });
      rowHeights.push({ row, height: 30 });
    }
    templateGroups.push({ level1: g.level1, level2: g.level2, firstRow: start, lastRow: row - 1, weight: g.rows * g.rowWeight });
  }
  const lastRow = row - 1;
  const levelStyle = { horizontal: "center", vertical: "middle", wrap: true } as const;
  for (const g of templateGroups) {
    put({ row: g.firstRow, col: columns.level2, value: g.level2, ...levelStyle });
    merge(g.firstRow, columns.level2, g.lastRow, columns.level2);
  }
  for (const level1 of [...new Set(templateGroups.map((g) => g.level1))]) {
    const own = templateGroups.filter((g) => g.level1 === level1);
    const top = own[0].firstRow;
    const bottom = own[own.length - 1].lastRow;
    put({ row: top, col: columns.level1, value: level1, bold: true, ...levelStyle });
    merge(top, columns.level1, bottom, columns.level1);
  }

  // 总分 with SUM over exactly the indicator rows (plus the 预算执行率 row), then the grade.
  const totalRow = row;
  const W = columnLetter(columns.weight);
  const S = columnLetter(columns.score);
  put({ row: totalRow, col: firstColumn, value: "总分", bold: true, horizontal: "center", vertical: "middle" });
  merge(totalRow, firstColumn, totalRow, beforeWeight);
  const budgetWeight = budget ? `+${cellAddress(budget.row, budget.columns.weight)}` : "";
  const budgetScore = budget ? `+${cellAddress(budget.row, budget.columns.score)}` : "";
  put({ row: totalRow, col: columns.weight, formula: `=SUM(${W}${firstRow}:${W}${lastRow})${budgetWeight}`, bold: true, horizontal: "center", vertical: "middle" });
  put({ row: totalRow, col: columns.score, formula: `=SUM(${S}${firstRow}:${S}${lastRow})${budgetScore}`, bold: true, numberFormat: budget ? SCORE_FORMAT : undefined, horizontal: "center", vertical: "middle" });
  rowHeights.push({ row: totalRow, height: 24 });
  const gradeRow = totalRow + 1;
  const gradeLabelCell = { row: gradeRow, col: firstColumn };
  const gradeCell = { row: gradeRow, col: columns.weight };
  put({ ...gradeLabelCell, value: "评价等级", bold: true, horizontal: "center", vertical: "middle" });
  merge(gradeRow, firstColumn, gradeRow, beforeWeight);
  const scoredCells = `${S}${firstRow}:${S}${lastRow}${budget ? `,${cellAddress(budget.row, budget.columns.score)}` : ""}`;
  put({ ...gradeCell, formula: gradeFormula(`${S}${totalRow}`, scoredCells), bold: true, horizontal: "center", vertical: "middle" });
  merge(gradeRow, columns.weight, gradeRow, lastColumn);
  rowHeights.push({ row: gradeRow, height: 24 });
  borders.push(range(headerTop, firstColumn, gradeRow, lastColumn));

  // Note on the suggested weights, and the signature line.
  const noteRow = gradeRow + 1;
  put({ row: noteRow, col: firstColumn, value: note(kind, lang), horizontal: "left", vertical: "top", wrap: true, fontSize: 9 });
  merge(noteRow, firstColumn, noteRow, lastColumn);
  rowHeights.push({ row: noteRow, height: 36 });
  const footerRow = noteRow + 1;
  put({ row: footerRow, col: firstColumn, value: FOOTER, horizontal: "left", vertical: "middle" });
  merge(footerRow, firstColumn, footerRow, lastColumn);
  rowHeights.push({ row: footerRow, height: 24 });

  // Weight ≥ 0; score between 0 and its own row's weight.
  validations.push({
    range: range(firstRow, columns.weight, lastRow, columns.weight),
    rule: { type: "decimal", operator: "greaterThanOrEqual", formula1: 0 },
    allowBlank: true,
    prompt: TEXT.weightPrompt[lang],
    error: TEXT.weightError[lang],
  });
  validations.push({
    range: range(firstRow, columns.score, lastRow, columns.score),
    rule: { type: "decimal", operator: "between", formula1: 0, formula2: `=${W}${firstRow}` },
    allowBlank: true,
    prompt: TEXT.scorePrompt[lang],
    error: TEXT.scoreError[lang],
  });

  return {
    kind,
    name: TITLES[kind],
    cells,
    merges,
    columnWidths: COLUMN_WIDTHS.slice(),
    rowHeights,
    borders,
    validations,
    // The project sheet's header sits under the budget block: freezing it would hold a third of the screen.
    freeze: kind === "department" ? { rows: headerBottom, columns: 0 } : undefined,
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: { first: headerTop, last: headerBottom },
      printArea: range(1, firstColumn, footerRow, lastColumn),
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
    layout: {
      titleCell,
      unitCell,
      yearCell,
      headerRows: [headerTop, headerBottom],
      columns,
      firstColumn,
      lastColumn,
      firstRow,
      lastRow,
      totalRow,
      gradeLabelCell,
      gradeCell,
      groups: templateGroups,
      budget,
    },
  };
}

/** The sheet name, or the name with (2), (3) … when a sheet of that name exists (Excel compares names case-insensitively). */
export function uniqueSheetName(name: string, existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name}(${i})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
