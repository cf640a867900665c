import type { BudgetRow, CellWrite, CheckOptions, Finding, JudgedRow, Severity, Status, TableLayout, Totals, WritePlan } from "./types";
import type { Grid } from "./snapshot";
import { columnLetter, parseAddress } from "./address";
import { compactText } from "./normalize";
import { formatNumber } from "./rules/format";

export const RESULT_HEADER = "核查结果";

export const FILLS: Record<Severity, string | null> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: null,
};

export const STATUS_MARKS: Record<Status, { mark: string; zh: string; en: string }> = {
  met: { mark: "✓", zh: "达成", en: "met" },
  partial: { mark: "△", zh: "部分达成", en: "partly met" },
  unmet: { mark: "✗", zh: "未达成", en: "not met" },
  review: { mark: "?", zh: "需人工判断", en: "needs review" },
  notApplicable: { mark: "—", zh: "不适用", en: "not applicable" },
};

const NO_FINDINGS: readonly Finding[] = [];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const GRADE_LONG: Record<string, string> = { 优: "优秀", 良: "良好", 中: "中等", 差: "差" };

/** The last row and column of an Excel sheet (XFD1048576): nothing is planned beyond them. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** The column that holds 核查结果: an existing one from an earlier run, else the one after the table. */
export function resultColumnOf(grid: Grid, layout: TableLayout): number {
  for (const hr of layout.headerRows) {
    for (let c = layout.firstColumn; c <= Math.max(layout.lastColumn + 1, grid.lastCol); c++) {
      if (compactText(grid.text(hr, c)) === RESULT_HEADER) return c;
    }
  }
  return layout.lastColumn + 1;
}

/**
 * SUM over the indicator rows of one column, plus the budget row's cell when it lies
 * outside them (in the budget block its 分值/得分 may sit in other columns: budgetCol).
 */
export function totalFormula(layout: TableLayout, col: number, budgetCol?: number): string {
  const L = columnLetter(col);
  const parts = [`${L}${layout.firstRow}:${L}${layout.lastRow}`];
  if (layout.budgetRow !== undefined && (layout.budgetRow < layout.firstRow || layout.budgetRow > layout.lastRow)) {
    parts.push(`${columnLetter(budgetCol ?? col)}${layout.budgetRow}`);
  }
  return `=SUM(${parts.join(",")})`;
}

/**
 * SPEC §5: the 核查结果 column (a status mark and the messages of each row), fills
 * on the offending cells, and — when asked — SUM formulas on the total row and
 * the recomputed grade. Writes nothing else.
 */
export function buildWritePlan(
  grid: Grid,
  layout: TableLayout,
  rows: JudgedRow[],
  findings: Finding[],
  totals: Totals,
  options: CheckOptions,
  budget?: BudgetRow,
): WritePlan {
  const lang = options.lang ?? "zh";
  const resultColumn = resultColumnOf(grid, layout);
  const writes: CellWrite[] = [];
  const plan: WritePlan = { sheet: layout.sheet, resultColumn, writes };
  const writeFlags = options.writeFlags ?? true;

  const byRow = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.row === undefined) continue;
    const list = byRow.get(f.row) ?? [];
    list.push(f);
    byRow.set(f.row, list);
  }

  // A table that reaches column XFD has no column after it: its flags are still written, its 核查结果 column is not.
  const resultFits = resultColumn <= MAX_COLUMN;
  if (writeFlags && resultFits) {
    writes.push({ row: layout.headerRows[0], col: resultColumn, value: RESULT_HEADER, purpose: "result" });
    for (const r of rows) {
      const s = STATUS_MARKS[r.status];
      const own = byRow.get(r.row) ?? NO_FINDINGS;
      let value = `${s.mark} ${lang === "en" ? s.en : s.zh}`;
      if (r.suggestedScore !== undefined && r.status !== "met") {
        value += lang === "en" ? `；suggested ${formatNumber(r.suggestedScore)}` : `；建议得分 ${formatNumber(r.suggestedScore)}`;
      }
      for (const f of own) value += `；${lang === "en" ? f.message.en : f.message.zh}`;
      writes.push({ row: r.row, col: resultColumn, value, fill: worstFill(own), purpose: "result" });
    }
    const indicatorRows = new Set(rows.map((r) => r.row));
    const tableLevel = findings.filter((f) => f.row === undefined || !indicatorRows.has(f.row));
    const summaryRow = layout.totalRow ?? layout.lastRow + 1;
    const summary =
      lang === "en"
        ? [`Σweight ${formatNumber(totals.weight)}, Σscore ${formatNumber(totals.score)}, grade ${totals.grade}`]
        : [`权重合计 ${formatNumber(totals.weight)}，得分合计 ${formatNumber(totals.score)}，等级 ${totals.grade}`];
    for (const f of tableLevel) summary.push(lang === "en" ? f.message.en : f.message.zh);
    if ((layout.totalRow !== undefined || tableLevel.length > 0) && summaryRow <= MAX_ROW) {
      writes.push({ row: summaryRow, col: resultColumn, value: summary.join("；"), fill: worstFill(tableLevel), purpose: "result" });
    }
  }

  if (writeFlags) {
    // Fill each offending cell once, with its worst severity; a note lists what is wrong there.
    const byCell = new Map<string, Finding[]>();
    for (const f of findings) {
      if (!f.cell) continue;
      const list = byCell.get(f.cell) ?? [];
      list.push(f);
      byCell.set(f.cell, list);
    }
    for (const [cell, list] of byCell) {
      const at = parseAddress(cell);
      if (!at || at.col === resultColumn) continue;
      const fill = worstFill(list);
      if (!fill) continue;
      const note = list.map((f) => `${f.code}: ${lang === "en" ? f.message.en : f.message.zh}`).join("\n");
      writes.push({ row: at.row, col: at.col, fill, note, purpose: "flag" });
    }
  }

  if (options.fixTotals && layout.totalRow !== undefined) {
    for (const role of ["weight", "score"] as const) {
      const col = layout.columns[role];
      if (col === undefined) continue;
      const formula = totalFormula(layout, col, role === "weight" ? budget?.weightCol : budget?.scoreCol);
      const current = grid.formula(layout.totalRow, col);
      if (current && compactText(current).toUpperCase() === formula.toUpperCase()) continue;
      writes.push({
        row: layout.totalRow,
        col,
        formula,
        value: role === "weight" ? totals.weight : totals.score,
        purpose: "fix",
      });
    }
  }

  if (options.writeGrade && layout.gradeCell && totals.statedGrade !== totals.grade) {
    const { row, col } = layout.gradeCell;
    const stated = grid.text(row, col);
    const long = stated.replace(/^.*[:：]/, "").length > 1;
    const word = long ? (GRADE_LONG[totals.grade] ?? totals.grade) : totals.grade;
    const prefix = /[:：]/.test(stated) ? stated.slice(0, Math.max(stated.lastIndexOf(":"), stated.lastIndexOf("：")) + 1) : "";
    writes.push({ row, col, value: prefix + word, purpose: "fix" });
  }

  return plan;
}

function worstFill(list: readonly Finding[]): string | null {
  let best: Severity | undefined;
  for (const f of list) if (best === undefined || SEVERITY_RANK[f.severity] < SEVERITY_RANK[best]) best = f.severity;
  return best ? FILLS[best] : null;
}
