/**
 * Applies a write plan over the ET API, and removes it again (清除标记). Calls grow with the
 * marked runs (consecutive cells of one column that get the same thing), not the cells:
 * prior contents are read and new ones written as column blocks, fills and wrap set per run;
 * a note is one call per flagged cell (ET adds comments one cell at a time). Screen updating
 * is off while writing, and restored whatever happens.
 *
 * Written is exactly: the plan's cells, the result column's width when narrower, the record.
 */
import type { CellValue, WritePlan } from "../core/types";
import { cellAddress, columnLetter, parseRange } from "../core/address";
import { type EtApplication, type EtWorkbook, type EtWorksheet, XL_NONE, XL_SHEET_VERY_HIDDEN } from "./et";
import { bgrOfHex, charactersOfPoints, hexOfBgr, inputOf, pointsOfCharacters, snapshotFormula, snapshotValue, toGrid } from "./cells";
import {
  CLI_RECORD_SHEET,
  RECORD_SHEET_NAME,
  type PriorCell,
  type PriorContent,
  type PriorState,
  type RecordEntry,
  type Run,
  cellsOf,
  columnRuns,
  compressPriors,
  encodeRecord,
  isColumnEntry,
  priorMap,
  rangeAddress,
} from "./record";
import type { BookState } from "./read";

/** The result column's width when it is narrower, in points (about 40 characters), as the Excel add-in. */
export const RESULT_COLUMN_WIDTH = 240;

export interface Mark {
  row: number;
  col: number;
  content?: PriorContent;
  fill?: string;
  wrap?: true;
  note?: string;
}

export function marksOf(plan: WritePlan): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const w of plan.writes) {
    const key = `${w.row}:${w.col}`;
    const m = byCell.get(key) ?? { row: w.row, col: w.col };
    if (w.formula !== undefined) m.content = { formula: w.formula.startsWith("=") ? w.formula : `=${w.formula}` };
    else if (w.value !== undefined) m.content = { constant: w.value };
    if (typeof w.fill === "string") m.fill = w.fill.toUpperCase();
    if (w.purpose === "result") m.wrap = true;
    if (w.note !== undefined) m.note = w.note;
    byCell.set(key, m);
  }
  return [...byCell.values()];
}

function columnAddress(col: number): string {
  const L = columnLetter(col);
  return `${L}:${L}`;
}

function runAddress<T>(run: Run<T>): string {
  return rangeAddress(run.top, run.col, run.bottom, run.col);
}

/** A run's fill as the record keeps it: hex, null for none, undefined when its cells differ. */
function runFill(ws: EtWorksheet, address: string): string | null | undefined {
  const interior = ws.Range(address).Interior;
  const index = interior.ColorIndex;
  if (index === XL_NONE) return null;
  if (index === null || index === undefined) return undefined;
  const color = interior.Color;
  return typeof color === "number" ? hexOfBgr(color) : undefined;
}

function runWrap(ws: EtWorksheet, address: string): boolean | undefined {
  const wrap = ws.Range(address).WrapText;
  return typeof wrap === "boolean" ? wrap : undefined;
}

/** The value that stores a prior content again (its formula, else its constant). */
function inputOfContent(content: PriorContent): string | number | boolean {
  return "formula" in content ? content.formula : inputOf(content.constant as CellValue);
}

/** Writes one column of inputs (or one cell) with one call. */
function writeColumn(ws: EtWorksheet, top: number, col: number, inputs: (string | number | boolean)[]): void {
  const range = ws.Range(rangeAddress(top, col, top + inputs.length - 1, col));
  range.Formula = inputs.length === 1 ? inputs[0] : inputs.map((v) => [v]);
}

export interface WriteOutcome {
  restored: number;
  record: RecordEntry[];
}

/**
 * Writes a plan's marks on its sheet (first restoring that sheet's earlier marks), or, with
 * plan null, restores every mark in the workbook.
 */
export function writeBack(app: EtApplication, book: EtWorkbook, state: BookState, plan: WritePlan | null): WriteOutcome {
  const names = state.sheets.map((s) => s.name);
  const sheetName = plan?.sheet;
  if (sheetName !== undefined && !names.includes(sheetName)) {
    throw new Error(`找不到工作表“${sheetName}”：请重新检查。 / Sheet "${sheetName}" is gone: check again.`);
  }
  const restoring = state.record.filter((e) => (sheetName === undefined || e.sheet === sheetName) && names.includes(e.sheet));
  const kept = sheetName === undefined ? [] : state.record.filter((e) => e.sheet !== sheetName && names.includes(e.sheet));
  const oldPriors = sheetName === undefined ? new Map<string, PriorState>() : priorMap(restoring, sheetName);
  const marks = plan ? marksOf(plan) : [];
  const sheet = sheetName !== undefined ? book.Worksheets.Item(sheetName) : undefined;
  const sheets = new Map<string, EtWorksheet>();
  const sheetOf = (name: string) => sheets.get(name) ?? sheets.set(name, book.Worksheets.Item(name)).get(name)!;

  // ---- What the marked cells hold now (cells an earlier write-back marked: from the record).
  const priors = new Map<string, PriorState>();
  const priorOf = (m: Mark) => priors.get(`${m.row}:${m.col}`) ?? priors.set(`${m.row}:${m.col}`, {}).get(`${m.row}:${m.col}`)!;
  if (sheet) {
    const toRead = marks.filter((m) => m.content && !oldPriors.get(`${m.row}:${m.col}`)?.content);
    for (const run of columnRuns(toRead)) {
      const range = sheet.Range(runAddress(run));
      const n = run.items.length;
      const values = toGrid(range.Value2, n, 1);
      const formulas = toGrid(range.Formula, n, 1);
      run.items.forEach((m, i) => {
        const f = snapshotFormula(formulas[i][0], values[i][0]);
        const shown = snapshotValue(values[i][0]);
        priorOf(m).content = f ? { formula: f, result: shown } : { constant: shown };
      });
    }
    const perCell = (run: Run<Mark>, read: (address: string) => unknown, set: (m: Mark, v: unknown) => void) => {
      const whole = read(runAddress(run));
      if (whole !== undefined) return run.items.forEach((m) => set(m, whole));
      for (const m of run.items) set(m, read(cellAddress(m.row, m.col)));
    };
    const fillRuns = columnRuns(marks.filter((m) => m.fill && !("fill" in (oldPriors.get(`${m.row}:${m.col}`) ?? {}))));
    for (const run of fillRuns) perCell(run, (a) => runFill(sheet, a), (m, v) => (priorOf(m).fill = (v as string | null | undefined) ?? null));
    const wrapRuns = columnRuns(marks.filter((m) => m.wrap && oldPriors.get(`${m.row}:${m.col}`)?.wrap === undefined));
    for (const run of wrapRuns) perCell(run, (a) => runWrap(sheet, a), (m, v) => (priorOf(m).wrap = v === true));
  }
  // A note of the user's own is never replaced: look for one only when the sheet has any.
  const noted = marks.filter((m) => m.note !== undefined && !oldPriors.get(`${m.row}:${m.col}`)?.note);
  if (sheet && noted.length > 0 && sheet.Comments.Count > 0) {
    for (const m of noted) if (sheet.Range(cellAddress(m.row, m.col)).Comment !== null) delete m.note;
  }

  const newPriors: PriorCell[] = marks.map((m) => {
    const key = `${m.row}:${m.col}`;
    const old = oldPriors.get(key) ?? {};
    const now = priors.get(key) ?? {};
    const prior: PriorState = {};
    if (m.content) prior.content = old.content ?? now.content ?? { constant: null };
    if (m.fill) prior.fill = "fill" in old ? (old.fill ?? null) : (now.fill ?? null);
    if (m.wrap) prior.wrap = old.wrap ?? now.wrap ?? false;
    if (m.note !== undefined) prior.note = true;
    return { sheet: sheetName!, row: m.row, col: m.col, prior };
  });

  const resultColumn = plan && marks.some((m) => m.wrap) ? plan.resultColumn : undefined;
  const columnEntries: RecordEntry[] = [];
  let setWidth = false;
  if (sheet && resultColumn !== undefined) {
    const oldWidth = restoring.find((e) => isColumnEntry(e) && e.range === columnAddress(resultColumn))?.prior.width;
    const current = oldWidth ?? pointsOfCharacters(Number(sheet.Range(columnAddress(resultColumn)).ColumnWidth) || 0);
    if (current < RESULT_COLUMN_WIDTH) {
      setWidth = true;
      columnEntries.push({ sheet: sheetName!, range: columnAddress(resultColumn), prior: { width: current } });
    }
  }
  const record = [...kept, ...compressPriors(newPriors), ...columnEntries];

  const screen = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    // The record first: should a later call fail, 清除标记 still knows every prior state.
    if (record.length > 0 || state.recordExists) storeRecord(book, state, encodeRecord(record));

    let restored = 0;
    for (const e of restoring) {
      const ws = sheetOf(e.sheet);
      if (isColumnEntry(e)) {
        if (e.prior.width !== undefined) ws.Range(e.range).ColumnWidth = charactersOfPoints(e.prior.width);
        continue;
      }
      const r = parseRange(e.range);
      if (!r) continue;
      restored += (r.bottom - r.top + 1) * (r.right - r.left + 1);
      const { content, fill, wrap, note } = e.prior;
      if (content) ws.Range(e.range).Formula = inputOfContent(content);
      if (fill !== undefined) {
        const interior = ws.Range(e.range).Interior;
        if (fill === null) interior.ColorIndex = XL_NONE;
        else interior.Color = bgrOfHex(fill);
      }
      if (wrap !== undefined) ws.Range(e.range).WrapText = wrap;
      if (note) ws.Range(e.range).ClearComments();
    }

    if (sheet && plan) {
      for (const run of columnRuns(marks.filter((m) => m.content))) writeColumn(sheet, run.top, run.col, run.items.map((m) => inputOfContent(m.content!)));
      for (const run of columnRuns(marks.filter((m) => m.fill), (m) => m.fill!)) sheet.Range(runAddress(run)).Interior.Color = bgrOfHex(run.items[0].fill!);
      for (const run of columnRuns(marks.filter((m) => m.wrap))) sheet.Range(runAddress(run)).WrapText = true;
      for (const m of marks) if (m.note !== undefined) sheet.Range(cellAddress(m.row, m.col)).AddComment(m.note);
      if (setWidth && resultColumn !== undefined) sheet.Range(columnAddress(resultColumn)).ColumnWidth = charactersOfPoints(RESULT_COLUMN_WIDTH);
    }
    if (state.cliRecordExists) {
      // Its entries are now restored or kept in this host's record. A sheet is not deleted without a prompt in WPS: emptied and left very hidden.
      const cli = book.Worksheets.Item(CLI_RECORD_SHEET);
      cli.UsedRange.ClearContents();
    }
    return { restored, record };
  } finally {
    app.ScreenUpdating = screen;
  }
}

/** Writes the record rows (creating the very hidden record sheet the first time), clearing rows a longer record left. */
function storeRecord(book: EtWorkbook, state: BookState, rows: string[][]): void {
  let ws: EtWorksheet;
  if (!state.recordExists) {
    const active = book.ActiveSheet;
    const sheets = book.Worksheets;
    ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = RECORD_SHEET_NAME;
    ws.Visible = XL_SHEET_VERY_HIDDEN;
    // Adding a sheet makes it the active one: give the user theirs back.
    active.Activate();
  } else {
    ws = book.Worksheets.Item(RECORD_SHEET_NAME);
  }
  ws.Range(rangeAddress(1, 1, rows.length, 3)).Formula = rows.map((r) => r.map((v) => inputOf(v)));
  if (state.recordRows > rows.length) ws.Range(rangeAddress(rows.length + 1, 1, state.recordRows, 3)).ClearContents();
}
