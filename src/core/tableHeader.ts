/**
 * Finding the header row(s) of an indicator table in a sheet (SPEC §1): a
 * one-row header, or a two-row header whose first row has a group label
 * (评价指标) over the level columns and the other headers merged down.
 */
import type { Role } from "./types";
import type { Grid } from "./snapshot";
import { isGroupLabel, isHeaderWord, matchHeader, type HeaderMatch } from "./headers";
import { toNumber } from "./numbers";
import { weightLabelOf } from "./weightLabels";

export type RequiredPart = "indicator" | "weight" | "score";

export interface HeaderCandidate {
  /** 1-based sheet rows of the header, top first. */
  rows: number[];
  /** 1-based column of each role found. */
  columns: Partial<Record<Role, number>>;
  /** Strength of the header that gave each role. */
  strengths: Partial<Record<Role, number>>;
  /** What an indicator table needs and this header lacks. */
  missing: RequiredPart[];
  roleCount: number;
}

/** Rows scanned for a header; a sheet longer than this is searched in its first rows only. */
const MAX_SCAN_ROWS = 5000;
/** Cells longer than this are data, not headers. */
const MAX_HEADER_CELL = 40;

type RowMatches = Map<number, HeaderMatch>;

const BRACKETED = /^[(（][^()（）]*[)）]$/;

function cellMatch(grid: Grid, row: number, col: number): HeaderMatch | undefined {
  const v = grid.value(row, col);
  if (typeof v !== "string" || v.length > MAX_HEADER_CELL) return undefined;
  return matchHeader(v);
}

function rowMatches(grid: Grid, row: number): RowMatches {
  const out: RowMatches = new Map();
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const m = cellMatch(grid, row, c);
    if (m) out.set(c, m);
  }
  return out;
}

/** Picks, for each role, the column whose header matches it most strongly (leftmost on a tie). */
function assignRoles(matches: RowMatches, rows: number[]): HeaderCandidate {
  const columns: Partial<Record<Role, number>> = {};
  const strengths: Partial<Record<Role, number>> = {};
  const cols = [...matches.keys()].sort((a, b) => a - b);
  for (const c of cols) {
    const m = matches.get(c)!;
    if ((strengths[m.role] ?? 0) < m.strength) {
      columns[m.role] = c;
      strengths[m.role] = m.strength;
    }
  }
  // 分值 or 得分 repeated beside each level (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分):
  // the indicator's own is the first after the indicator column; the others belong to the levels.
  const indicator = columns.level3;
  if (indicator !== undefined) {
    for (const role of ["weight", "score"] as const) {
      const c = columns[role];
      if (c === undefined || c > indicator) continue;
      const after = cols.find((k) => k > indicator && matches.get(k)!.role === role && matches.get(k)!.strength === strengths[role]);
      if (after !== undefined) columns[role] = after;
    }
  }
  for (const [level, points] of [["level1", "level1Weight"], ["level2", "level2Weight"]] as const) {
    const c = columns[level];
    if (c === undefined || c + 1 === columns.weight || matches.get(c + 1)?.role !== "weight") continue;
    columns[points] = c + 1;
    strengths[points] = matches.get(c + 1)!.strength;
  }
  // 指标性质 stands just before the target's value and 度量单位 just after it (or after 完成值);
  // a 单位 column elsewhere is something else.
  const t = columns.target;
  const beside = { targetKind: [-2, -1], targetUnit: [1, 2] } as const;
  for (const part of ["targetKind", "targetUnit"] as const) {
    const c = columns[part];
    if (c === undefined) continue;
    const [lo, hi] = beside[part];
    if (t === undefined || c - t < lo || c - t > hi) {
      delete columns[part];
      delete strengths[part];
    }
  }
  const missing: RequiredPart[] = [];
  if (columns.level3 === undefined) missing.push("indicator");
  if (columns.weight === undefined) missing.push("weight");
  if (columns.score === undefined) missing.push("score");
  return { rows, columns, strengths, missing, roleCount: Object.keys(columns).length };
}

function isNumberLike(grid: Grid, row: number, col: number): boolean {
  const v = grid.value(row, col);
  if (typeof v === "number") return true;
  return typeof v === "string" && toNumber(v.replace(/[%％]$/, "")) !== undefined;
}

/**
 * The second row of a two-row header: only header words (一级指标, 二级指标 …),
 * no numbers, and at least one of them under a blank cell of the first row
 * (a merged area) or under a group label such as 评价指标.
 */
function isSecondHeaderRow(grid: Grid, top: number, second: number): boolean {
  let cells = 0;
  let underGroup = false;
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    if (grid.isBlank(second, c)) continue;
    cells++;
    if (isNumberLike(grid, second, c)) return false;
    const text = grid.text(second, c);
    if (BRACKETED.test(text)) continue; // a unit such as （分） under its header
    const aboveBlank = grid.isBlank(top, c);
    if (!isHeaderWord(text) && !(aboveBlank && matchHeader(text))) return false;
    if (aboveBlank || isGroupLabel(grid.text(top, c)) || !matchHeader(grid.text(top, c))) underGroup = true;
  }
  return cells > 0 && underGroup;
}

function better(a: HeaderCandidate, b: HeaderCandidate | undefined): boolean {
  if (!b) return true;
  const va = a.missing.length === 0 ? 1 : 0;
  const vb = b.missing.length === 0 ? 1 : 0;
  if (va !== vb) return va > vb;
  if (a.roleCount !== b.roleCount) return a.roleCount > b.roleCount;
  const sa = Object.values(a.strengths).reduce((s, x) => s + (x ?? 0), 0);
  const sb = Object.values(b.strengths).reduce((s, x) => s + (x ?? 0), 0);
  if (sa !== sb) return sa > sb;
  return false; // keep the earlier (upper, fewer rows) one
}

/**
 * The most complete header in the sheet: a valid one (indicator, weight and
 * score columns) before any other, then the one with most roles. Undefined
 * when no row holds a single header word.
 */
export function findHeader(grid: Grid): HeaderCandidate | undefined {
  let best: HeaderCandidate | undefined;
  const last = Math.min(grid.lastRow, grid.firstRow + MAX_SCAN_ROWS - 1);
  let next = grid.firstRow <= last ? rowMatches(grid, grid.firstRow) : new Map<number, HeaderMatch>();
  for (let r = grid.firstRow; r <= last; r++) {
    const here = next;
    next = r + 1 <= last ? rowMatches(grid, r + 1) : new Map<number, HeaderMatch>();
    if (here.size === 0) continue;
    // Each role a header gives is a cell of it that matched, so these two rows together give at most
    // here.size + next.size roles: fewer than a valid header already found has, and neither this row
    // nor the pair can beat it (better() needs validity, then as many roles). Most rows of a long table.
    if (best && best.missing.length === 0 && here.size + next.size < best.roleCount) continue;
    const single = assignRoles(here, [r]);
    if (better(single, best)) best = single;
    if (r + 1 <= last && isSecondHeaderRow(grid, r, r + 1)) {
      const merged: RowMatches = new Map(here);
      for (const [c, m] of next) merged.set(c, m);
      const pair = assignRoles(merged, [r, r + 1]);
      // Two rows only when each adds to the other (a title row above a full header adds nothing).
      const alone = Math.max(single.roleCount, assignRoles(next, [r + 1]).roleCount);
      if (pair.roleCount > alone && better(pair, best)) best = pair;
    }
  }
  if (best && isUsable(grid, best)) {
    const next = best.rows[best.rows.length - 1] + 1;
    if (next <= grid.lastRow && (isUnitRow(grid, next) || continuesHeader(grid, best, next))) best.rows.push(next);
  }
  return best;
}

/** Rows under a header without a weight column looked at for a score. */
const SCORED_ROW_REACH = 200;

/**
 * A header the table can be read by: indicator, weight and score columns; or indicator and
 * score without a weight column, when scores follow, or when the weights are in the labels:
 * indicators written with their points, or a block or level label left of the indicators
 * (年度绩效目标（80分）, 产出指标（50分）). Such a table is read even when nothing is scored yet,
 * as a table with a weight column is: the unscored rows are then reported, not the table refused.
 */
export function isUsable(grid: Grid, header: HeaderCandidate): boolean {
  if (header.missing.length === 0) return true;
  if (header.missing.length !== 1 || header.missing[0] !== "weight") return false;
  const col = header.columns.score!;
  const indicator = header.columns.level3!;
  const from = header.rows[header.rows.length - 1] + 1;
  const last = Math.min(grid.lastRow, from + SCORED_ROW_REACH);
  if (header.rows.some((r) => labelsLeftCarryPoints(grid, r, indicator))) return true;
  for (let r = from; r <= last; r++) {
    const v = grid.value(r, col);
    if (typeof v === "number" && Number.isFinite(v)) return true;
    // An indicator written with its points (相关性(5分)): the weights are in the names.
    const name = grid.value(r, indicator);
    if (typeof name === "string" && weightLabelOf(name) !== undefined) return true;
    if (labelsLeftCarryPoints(grid, r, indicator)) return true;
  }
  return false;
}

/** Whether a label left of the indicator column on this row states points (年度绩效目标（80分）). */
function labelsLeftCarryPoints(grid: Grid, row: number, indicator: number): boolean {
  for (let c = grid.firstCol; c < indicator; c++) {
    const v = grid.value(row, c);
    if (typeof v === "string" && weightLabelOf(v) !== undefined) return true;
  }
  return false;
}

/**
 * The second line of a header written one word over two rows (一级 / 指标, 二级 / 指标):
 * under the header's own cells, only header words and group labels, no number.
 */
function continuesHeader(grid: Grid, header: HeaderCandidate, row: number): boolean {
  const top = header.rows[header.rows.length - 1];
  let words = 0;
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    if (grid.isBlank(row, c)) continue;
    const text = grid.text(row, c);
    if (isNumberLike(grid, row, c) || grid.isBlank(top, c)) return false;
    if (!isHeaderWord(text) && !BRACKETED.test(text)) return false;
    words++;
  }
  return words >= 2;
}

/** A row under the header holding only units in brackets, （分） （%） （万元）: part of the header, not data. */
function isUnitRow(grid: Grid, row: number): boolean {
  let units = 0;
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    if (grid.isBlank(row, c)) continue;
    const v = grid.value(row, c);
    if (typeof v !== "string" || !BRACKETED.test(v.trim())) return false;
    units++;
  }
  return units > 0;
}
