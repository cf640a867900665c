import type { BudgetRow, CellWrite, CheckOptions, Finding, JudgedRow, Message, NarrativeMark, Severity, Status, TableLayout, Totals, UnwrittenMark, WritePlan } from "./types";
import type { Grid } from "./snapshot";
import { skippedSlotsMessage } from "./templateSlots";
import { columnLetter, parseAddress } from "./address";
import { compactText } from "./normalize";
import { formatNumber } from "./rules/format";
import { sameCellsSummed } from "./rules/sumFormula";
import { readGrade } from "./profile";

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

/**
 * The column that holds 核查结果: an existing one from an earlier run, else the one after the
 * table; moved right past any merged area that would cover one of its cells (a merged header,
 * a total label spanning the table), so that every cell it writes is its own.
 */
export function resultColumnOf(grid: Grid, layout: TableLayout): number {
  let col = layout.lastColumn + 1;
  found: for (const hr of layout.headerRows) {
    for (let c = layout.firstColumn; c <= Math.max(layout.lastColumn + 1, grid.lastCol); c++) {
      if (compactText(grid.text(hr, c)) === RESULT_HEADER) {
        col = c;
        break found;
      }
    }
  }
  const rows = [...layout.headerRows, layout.totalRow ?? layout.lastRow + 1];
  for (let r = layout.firstRow; r <= layout.lastRow; r++) rows.push(r);
  for (let moved = true; moved && col <= MAX_COLUMN; ) {
    moved = false;
    for (const r of rows) {
      const area = grid.merged.areaAt(r, col);
      // Only a merged area of this column alone (a header over two rows) may hold a cell of it.
      if (area && (area.left < col || area.right > col)) {
        col = area.right + 1;
        moved = true;
        break;
      }
    }
  }
  return col;
}

const MERGED_REASON: Message = {
  zh: "该单元格在合并单元格之内（不是其左上角），写入会被 Excel 忽略",
  en: "the cell lies inside a merged area (not its top-left), where Excel ignores a write",
};

const NOT_SCORED_GRADE_REASON: Message = {
  zh: "表中各行均未填写得分，尚未评分，不写入等级",
  en: "no row carries a score: the form is not scored yet, so no grade is written",
};

const NOT_SCORED_TOTAL_REASON: Message = {
  zh: "表中各行均未填写得分，尚未评分，不写入得分合计公式",
  en: "no row carries a score: the form is not scored yet, so no score total is written",
};

/**
 * The totals as one line (the 核查结果 cell of the total row, the ribbon's summary):
 * "权重合计 100，得分合计 96，等级 优", or for an unscored form "权重合计 100，未评分（各行均未填写得分），无等级".
 */
export function totalsSummary(totals: Totals): Message {
  const w = formatNumber(totals.weight);
  if (!totals.scored) {
    return { zh: `权重合计 ${w}，未评分（各行均未填写得分），无等级`, en: `Σweight ${w}, not scored (no row carries a score), no grade` };
  }
  const s = formatNumber(totals.score);
  return { zh: `权重合计 ${w}，得分合计 ${s}，等级 ${totals.grade}`, en: `Σweight ${w}, Σscore ${s}, grade ${totals.grade}` };
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
  skippedSlots: readonly number[] = [],
): WritePlan {
  const lang = options.lang ?? "zh";
  const resultColumn = resultColumnOf(grid, layout);
  const writes: CellWrite[] = [];
  const unwritten: UnwrittenMark[] = [];
  const plan: WritePlan = { sheet: layout.sheet, resultColumn, writes };
  const writeFlags = options.writeFlags ?? true;
  // Nothing will be written: only the writes that a merged area would swallow (they are the unwritten marks) are made up.
  const onlyUnwritten = options.planWrites === false;
  const swallowed = (row: number, col: number) => grid.merged.isCovered(row, col);

  const byRow = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.row === undefined || isNarrative(f)) continue;
    const list = byRow.get(f.row) ?? [];
    list.push(f);
    byRow.set(f.row, list);
  }

  // A table that reaches column XFD has no column after it: its flags are still written, its 核查结果 column is not.
  const resultFits = resultColumn <= MAX_COLUMN;
  if (writeFlags && resultFits) {
    writes.push({ row: layout.headerRows[0], col: resultColumn, value: RESULT_HEADER, purpose: "result" });
    for (const r of rows) {
      if (onlyUnwritten && !swallowed(r.row, resultColumn)) continue;
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
    const tableLevel = findings.filter((f) => f.row === undefined || isNarrative(f) || !indicatorRows.has(f.row));
    const summaryRow = layout.totalRow ?? layout.lastRow + 1;
    const summary = [totalsSummary(totals)[lang]];
    const slots = skippedSlotsMessage(skippedSlots);
    if (slots) summary.push(slots[lang]);
    for (const f of tableLevel) summary.push(lang === "en" ? f.message.en : f.message.zh);
    if ((layout.totalRow !== undefined || tableLevel.length > 0) && summaryRow <= MAX_ROW) {
      writes.push({ row: summaryRow, col: resultColumn, value: summary.join("；"), fill: worstFill(tableLevel), purpose: "result" });
    }
  }

  if (writeFlags) {
    // Fill each offending cell once, with its worst severity; a note lists what is wrong there.
    const byCell = new Map<string, Finding[]>();
    for (const f of findings) {
      const at = f.cell ? parseAddress(f.cell) : undefined;
      if (!at || (f.sheet !== undefined && f.sheet !== layout.sheet)) continue;
      // A finding on a cell a merged area covers is marked on the area's top-left, where its value is.
      const area = grid.merged.areaAt(at.row, at.col);
      const key = area ? `${area.top}:${area.left}` : `${at.row}:${at.col}`;
      const list = byCell.get(key) ?? [];
      list.push(f);
      byCell.set(key, list);
    }
    const marks = narrativeMarks(findings, layout.sheet, lang);
    if (marks.length > 0) plan.narrativeMarks = marks;
    for (const [key, list] of byCell) {
      const [row, col] = key.split(":").map(Number);
      const at = { row, col };
      if (at.col === resultColumn) continue;
      const fill = worstFill(list);
      if (!fill || (onlyUnwritten && !swallowed(at.row, at.col))) continue;
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
      // The form's own total, however it is written (SUM(F11:F31)+F5 is SUM(F11:F31,F5)), calculated or not, stays.
      if (current && (compactText(current).toUpperCase() === formula.toUpperCase() || sameCellsSummed(current, formula))) continue;
      // An unscored form gets no score total: a 0 there would read as a total nobody gave.
      if (role === "score" && !totals.scored) {
        unwritten.push({ row: layout.totalRow, col, purpose: "fix", value: formula, reason: NOT_SCORED_TOTAL_REASON });
        continue;
      }
      writes.push({
        row: layout.totalRow,
        col,
        formula,
        value: role === "weight" ? totals.weight : totals.score,
        purpose: "fix",
      });
    }
  }

  // A grade formula of the form's own (the template's IF(…), calculated or not) is never replaced: GRADE_MISMATCH reports a wrong one.
  if (options.writeGrade && layout.gradeCell && totals.grade === null) {
    // An unscored form is not graded: nothing (never 差) is written in its grade cell.
    unwritten.push({ row: layout.gradeCell.row, col: layout.gradeCell.col, purpose: "fix", reason: NOT_SCORED_GRADE_REASON });
  } else if (options.writeGrade && layout.gradeCell && totals.grade !== null && totals.statedGrade !== totals.grade && !grid.formula(layout.gradeCell.row, layout.gradeCell.col)) {
    const grade = totals.grade;
    const { row, col } = layout.gradeCell;
    const stated = grid.text(row, col);
    const long = stated.replace(/^.*[:：]/, "").length > 1;
    const word = long ? (GRADE_LONG[grade] ?? grade) : grade;
    const prefix = /[:：]/.test(stated) ? stated.slice(0, Math.max(stated.lastIndexOf(":"), stated.lastIndexOf("：")) + 1) : "";
    // The grade cell must be free, or hold a grade: never the user's other text (a 盖章 remark beside the label).
    const occupied = !grid.isBlank(row, col) && !readGrade(stated);
    if (occupied || grid.merged.isCovered(row, col) || col === resultColumn || col > MAX_COLUMN) {
      unwritten.push({
        row,
        col,
        purpose: "fix",
        value: prefix + word,
        reason: {
          zh: `评价等级旁没有可写入的空单元格（标签右侧的单元格已合并、有其他内容或已到表格边缘），等级“${grade}”未写入`,
          en: `no free cell beside the grade label (the cells right of it are merged, hold other text, or the table ends there): the grade ${grade} was not written`,
        },
      });
    } else {
      writes.push({ row, col, value: prefix + word, purpose: "fix" });
    }
  }

  // Last guard: nothing lands in a cell a merged area covers.
  plan.writes = writes.filter((w) => {
    if (!swallowed(w.row, w.col)) return true;
    unwritten.push({ row: w.row, col: w.col, purpose: w.purpose, ...(w.value !== undefined ? { value: w.value } : {}), reason: MERGED_REASON });
    return false;
  });
  if (onlyUnwritten) plan.writes = [];
  if (unwritten.length > 0) plan.unwritten = unwritten;
  return plan;
}

/** A narrative finding: about a cell of the narrative (maybe on another sheet) or a paragraph of the report file. */
function isNarrative(f: Finding): boolean {
  return f.sheet !== undefined || f.paragraph !== undefined;
}

/** Fill and note for each narrative cell with a finding on a sheet other than the table's. */
function narrativeMarks(findings: Finding[], tableSheet: string, lang: "zh" | "en"): NarrativeMark[] {
  const bySheetCell = new Map<string, { sheet: string; cell: string; list: Finding[] }>();
  for (const f of findings) {
    if (f.sheet === undefined || f.sheet === tableSheet || !f.cell) continue;
    const key = `${f.sheet}!${f.cell}`;
    const entry = bySheetCell.get(key) ?? { sheet: f.sheet, cell: f.cell, list: [] };
    entry.list.push(f);
    bySheetCell.set(key, entry);
  }
  const out: NarrativeMark[] = [];
  for (const { sheet, cell, list } of bySheetCell.values()) {
    const at = parseAddress(cell);
    const fill = worstFill(list);
    if (!at || !fill) continue;
    out.push({ sheet, row: at.row, col: at.col, fill, note: list.map((f) => `${f.code}: ${lang === "en" ? f.message.en : f.message.zh}`).join("\n") });
  }
  return out;
}

function worstFill(list: readonly Finding[]): string | null {
  let best: Severity | undefined;
  for (const f of list) if (best === undefined || SEVERITY_RANK[f.severity] < SEVERITY_RANK[best]) best = f.severity;
  return best ? FILLS[best] : null;
}
