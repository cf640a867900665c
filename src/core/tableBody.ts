/**
 * The extent of an indicator table below its header: its columns, its first
 * and last indicator rows, and its total row (SPEC §1).
 */
import type { Role } from "./types";
import type { Grid } from "./snapshot";
import { parsedRanges } from "./merges";
import { isNoteText, isTotalLabel } from "./rowKinds";
import { matchHeader } from "./headers";
import { toNumber } from "./numbers";
import { compactText } from "./normalize";
import { RESULT_HEADER } from "./plan";

export interface ColumnExtent {
  firstColumn: number;
  lastColumn: number;
}

/**
 * The header's columns: from the role columns outwards over header text,
 * rightwards across single blank cells (a header merged over two columns). Merged areas
 * of the snapshot widen it when the host gave them; the result does not need them.
 */
export function headerExtent(grid: Grid, headerRows: number[], columns: Partial<Record<Role, number>>, merges?: string[]): ColumnExtent {
  const roleCols = Object.values(columns).filter((c): c is number => c !== undefined);
  let first = Math.min(...roleCols);
  let last = Math.max(...roleCols);
  // The 核查结果 column of an earlier run is ours, not the table's.
  const hasText = (c: number) => headerRows.some((r) => !grid.isBlank(r, c) && compactText(grid.text(r, c)) !== RESULT_HEADER);
  // Leftwards over header text, and over a column empty from top to bottom (a column inserted into the
  // table, or left between its label column and the rest): it divides nothing.
  for (;;) {
    if (first - 1 >= grid.firstCol && hasText(first - 1)) first--;
    else if (first - 2 >= grid.firstCol && hasText(first - 2) && isEmptyColumn(grid, first - 1)) first -= 2;
    else break;
  }
  // A header merged across columns leaves blanks on its right, so only the right side steps over one.
  for (;;) {
    if (last + 1 <= grid.lastCol && hasText(last + 1)) last++;
    else if (last + 2 <= grid.lastCol && hasText(last + 2)) last += 2;
    else break;
  }
  for (const range of merges ? parsedRanges(merges) : []) {
    if (!range) continue;
    const inHeader = headerRows.some((r) => r >= range.top && r <= range.bottom);
    if (inHeader && range.left <= last && range.left >= first && range.right > last && hasText(range.left)) last = range.right;
  }
  return { firstColumn: first, lastColumn: last };
}

function isEmptyColumn(grid: Grid, col: number): boolean {
  for (let r = grid.firstRow; r <= grid.lastRow; r++) if (!grid.isBlank(r, col)) return false;
  return true;
}

export interface BodyExtent {
  /** Undefined when no indicator row follows the header. */
  firstRow?: number;
  /** Rows inside the table that repeat its header: each starts a block of indicators. */
  blockHeaderRows?: number[];
  lastRow?: number;
  totalRow?: number;
  /** Column of the total label. */
  totalLabelColumn?: number;
}

function rowBlank(grid: Grid, row: number, extent: ColumnExtent): boolean {
  for (let c = extent.firstColumn; c <= extent.lastColumn; c++) if (!grid.isBlank(row, c)) return false;
  return true;
}

/** Columns left of the header where a total label may still stand (总分 merged from a label column). */
const TOTAL_LABEL_REACH_LEFT = 2;

/** Column of a 总分 / 合计 / 总计 label in the columns before the numbers, if the row has one. */
export function totalLabelColumn(grid: Grid, row: number, columns: Partial<Record<Role, number>>, extent: ColumnExtent): number | undefined {
  const numberCols = [columns.weight, columns.score].filter((c): c is number => c !== undefined);
  const end = Math.max(extent.firstColumn, Math.min(...numberCols) - 1);
  for (let c = Math.max(grid.firstCol, extent.firstColumn - TOTAL_LABEL_REACH_LEFT); c <= end; c++) {
    const v = grid.value(row, c);
    if (typeof v === "string" && isTotalLabel(v)) return c;
  }
  return undefined;
}

const INDICATOR_ROLES = ["level3", "weight", "score"] as const;

/** An indicator row: an indicator text, or something in the weight or score cell. */
export function isIndicatorLike(grid: Grid, row: number, columns: Partial<Record<Role, number>>): boolean {
  for (let i = 0; i < INDICATOR_ROLES.length; i++) {
    const c = columns[INDICATOR_ROLES[i]];
    if (c !== undefined && !grid.isBlank(row, c)) return true;
  }
  return false;
}

function hasScoredNumber(grid: Grid, row: number, columns: Partial<Record<Role, number>>): boolean {
  return (
    (columns.weight !== undefined && typeof grid.value(row, columns.weight) === "number") ||
    (columns.score !== undefined && typeof grid.value(row, columns.score) === "number")
  );
}

/** A row that starts another header: several header words, weight and score among them. */
function isAnotherHeader(grid: Grid, row: number, extent: ColumnExtent): boolean {
  let roles: Set<string> | undefined; // made only for a row with a header word: this runs on every row
  for (let c = extent.firstColumn; c <= extent.lastColumn; c++) {
    const v = grid.value(row, c);
    if (typeof v !== "string") continue;
    const m = matchHeader(v);
    if (m && m.strength >= 2) (roles ??= new Set<string>()).add(m.role);
  }
  return roles !== undefined && roles.size >= 3 && roles.has("weight") && roles.has("score");
}

/** Roles of the header a repeated header row must name again, in the same columns, to start a block. */
const REPEATED_ROLES_MIN = 3;

/**
 * A row that repeats the table's header in the same columns (一级指标 | 二级指标 | 三级指标 …
 * again, as a form with 年度绩效目标1 / 2 or one block per 职能 prints it): the header of
 * the next block of the same table, not the end of it.
 */
function repeatsHeader(grid: Grid, row: number, columns: Partial<Record<Role, number>>): boolean {
  let same = 0;
  let roles = 0;
  for (const [role, c] of Object.entries(columns) as [Role, number | undefined][]) {
    if (c === undefined || role === "level1Weight" || role === "level2Weight") continue;
    roles++;
    const v = grid.value(row, c);
    if (typeof v !== "string") continue;
    if (matchHeader(v)?.role === role) same++;
  }
  return same >= REPEATED_ROLES_MIN && same * 2 >= roles;
}

function isNoteRow(grid: Grid, row: number, columns: Partial<Record<Role, number>>, extent: ColumnExtent): boolean {
  for (let c = extent.firstColumn; c <= extent.lastColumn; c++) {
    if (grid.isBlank(row, c)) continue;
    if (!isNoteText(grid.text(row, c))) return false;
    // A note starts the row; a weight or score on it would make it an indicator after all.
    const w = columns.weight;
    const s = columns.score;
    return (w === undefined || grid.isBlank(row, w)) && (s === undefined || grid.isBlank(row, s));
  }
  return false;
}

const SECTION_HEADING = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/;
/** Longer than this, a lone text outside the level columns is prose, not a row of the table. */
const PROSE_LENGTH = 60;

/** A lone text after the table: a section heading (四、存在问题) or a paragraph outside the level columns. */
function isProseRow(grid: Grid, row: number, columns: Partial<Record<Role, number>>, extent: ColumnExtent): boolean {
  let only: number | undefined;
  for (let c = extent.firstColumn; c <= extent.lastColumn; c++) {
    if (grid.isBlank(row, c)) continue;
    if (only !== undefined) return false;
    only = c;
  }
  if (only === undefined) return false;
  const v = grid.value(row, only);
  if (typeof v !== "string") return false;
  const text = v.trim();
  const levelCols = [columns.level1, columns.level2, columns.level3];
  if (!SECTION_HEADING.test(text) && !(text.length > PROSE_LENGTH && !levelCols.includes(only))) return false;
  // "一、部门管理" over the rows of its group is a level heading, not the end of the table.
  return !scoredRowFollows(grid, row, columns, extent);
}

/** Whether the next row with anything in it has a number in its weight or score cell. */
function scoredRowFollows(grid: Grid, row: number, columns: Partial<Record<Role, number>>, extent: ColumnExtent): boolean {
  for (let r = row + 1; r <= grid.lastRow; r++) {
    if (rowBlank(grid, r, extent)) continue;
    return [columns.weight, columns.score].some((c) => c !== undefined && toNumber(grid.value(r, c)) !== undefined);
  }
  return false;
}

/**
 * Row spans [top, bottom] of the merged areas that start below the header in a level column
 * (一级 / 二级 cells merged down their rows), when the host gave the merges.
 */
function mergedLevelRuns(merges: string[] | undefined, columns: Partial<Record<Role, number>>, headerBottom: number): [number, number][] {
  if (!merges) return [];
  const levelCols = [columns.level1, columns.level2].filter((c): c is number => c !== undefined);
  const runs: [number, number][] = [];
  for (const range of parsedRanges(merges)) {
    if (!range || range.top <= headerBottom || range.bottom === range.top) continue;
    if (levelCols.some((c) => c >= range.left && c <= range.right)) runs.push([range.top, range.bottom]);
  }
  return runs;
}

/** Blank rows in a row that end the table, unless the total row follows them. */
const BLANK_RUN_ENDS_TABLE = 2;
/** How far past a blank run the total row is still looked for. */
const TOTAL_LOOKAHEAD = 3;

/**
 * Walks down from the header: indicator rows until the total row, another
 * header, a note (注：…, 填表人…) or a run of blank rows.
 */
export function findBody(grid: Grid, headerBottom: number, columns: Partial<Record<Role, number>>, extent: ColumnExtent, merges?: string[]): BodyExtent {
  const body: BodyExtent = {};
  let blankRun = 0;
  const levelRuns = mergedLevelRuns(merges, columns, headerBottom);
  for (let r = headerBottom + 1; r <= grid.lastRow; r++) {
    const label = totalLabelColumn(grid, r, columns, extent);
    if (label !== undefined) {
      body.totalRow = r;
      body.totalLabelColumn = label;
      break;
    }
    if (rowBlank(grid, r, extent)) {
      // Rows under a level cell merged down over them (slots left empty under 履职成效(20分)) are the table's.
      if (levelRuns.some(([top, bottom]) => r > top && r < bottom)) continue;
      blankRun++;
      if (blankRun >= BLANK_RUN_ENDS_TABLE) {
        let next = r + 1;
        while (next <= grid.lastRow && next <= r + TOTAL_LOOKAHEAD && rowBlank(grid, next, extent)) next++;
        const far = next <= grid.lastRow ? totalLabelColumn(grid, next, columns, extent) : undefined;
        if (far !== undefined && next <= r + TOTAL_LOOKAHEAD) {
          body.totalRow = next;
          body.totalLabelColumn = far;
        }
        break;
      }
      continue;
    }
    blankRun = 0;
    if (!hasScoredNumber(grid, r, columns) && repeatsHeader(grid, r, columns)) {
      (body.blockHeaderRows ??= []).push(r);
      continue;
    }
    // A number in the weight or score cell makes a scored row: never a header, a note or prose.
    if (!hasScoredNumber(grid, r, columns) && (isAnotherHeader(grid, r, extent) || isNoteRow(grid, r, columns, extent) || isProseRow(grid, r, columns, extent))) break;
    if (isIndicatorLike(grid, r, columns)) {
      body.firstRow ??= r;
      body.lastRow = r;
    }
  }
  return body;
}

/** The 核查结果 column an earlier run wrote after the table, if any. */
export function resultColumnAfter(grid: Grid, headerRows: number[], extent: ColumnExtent): number | undefined {
  for (let c = extent.lastColumn + 1; c <= grid.lastCol; c++) {
    if (headerRows.some((r) => compactText(grid.text(r, c)) === RESULT_HEADER)) return c;
  }
  return undefined;
}
