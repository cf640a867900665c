import type { Message, SheetSnapshot, TableLayout } from "./types";
import { Grid } from "./snapshot";
import { findHeader, isUsable, type HeaderCandidate, type RequiredPart } from "./tableHeader";
import { findBody, headerExtent, resultColumnAfter } from "./tableBody";
import { findGradeCell } from "./gradeCell";
import { findTitle, findUnit, unitFromTitle } from "./tableMeta";
import { findBudgetBlockRow, findBudgetHeader, findBudgetRowInTable, headerWeight } from "./budget";

export type LocateOutcome =
  /** otherTableSheets: the other sheets that hold a table too, when the table was searched for (not named). */
  | { ok: true; layout: TableLayout; snapshot: SheetSnapshot; otherTableSheets?: string[] }
  | { ok: false; code: "EMPTY_WORKBOOK" | "SHEET_NOT_FOUND" | "NO_TABLE"; message: Message };

export interface LocateOptions {
  /** Use this sheet rather than searching all of them. */
  sheet?: string;
}

function isEmptySheet(s: SheetSnapshot): boolean {
  return !s.values.some((row) => row.some((v) => v !== null && !(typeof v === "string" && v.trim() === "")));
}

const PART_NAMES: Record<RequiredPart, Message> = {
  indicator: { zh: "三级指标/指标名称", en: "indicator (三级指标/指标名称)" },
  weight: { zh: "权重/分值", en: "weight (权重/分值)" },
  score: { zh: "得分", en: "score (得分)" },
};

function quoteList(names: string[]): string {
  return names.map((n) => `“${n}”`).join("、");
}

function noTableMessage(sheets: SheetSnapshot[], closest?: { sheet: string; header: HeaderCandidate }): Message {
  const where = { zh: `工作表 ${quoteList(sheets.map((s) => s.name))}`, en: `sheet(s) ${sheets.map((s) => `"${s.name}"`).join(", ")}` };
  let zh = `未找到指标表：${where.zh} 中没有同时含有 三级指标/指标名称、权重/分值 和 得分 列的表头行。`;
  let en = `No indicator table found: ${where.en} have no header row with an indicator (三级指标/指标名称), a weight (权重/分值) and a score (得分) column.`;
  if (closest && closest.header.roleCount >= 2) {
    const row = closest.header.rows[0];
    zh += `最接近的是工作表“${closest.sheet}”第 ${row} 行，缺少 ${closest.header.missing.map((p) => PART_NAMES[p].zh).join("、")} 列。`;
    en += ` The closest is row ${row} of sheet "${closest.sheet}", which lacks ${closest.header.missing.map((p) => PART_NAMES[p].en).join(", ")}.`;
  }
  zh += "请确认表头写有 三级指标（或指标名称）、权重（或分值）和 得分，或指定含有指标表的工作表。";
  en += " Make sure the header names the indicator (三级指标 or 指标名称), the weight (权重 or 分值) and the score (得分), or name the sheet that holds the table.";
  return { zh, en };
}

function layoutOf(snapshot: SheetSnapshot, grid: Grid, header: HeaderCandidate): TableLayout {
  const headerTop = header.rows[0];
  const headerBottom = header.rows[header.rows.length - 1];
  const extent = headerExtent(grid, header.rows, header.columns, snapshot.merges);
  const body = findBody(grid, headerBottom, header.columns, extent, snapshot.merges);
  const firstRow = body.firstRow ?? headerBottom + 1;
  const lastRow = body.lastRow ?? headerBottom;
  const layout: TableLayout = {
    sheet: snapshot.name,
    headerRows: [...header.rows],
    columns: { ...header.columns },
    firstRow,
    lastRow,
    firstColumn: extent.firstColumn,
    lastColumn: extent.lastColumn,
  };
  if (body.totalRow !== undefined) layout.totalRow = body.totalRow;
  if (body.blockHeaderRows !== undefined) layout.blockHeaderRows = body.blockHeaderRows;
  const gradeCell = findGradeCell(grid, {
    totalRow: body.totalRow,
    totalLabelColumn: body.totalLabelColumn,
    lastRow,
    firstColumn: extent.firstColumn,
    lastColumn: extent.lastColumn,
    columns: header.columns,
    resultColumn: resultColumnAfter(grid, header.rows, extent),
  });
  if (gradeCell) {
    layout.gradeCell = gradeCell;
    // A grade written after the header's last column still belongs to the table.
    layout.lastColumn = Math.max(layout.lastColumn, gradeCell.col);
  }

  const budgetHeader = findBudgetHeader(grid, grid.firstRow, headerTop - 1);
  const blockRow = budgetHeader && findBudgetBlockRow(grid, budgetHeader, headerTop);
  // A block whose header states its points (得分(20分*执行率), 预算执行情况(万元)(20分)) and whose row
  // is scored is the budget row; a 预算执行率 indicator in the table is then judged like any other.
  const blockScored =
    budgetHeader !== undefined &&
    blockRow !== undefined &&
    budgetHeader.columns.score !== undefined &&
    typeof grid.value(blockRow, budgetHeader.columns.score) === "number" &&
    headerWeight(grid, budgetHeader) !== undefined;
  const inTable = body.firstRow === undefined || blockScored ? undefined : findBudgetRowInTable(grid, layout, blockRow !== undefined);
  // Otherwise a 预算执行率 row in the table is the scored one; the block then only gives the money.
  const budgetRow = inTable ?? blockRow;
  if (budgetRow !== undefined) layout.budgetRow = budgetRow;

  const title = findTitle(grid, headerTop);
  if (title) layout.title = title;
  const unit = findUnit(grid, headerTop) ?? (title ? unitFromTitle(title) : undefined);
  if (unit) layout.unit = unit;
  return layout;
}

function findSheet(sheets: SheetSnapshot[], name: string): SheetSnapshot | undefined {
  const exact = sheets.find((s) => s.name === name);
  if (exact) return exact;
  const key = name.trim().toLowerCase();
  return sheets.find((s) => s.name.trim().toLowerCase() === key);
}

function locateIn(snapshot: SheetSnapshot): { layout?: TableLayout; header?: HeaderCandidate } {
  const grid = new Grid(snapshot);
  const header = findHeader(grid);
  if (!header || !isUsable(grid, header)) return { header };
  return { layout: layoutOf(snapshot, grid, header), header };
}

/**
 * Finds the indicator table (SPEC §1): the sheet that holds it (or the one
 * named), its header row(s), the column of each role, its indicator rows,
 * total row, grade cell, title, 填报单位 and 预算执行率 row. Never throws;
 * a sheet without an indicator header is NO_TABLE, never a guess.
 */
export function locateTable(sheets: SheetSnapshot[], opts: LocateOptions = {}): LocateOutcome {
  try {
    return locate(sheets, opts);
  } catch (e) {
    // A grid no rule foresaw must still give an answer, not a crash.
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      code: "NO_TABLE",
      message: { zh: `未找到指标表：读取表格时出错（${detail}）`, en: `No indicator table found: the sheet could not be read (${detail})` },
    };
  }
}

function locate(sheets: SheetSnapshot[], opts: LocateOptions): LocateOutcome {
  if (opts.sheet !== undefined) {
    const named = findSheet(sheets, opts.sheet);
    if (!named) {
      const names = sheets.map((s) => s.name);
      return {
        ok: false,
        code: "SHEET_NOT_FOUND",
        message: {
          zh: `找不到工作表“${opts.sheet}”。工作簿中的工作表：${names.length ? quoteList(names) : "（无）"}`,
          en: `Sheet "${opts.sheet}" not found. Sheets in the workbook: ${names.length ? names.map((n) => `"${n}"`).join(", ") : "(none)"}`,
        },
      };
    }
    if (isEmptySheet(named)) {
      return {
        ok: false,
        code: "NO_TABLE",
        message: {
          zh: `未找到指标表：工作表“${named.name}”是空的。请选择含有指标表的工作表。`,
          en: `No indicator table found: sheet "${named.name}" is empty. Choose the sheet that holds the indicator table.`,
        },
      };
    }
    const found = locateIn(named);
    if (found.layout) return { ok: true, layout: found.layout, snapshot: named };
    return { ok: false, code: "NO_TABLE", message: noTableMessage([named], found.header && { sheet: named.name, header: found.header }) };
  }

  const filled = sheets.filter((s) => !isEmptySheet(s));
  if (filled.length === 0) {
    return {
      ok: false,
      code: "EMPTY_WORKBOOK",
      message: { zh: "工作簿是空的：没有任何含有内容的工作表。", en: "The workbook is empty: no sheet holds any cell." },
    };
  }

  let best: { snapshot: SheetSnapshot; layout: TableLayout } | undefined;
  let closest: { sheet: string; header: HeaderCandidate } | undefined;
  const withTable: string[] = [];
  for (const snapshot of filled) {
    const found = locateIn(snapshot);
    if (found.layout && found.header) {
      withTable.push(snapshot.name);
      if (!best || ranksAbove(snapshot, best.snapshot)) best = { snapshot, layout: found.layout };
    } else if (found.header && found.header.roleCount >= 2 && (!closest || isCloser(found.header, closest.header))) {
      closest = { sheet: snapshot.name, header: found.header };
    }
  }
  if (best) {
    const others = withTable.filter((name) => name !== best.snapshot.name);
    return others.length > 0 ? { ok: true, layout: best.layout, snapshot: best.snapshot, otherTableSheets: others } : { ok: true, layout: best.layout, snapshot: best.snapshot };
  }
  return { ok: false, code: "NO_TABLE", message: noTableMessage(filled, closest) };
}

/**
 * Of two sheets that both hold a table, the one to check: a visible sheet before a hidden one, else the
 * first in workbook order. Not the more complete table: a workbook that holds the form and, after it, a
 * copy of another form (an attachment, last year's form) is the form's own; the others are named
 * (otherTableSheets) and --sheet picks one.
 */
function ranksAbove(sa: SheetSnapshot, sb: SheetSnapshot): boolean {
  return !sa.hidden && !!sb.hidden;
}

/**
 * The header a refusal names as the closest: the one that lacks the fewest parts; among equals, the first.
 * Only a header of two roles or more is a candidate (noTableMessage names no other).
 */
function isCloser(a: HeaderCandidate, b: HeaderCandidate): boolean {
  return a.missing.length < b.missing.length;
}
