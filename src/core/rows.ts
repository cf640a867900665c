import type { BudgetRow, IndicatorRow, NumberCell, TableLayout } from "./types";
import type { Grid } from "./snapshot";
import { isReverseIndicator, parseIndicatorValue } from "./parse";
import { readNumberCell } from "./numbers";
import { isSubtotalLabel, isTotalLabel } from "./rowKinds";
import { isIndicatorLike } from "./tableBody";
import { readBudget } from "./budget";
import { holdsNoValue, isSlotName } from "./templateSlots";
import { targetInName } from "./targetInName";
import { isOnlyWeightLabel, levelName, weightLabelOf } from "./weightLabels";
import { nameColumnLabelWeight } from "./labelRows";
import { isBreakdownRow, isSharedFromAbove } from "./breakdownRows";

/**
 * A level or indicator text as written (full-width punctuation kept): spaces
 * collapsed, and a line break inside Chinese text joined without a space, as it is only wrapping.
 */
function labelText(grid: Grid, row: number, col: number): string {
  const v = grid.value(row, col);
  if (typeof v !== "string") return grid.text(row, col);
  if (!/[\s\u200b]/.test(v)) return v; // most labels: nothing to collapse or trim
  return v
    .replace(/[ \t\u3000\u00a0]*[\r\n]+[ \t\u3000\u00a0]*/g, (m: string, at: number, whole: string) =>
      /[A-Za-z0-9]/.test(whole[at - 1] ?? "") && /[A-Za-z0-9]/.test(whole[at + m.length] ?? "") ? " " : "",
    )
    .replace(/[\s\u3000\u00a0\u200b]+/g, " ")
    .trim();
}

/** A weight or score cell; a formula without a result is unreadable, not blank: it was filled in. */
function pointsCell(grid: Grid, row: number, col: number): NumberCell {
  const v = grid.value(row, col);
  if (v === null) {
    const f = grid.formula(row, col);
    if (f) return { kind: "invalid", text: f.startsWith("=") ? f : `=${f}`, uncalculated: true };
  }
  return readNumberCell(v);
}

/** Without a weight column, an indicator written with its points, 相关性(5分), has that weight. */
function labelWeight(indicator: string): NumberCell {
  const w = weightLabelOf(indicator);
  return w === undefined ? { kind: "empty" } : { kind: "number", value: w };
}

function isSummaryRow(grid: Grid, row: number, layout: TableLayout): boolean {
  const end = Math.min(layout.columns.weight ?? layout.lastColumn, layout.columns.score ?? layout.lastColumn);
  for (let c = layout.firstColumn; c < end; c++) {
    const v = grid.value(row, c);
    if (typeof v === "string" && (isSubtotalLabel(v) || isTotalLabel(v))) return true;
  }
  return false;
}

/**
 * Reads every indicator row between layout.firstRow and layout.lastRow.
 * Level cells carry down from the last non-blank one above (merged cells,
 * cells written once with blanks below, or repeated); a new level1 starts
 * its level2 afresh. Blank rows, rows with only level text, 小计 rows and the
 * 预算执行率 row are not indicator rows.
 * `each` turns each row into what is kept (check() judges it): done row by row,
 * a long table's unjudged rows never outlive the young generation of the heap.
 */
export function readIndicatorRows(grid: Grid, layout: TableLayout): IndicatorRow[];
export function readIndicatorRows<T>(grid: Grid, layout: TableLayout, each: (row: IndicatorRow) => T, slots?: number[]): T[];
export function readIndicatorRows<T>(grid: Grid, layout: TableLayout, each?: (row: IndicatorRow) => T, slots?: number[]): (T | IndicatorRow)[] {
  const cols = layout.columns;
  const rows: (T | IndicatorRow)[] = [];
  let level1 = "";
  let level2 = "";
  const from = Math.max(...layout.headerRows) + 1;
  const blockHeaders = layout.blockHeaderRows;
  // Past the last indicator, up to the total row, only empty 二级 slots are looked for.
  const end = slots !== undefined && layout.totalRow !== undefined ? layout.totalRow - 1 : layout.lastRow;
  for (let r = from; r <= end; r++) {
    if (r > layout.lastRow) {
      if (isEmptyLevelSlot(grid, r, layout, end)) slots!.push(r);
      continue;
    }
    if (blockHeaders !== undefined && blockHeaders.includes(r)) {
      // The header of the next block: its levels start afresh.
      level1 = "";
      level2 = "";
      continue;
    }
    if (cols.level1 !== undefined && !grid.isBlank(r, cols.level1)) {
      // A cell holding only a weight label, （50分）, belongs to the level above it.
      const text = labelText(grid, r, cols.level1);
      if (!isOnlyWeightLabel(text)) {
        level1 = text;
        level2 = "";
      }
    }
    if (cols.level2 !== undefined && !grid.isBlank(r, cols.level2)) {
      const text = labelText(grid, r, cols.level2);
      if (!isOnlyWeightLabel(text)) level2 = text;
    }
    if (r < layout.firstRow || r === layout.budgetRow) continue;
    if (isSummaryRow(grid, r, layout)) continue;
    if (!isIndicatorLike(grid, r, cols)) {
      if (slots !== undefined && isEmptyLevelSlot(grid, r, layout, end)) slots.push(r);
      continue;
    }

    const indicator = cols.level3 === undefined ? "" : labelText(grid, r, cols.level3);
    if (nameColumnLabelWeight(grid, r, layout) !== undefined) {
      level2 = levelName(indicator);
      continue;
    }
    if (isSlotName(indicator) && holdsNoValue(grid, r, cols)) {
      slots?.push(r);
      continue;
    }
    if (isBreakdownRow(grid, r, indicator, layout)) continue;
    const targetText = cols.target === undefined ? "" : grid.text(r, cols.target);
    const reverse = isReverseIndicator(indicator, targetText);
    const row: IndicatorRow = {
      row: r,
      level1,
      level2,
      indicator,
      target:
        cols.target === undefined
          ? { text: "", kind: "empty" }
          : parseIndicatorValue(grid.value(r, cols.target), {
              numberFormat: grid.numberFormat(r, cols.target),
              reverse,
              role: "target",
              kindCell: cols.targetKind === undefined ? undefined : grid.value(r, cols.targetKind),
              unitCell: cols.targetUnit === undefined ? undefined : grid.value(r, cols.targetUnit),
            }),
      actual:
        cols.actual === undefined
          ? { text: "", kind: "empty" }
          : parseIndicatorValue(grid.value(r, cols.actual), {
              numberFormat: grid.numberFormat(r, cols.actual),
              reverse,
              role: "actual",
              unitCell: cols.targetUnit === undefined ? undefined : grid.value(r, cols.targetUnit),
            }),
      weight: cols.weight === undefined ? labelWeight(indicator) : pointsCell(grid, r, cols.weight),
      score: cols.score === undefined ? { kind: "empty" } : pointsCell(grid, r, cols.score),
      reverse,
    };
    if (row.target.kind === "empty") {
      const named = targetInName(indicator, reverse);
      if (named) {
        row.target = named;
        row.targetInName = true;
      }
    }
    if (cols.reason !== undefined) row.reason = labelText(grid, r, cols.reason);
    const sharedWeight = cols.weight !== undefined && row.weight.kind === "empty" && isSharedFromAbove(grid, r, cols.weight, layout);
    const sharedScore = row.score.kind === "empty" && isSharedFromAbove(grid, r, cols.score, layout);
    if (sharedWeight || sharedScore) row.shared = { ...(sharedWeight && { weight: true }), ...(sharedScore && { score: true }) };
    rows.push(each ? each(row) : row);
  }
  return rows;
}

/**
 * A level of the template left without indicators: its own 一级 or 二级 cell, nothing in the
 * indicator, target, result, weight or score cells, and no row under it that it stands over
 * (the next row starts a level as high, or the table ends).
 */
function isEmptyLevelSlot(grid: Grid, row: number, layout: TableLayout, end: number): boolean {
  const { level1, level2, level3, target, actual, weight, score } = layout.columns;
  const own1 = level1 !== undefined && !grid.isBlank(row, level1);
  const own2 = level2 !== undefined && !grid.isBlank(row, level2);
  if (!own1 && !own2) return false;
  for (const c of [level3, target, actual, weight, score]) if (c !== undefined && !grid.isBlank(row, c)) return false;
  // A blank row below (a spacer row inserted into the table) stands under nothing: the next row is the next filled one.
  let next = row + 1;
  while (next <= end && isBlankRow(grid, next, layout)) next++;
  if (next > end || layout.blockHeaderRows?.includes(next)) return true;
  const next1 = level1 !== undefined && !grid.isBlank(next, level1);
  const next2 = level2 !== undefined && !grid.isBlank(next, level2);
  return own2 ? next1 || next2 : next1;
}

function isBlankRow(grid: Grid, row: number, layout: TableLayout): boolean {
  for (let c = layout.firstColumn; c <= layout.lastColumn; c++) if (!grid.isBlank(row, c)) return false;
  return true;
}

/** Reads the 预算执行率 row of a project table, when layout.budgetRow is set. */
export function readBudgetRow(grid: Grid, layout: TableLayout): BudgetRow | undefined {
  return readBudget(grid, layout);
}
