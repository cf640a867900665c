/**
 * Where the stated grade（等级 / 评价等级 / 评价结论）sits: in a cell after the
 * total label ("等级：优秀", or a label cell followed by the value), or on the
 * row below the total (SPEC §1).
 */
import type { CellRef, Role } from "./types";
import type { Grid } from "./snapshot";
import { compactText } from "./normalize";
import { GRADE_LABEL as GRADE_KEY, isGradeWord } from "./profile";
import { toNumber } from "./numbers";

const LABEL_WITH_VALUE = new RegExp(`^${GRADE_KEY}[:：].+$`);
const LABEL_ONLY = new RegExp(`^${GRADE_KEY}[:：]?$`);

/** How far right of a label its value is looked for (merged label cells leave blanks). */
const VALUE_REACH = 6;

/** Longer than any grade a form writes (不合格, 优秀（A）): text beyond it that is not a grade is prose. */
const GRADE_TEXT_MAX = 8;

/**
 * A 评价结论 row that holds prose (the conclusion itself, or the template's instruction
 * 结合自评情况，说明项目自评总分…) is not a grade cell: reading it as one would have the write
 * plan write a grade over the text.
 */
function isProse(text: string): boolean {
  const t = compactText(text).replace(/^.*?[:：]/, "");
  return t.length > GRADE_TEXT_MAX && !isGradeWord(t);
}

export interface GradeSearch {
  totalRow?: number;
  /** Column of the total label; the grade is looked for after it. */
  totalLabelColumn?: number;
  /** Row after which to look when there is no total row. */
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  columns: Partial<Record<Role, number>>;
  /** The 核查结果 column of an earlier run: the search stops before it. */
  resultColumn?: number;
}

/**
 * The value cell of a grade label: the first cell right of the label (right of its merged area)
 * that holds something — text, or a formula, calculated or not (the form computes its own
 * grade) — else the first free cell there (blank and not covered by a merged area), else the
 * cell right after the label, which the write plan then finds it cannot write. None when the
 * label is followed by prose: a 评价结论 row of text, not a grade.
 */
function valueAfterLabel(grid: Grid, row: number, labelCol: number, end: number): CellRef | undefined {
  const start = (grid.merged.areaAt(row, labelCol)?.right ?? labelCol) + 1;
  let free: number | undefined;
  for (let c = start; c <= Math.min(end, start - 1 + VALUE_REACH); c++) {
    if (grid.merged.isCovered(row, c)) continue;
    if (grid.formula(row, c)) return { row, col: c };
    if (grid.isBlank(row, c)) {
      free ??= c;
      continue;
    }
    const t = grid.text(row, c);
    if (LABEL_ONLY.test(compactText(t))) continue;
    return isProse(t) ? undefined : { row, col: c };
  }
  return { row, col: free ?? start };
}

/** A grade cell in one row, from column `from` on. */
function gradeInRow(grid: Grid, row: number, from: number, end: number, skip: Set<number>, bareWords: boolean): CellRef | undefined {
  for (let c = from; c <= end; c++) {
    if (skip.has(c) || grid.isBlank(row, c)) continue;
    const v = grid.value(row, c);
    if (typeof v !== "string") continue;
    const t = compactText(v);
    if (LABEL_WITH_VALUE.test(t)) {
      if (isProse(t)) continue;
      return { row, col: c };
    }
    if (LABEL_ONLY.test(t)) {
      const value = valueAfterLabel(grid, row, c, end);
      if (value) return value;
      continue;
    }
    if (bareWords && toNumber(v) === undefined && isGradeWord(t)) return { row, col: c };
  }
  return undefined;
}

/**
 * The cell holding the stated grade; when the table states none, the blank
 * cell right after the score total inside the table (where a grade would be
 * written), else undefined.
 */
export function findGradeCell(grid: Grid, s: GradeSearch): CellRef | undefined {
  const end = s.resultColumn !== undefined ? s.resultColumn - 1 : Math.max(grid.lastCol, s.lastColumn);
  const numberCols = new Set([s.columns.weight, s.columns.score].filter((c): c is number => c !== undefined));
  if (s.totalRow !== undefined) {
    const from = (s.totalLabelColumn ?? s.firstColumn) + 1;
    const inTotal = gradeInRow(grid, s.totalRow, from, end, numberCols, true);
    if (inTotal) return inTotal;
  }
  const base = s.totalRow ?? s.lastRow;
  for (let r = base + 1; r <= Math.min(grid.lastRow, base + 2); r++) {
    const below = gradeInRow(grid, r, s.firstColumn, end, new Set(), s.totalRow !== undefined);
    if (below) return below;
    // Only a blank row may stand between the total and the grade.
    let blank = true;
    for (let c = s.firstColumn; c <= end && blank; c++) blank = grid.isBlank(r, c);
    if (!blank) break;
  }
  if (s.totalRow !== undefined && numberCols.size > 0) {
    const after = Math.max(...numberCols) + 1;
    if (after <= s.lastColumn && grid.isBlank(s.totalRow, after) && !grid.formula(s.totalRow, after) && !grid.merged.isCovered(s.totalRow, after)) {
      return { row: s.totalRow, col: after };
    }
  }
  return undefined;
}
