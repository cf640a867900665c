/**
 * The 预算执行率 row of a project table (SPEC §3): usually in a budget block
 * above the indicator table (项目资金（万元） | 年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分, row 年度资金总额, sub-rows 其中：… that are
 * not scored), sometimes a row of the indicator table itself.
 */
import type { BudgetRow, CellValue, TableLayout } from "./types";
import type { Grid } from "./snapshot";
import { normalizeHeader } from "./headers";
import { compactText, toHalfWidth } from "./normalize";
import { toNumber } from "./numbers";
import { isBudgetRateLabel } from "./rowKinds";
import { weightLabelOf } from "./weightLabels";

export type BudgetField = "initialBudget" | "budget" | "spent" | "weight" | "rate" | "score";

const BUDGET_HEADERS: [RegExp, BudgetField][] = [
  [/^年初预算(数|金额)?$/, "initialBudget"],
  [/^(全年|调整后|年度)?预算(数|金额)?$/, "budget"],
  [/^(全年|预算)?(实际)?(执行|支出)(数|金额)?$|^实际支出$/, "spent"],
  [/^(分值|权重|标准分)$/, "weight"],
  [/^(预算)?执行率$/, "rate"],
  [/^(得分|评分|自评得分)$/, "score"],
];

export interface BudgetHeader {
  row: number;
  columns: Partial<Record<BudgetField, number>>;
}

function budgetField(text: string): BudgetField | undefined {
  const h = normalizeHeader(text);
  for (const [re, field] of BUDGET_HEADERS) if (re.test(h)) return field;
  return undefined;
}

function headerAt(grid: Grid, row: number): BudgetHeader | undefined {
  const columns: Partial<Record<BudgetField, number>> = {};
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const v = grid.value(row, c);
    if (typeof v !== "string") continue;
    const f = budgetField(v);
    if (!f) continue;
    // 预算执行率 may be the block's label in its first cell; a plain 执行率 column is the rate then.
    // 年度预算数(万元) may be the label over the row names; 调整后预算数 / 全年预算数 is the budget then.
    if (columns[f] === undefined || (f === "rate" && normalizeHeader(v) === "执行率") || (f === "budget" && /^(调整后|全年)/.test(normalizeHeader(v)))) columns[f] = c;
  }
  const found = Object.keys(columns).length;
  const money = columns.budget !== undefined || columns.spent !== undefined;
  return found >= 3 && money && columns.rate !== undefined ? { row, columns } : undefined;
}

/** The budget block's header between rows `from` and `to` (inclusive), nearest to `to` first. */
export function findBudgetHeader(grid: Grid, from: number, to: number): BudgetHeader | undefined {
  for (let r = Math.min(to, grid.lastRow); r >= Math.max(from, grid.firstRow); r--) {
    const h = headerAt(grid, r);
    if (h) return h;
  }
  return undefined;
}

const SUB_ROW = /^(其中|当年财政拨款|财政拨款|上年结转|上年结转资金|其他资金|其它资金|自筹资金)/;
const TOTAL_ROW = /^(年度资金总额|年度财政资金总额|财政资金总额|资金总额|总额|预算执行率|合计|总计|项目资金总额|年度资金合计)/;
/** Rows under the budget header looked at for the 年度资金总额 row. */
const BUDGET_REACH = 8;

function rowLabel(grid: Grid, row: number, beforeCol: number): string {
  for (let c = grid.firstCol; c < beforeCol; c++) {
    const t = compactText(grid.text(row, c));
    if (t && !/^项目资金|^资金情况|^预算资金/.test(t)) return t;
  }
  return "";
}

/** The scored row of a budget block: 年度资金总额 (or 预算执行率), not the 其中 sub-rows. */
export function findBudgetBlockRow(grid: Grid, header: BudgetHeader, before: number): number | undefined {
  const cols = Object.values(header.columns).filter((c): c is number => c !== undefined);
  const firstCol = Math.min(...cols);
  let firstNumbers: number | undefined;
  for (let r = header.row + 1; r < Math.min(before, header.row + 1 + BUDGET_REACH); r++) {
    const label = rowLabel(grid, r, firstCol);
    if (SUB_ROW.test(label)) continue;
    if (TOTAL_ROW.test(label)) return r;
    const hasNumbers = cols.some((c) => toNumber(grid.value(r, c)) !== undefined || isPercentText(grid.value(r, c)));
    if (hasNumbers && firstNumbers === undefined) firstNumbers = r;
  }
  return firstNumbers;
}

function isPercentText(v: CellValue): boolean {
  return typeof v === "string" && /^\s*[\d.]+\s*[%％]\s*$/.test(v);
}

/**
 * An execution rate as a fraction: a number with a % format as it is (0.95),
 * text "95%" → 0.95, a plain number above 2 read as percent points (95 → 0.95).
 */
export function rateFraction(v: CellValue, numberFormat: string | null): number | undefined {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return undefined;
    if (numberFormat && numberFormat.includes("%")) return v;
    return v > 2 ? v / 100 : v;
  }
  if (typeof v !== "string") return undefined;
  const t = toHalfWidth(v).replace(/\s+/g, "");
  const m = /^([+-]?\d+(?:\.\d+)?)%$/.exec(t);
  if (m) return Number(m[1]) / 100;
  const n = toNumber(v);
  return n === undefined ? undefined : n > 2 ? n / 100 : n;
}

/**
 * 预算执行率 as a label in the indicator table's own level cells (not carried
 * from above): a row of its own under level1 or level2, or an indicator
 * (level3) of a project table, one with a budget block. In a 部门整体 table a
 * 预算执行率 indicator is judged like any other.
 */
export function findBudgetRowInTable(
  grid: Grid,
  layout: Pick<TableLayout, "columns" | "firstRow" | "lastRow">,
  hasBudgetBlock: boolean,
): number | undefined {
  const roles = hasBudgetBlock ? (["level1", "level2", "level3"] as const) : (["level1", "level2"] as const);
  for (let r = layout.firstRow; r <= layout.lastRow; r++) {
    for (const role of roles) {
      const c = layout.columns[role];
      if (c === undefined) continue;
      const v = grid.value(r, c);
      if (typeof v === "string" && isBudgetRateLabel(v)) return r;
    }
  }
  return undefined;
}

function numberAt(grid: Grid, row: number, col: number | undefined): number | undefined {
  return col === undefined ? undefined : toNumber(grid.value(row, col));
}

function rateAt(grid: Grid, row: number, col: number | undefined): number | undefined {
  return col === undefined ? undefined : rateFraction(grid.value(row, col), grid.numberFormat(row, col));
}

/**
 * The budget block's weight stated in its header rather than in a 分值 cell: 分值(10分),
 * 得分(20分*执行率), or the block's label 预算执行情况(万元)(20分).
 */
export function headerWeight(grid: Grid, header: BudgetHeader): number | undefined {
  const { weight, score } = header.columns;
  for (const c of [weight, score]) {
    const w = c === undefined ? undefined : weightLabelOf(grid.text(header.row, c));
    if (w !== undefined) return w;
  }
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const w = weightLabelOf(grid.text(header.row, c));
    if (w !== undefined) return w;
  }
  return undefined;
}

/**
 * 年度资金总额 printed as 0 (or blank) above sub-rows that hold the money (其中：财政拨款 …):
 * the money is the sub-rows' sum. Undefined when the row has money of its own.
 */
function moneyOfSubRows(grid: Grid, header: BudgetHeader, row: number): { budget?: number; spent?: number } | undefined {
  const { budget, spent } = header.columns;
  const own = [budget, spent].map((c) => numberAt(grid, row, c) ?? 0);
  if (own.some((n) => n !== 0)) return undefined;
  const cols = Object.values(header.columns).filter((c): c is number => c !== undefined);
  const firstCol = Math.min(...cols);
  const sum = { budget: 0, spent: 0 };
  let found = false;
  for (let r = row + 1; r <= Math.min(grid.lastRow, row + BUDGET_REACH); r++) {
    const label = rowLabel(grid, r, firstCol);
    if (!SUB_ROW.test(label)) {
      if (label !== "") break;
      continue;
    }
    const b = numberAt(grid, r, budget);
    const s = numberAt(grid, r, spent);
    if (b !== undefined) sum.budget += b;
    if (s !== undefined) sum.spent += s;
    if ((b ?? 0) !== 0 || (s ?? 0) !== 0) found = true;
  }
  return found ? sum : undefined;
}

/** 预算执行率（10分） in a level cell of a table without a weight column: the row's weight. */
function labelWeight(grid: Grid, row: number, layout: TableLayout): number | undefined {
  for (const role of ["level1", "level2", "level3"] as const) {
    const c = layout.columns[role];
    const w = c === undefined ? undefined : weightLabelOf(grid.text(row, c));
    if (w !== undefined) return w;
  }
  return undefined;
}

function withoutUndefined(b: BudgetRow): BudgetRow {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) if (v !== undefined) out[k] = v;
  return out as unknown as BudgetRow;
}

/**
 * Reads the budget row: from the block's columns when it lies in a budget
 * block, or from the indicator table's weight, score and result columns when
 * it is a row of the table (then the block above, if any, gives the money).
 */
export function readBudget(grid: Grid, layout: TableLayout): BudgetRow | undefined {
  const row = layout.budgetRow;
  if (row === undefined) return undefined;
  const headerTop = Math.min(...layout.headerRows);
  const inTable = row >= layout.firstRow && row <= layout.lastRow;
  if (!inTable) {
    const header = findBudgetHeader(grid, Math.max(grid.firstRow, row - BUDGET_REACH - 1), row - 1);
    if (!header) return { row };
    const c = header.columns;
    const sub = moneyOfSubRows(grid, header, row);
    return withoutUndefined({
      row,
      initialBudget: numberAt(grid, row, c.initialBudget),
      budget: sub?.budget ?? numberAt(grid, row, c.budget),
      spent: sub?.spent ?? numberAt(grid, row, c.spent),
      weight: numberAt(grid, row, c.weight) ?? headerWeight(grid, header),
      rate: rateAt(grid, row, c.rate),
      score: numberAt(grid, row, c.score),
      rateCol: c.rate,
      scoreCol: c.score,
      weightCol: c.weight,
    });
  }
  const cols = layout.columns;
  const out: BudgetRow = {
    row,
    weight: numberAt(grid, row, cols.weight) ?? labelWeight(grid, row, layout),
    score: numberAt(grid, row, cols.score),
    rate: rateAt(grid, row, cols.actual),
    rateCol: cols.actual,
    scoreCol: cols.score,
    weightCol: cols.weight,
  };
  const header = findBudgetHeader(grid, grid.firstRow, headerTop - 1);
  const blockRow = header && findBudgetBlockRow(grid, header, headerTop);
  if (header && blockRow !== undefined) {
    out.initialBudget = numberAt(grid, blockRow, header.columns.initialBudget);
    out.budget = numberAt(grid, blockRow, header.columns.budget);
    out.spent = numberAt(grid, blockRow, header.columns.spent);
  }
  return withoutUndefined(out);
}
