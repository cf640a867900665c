/**
 * Applies a write plan over the ET API, and removes it again (清除标记). The core decides what
 * to restore, write and record (src/core/record.ts); this reads what it asks and applies it.
 *
 * Calls grow with the marked runs (consecutive cells of one column that get the same thing),
 * not the cells: prior contents are read and new ones written as column blocks, fills and wrap
 * read and set per run (cell by cell only in a run whose cells differ); a note is one call per
 * flagged cell (ET adds comments one cell at a time), and a user's note is looked for only when
 * the sheet has any. Screen updating is off while writing, and restored whatever happens.
 */
import type { CellValue, WritePlan } from "../core/types";
import { cellAddress, parseRange } from "../core/address";
import {
  type CellNow,
  type Mark,
  type PriorContent,
  type Run,
  RESULT_COLUMN_WIDTH,
  charactersOfPoints,
  columnRuns,
  decideWriteBack,
  encodeRecord,
  isColumnEntry,
  marksOf,
  pointsOfCharacters,
  priorMap,
  restoredCells,
} from "../core/record";
import { type EtApplication, type EtWorkbook, type EtWorksheet, XL_NONE } from "./et";
import { bgrOfHex, hexOfBgr, snapshotValue, toGrid } from "./cells";
import { inputOf, snapshotFormula } from "../core/cellInput";
import { columnAddress, rangeAddress } from "./ranges";
import { storeRecord } from "./recordSheet";
import type { BookState } from "./read";

/** The standard column width in characters, for a width the record keeps as "none of its own". */
const STANDARD_WIDTH_CHARS = 8.43;

function runAddress<T>(run: Run<T>): string {
  return rangeAddress(run.top, run.col, run.bottom, run.col);
}

/** A range's fill as hex, null for none, undefined when its cells differ. */
function fillOf(ws: EtWorksheet, address: string): string | null | undefined {
  const interior = ws.Range(address).Interior;
  const index = interior.ColorIndex;
  if (index === XL_NONE) return null;
  if (index === null || index === undefined) return undefined;
  const color = interior.Color;
  return typeof color === "number" ? hexOfBgr(color) : undefined;
}

function wrapOf(ws: EtWorksheet, address: string): boolean | undefined {
  const wrap = ws.Range(address).WrapText;
  return typeof wrap === "boolean" ? wrap : undefined;
}

/** The input that stores a content again: its formula, else its constant. */
function inputOfContent(content: PriorContent): string | number | boolean {
  return "formula" in content ? content.formula : inputOf(content.constant as CellValue);
}

/**
 * One value for all the runs of a column when the cells from the first to the last agree (the
 * usual case: flagged cells have no fill of their own), else one per run, else cell by cell.
 */
function perRun<T>(ws: EtWorksheet, runs: Run<Mark>[], read: (ws: EtWorksheet, address: string) => T | undefined, set: (m: Mark, v: T | undefined) => void): void {
  const byColumn = new Map<number, Run<Mark>[]>();
  for (const run of runs) byColumn.set(run.col, [...(byColumn.get(run.col) ?? []), run]);
  for (const [col, list] of byColumn) {
    if (list.length > 1) {
      const span = read(ws, rangeAddress(list[0].top, col, list[list.length - 1].bottom, col));
      if (span !== undefined) {
        for (const run of list) run.items.forEach((m) => set(m, span));
        continue;
      }
    }
    for (const run of list) {
      const whole = read(ws, runAddress(run));
      if (whole !== undefined) run.items.forEach((m) => set(m, whole));
      else for (const m of run.items) set(m, read(ws, cellAddress(m.row, m.col)));
    }
  }
}

export interface WriteOutcome {
  /** Cells whose earlier marks were restored. */
  restored: number;
}

/** Writes a plan's marks on its sheet (restoring that sheet's earlier marks first), or, with plan null, restores every mark. */
export function writeBack(app: EtApplication, book: EtWorkbook, state: BookState, plan: WritePlan | null): WriteOutcome {
  const names = state.sheets.map((s) => s.name);
  if (plan && !names.includes(plan.sheet)) {
    throw new Error(`找不到工作表“${plan.sheet}”：请重新检查。 / Sheet "${plan.sheet}" is gone: check again.`);
  }
  const sheet = plan ? book.Worksheets.Item(plan.sheet) : undefined;
  const marks = plan ? marksOf(plan, { notes: true }) : [];

  // What the marked cells hold now, read per run and only for what the record does not know already.
  const now = new Map<string, CellNow>();
  const nowOf = (m: { row: number; col: number }) => now.get(`${m.row}:${m.col}`) ?? now.set(`${m.row}:${m.col}`, {}).get(`${m.row}:${m.col}`)!;
  if (sheet && plan) {
    const known = priorMap(state.record, plan.sheet);
    const unknown = (m: Mark, aspect: "content" | "fill" | "wrap" | "note") => !(aspect in (known.get(`${m.row}:${m.col}`) ?? {}));
    for (const run of columnRuns(marks.filter((m) => m.content && unknown(m, "content")))) {
      const range = sheet.Range(runAddress(run));
      const values = toGrid(range.Value2, run.items.length, 1);
      const formulas = toGrid(range.Formula, run.items.length, 1);
      run.items.forEach((m, i) => {
        const f = snapshotFormula(formulas[i][0], values[i][0]);
        const shown = snapshotValue(values[i][0]);
        nowOf(m).content = f ? { formula: f, result: shown } : { constant: shown };
      });
    }
    perRun(sheet, columnRuns(marks.filter((m) => m.fill && unknown(m, "fill"))), fillOf, (m, v) => (nowOf(m).fill = v ?? null));
    perRun(sheet, columnRuns(marks.filter((m) => m.wrap && unknown(m, "wrap"))), wrapOf, (m, v) => (nowOf(m).wrap = v === true));
    const noted = marks.filter((m) => m.note !== undefined && unknown(m, "note"));
    const anyNote = noted.length > 0 && sheet.Comments.Count > 0;
    for (const m of noted) {
      const comment = anyNote ? sheet.Range(cellAddress(m.row, m.col)).Comment : null;
      nowOf(m).note = comment === null || comment === undefined ? null : comment.Text();
    }
  }

  const decision = decideWriteBack({
    record: state.record,
    sheets: names,
    plan: plan ? { sheet: plan.sheet, marks, resultColumn: plan.resultColumn } : null,
    now: (row, col) => now.get(`${row}:${col}`) ?? {},
    resultColumnWidth: () => {
      const chars = Number(sheet!.Range(columnAddress(plan!.resultColumn)).ColumnWidth);
      return { points: Number.isFinite(chars) ? pointsOfCharacters(chars) : null };
    },
  });

  const sheets = new Map<string, EtWorksheet>();
  const sheetOf = (name: string) => sheets.get(name) ?? sheets.set(name, book.Worksheets.Item(name)).get(name)!;
  const screen = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    // The record first: should a later call fail, 清除标记 still knows every prior state.
    if (decision.record.length > 0) storeRecord(app, book, state.stored, encodeRecord(decision.record));

    for (const e of decision.restore) {
      const ws = sheetOf(e.sheet);
      if (isColumnEntry(e)) {
        if (e.prior.width !== undefined) ws.Range(e.range).ColumnWidth = e.prior.width === null ? STANDARD_WIDTH_CHARS : charactersOfPoints(e.prior.width);
        continue;
      }
      if (!parseRange(e.range)) continue;
      const { content, fill, wrap, note } = e.prior;
      if (content) ws.Range(e.range).Formula = inputOfContent(content);
      if (fill !== undefined) {
        const interior = ws.Range(e.range).Interior;
        if (fill === null) interior.ColorIndex = XL_NONE;
        else interior.Color = bgrOfHex(fill);
      }
      if (wrap !== undefined) ws.Range(e.range).WrapText = wrap;
      if (note !== undefined) {
        ws.Range(e.range).ClearComments();
        if (typeof note === "string") ws.Range(e.range).AddComment(note);
      }
    }

    if (sheet) {
      const { marks: toWrite } = decision;
      for (const run of columnRuns(toWrite.filter((m) => m.content))) {
        const inputs = run.items.map((m) => inputOfContent(m.content!));
        sheet.Range(runAddress(run)).Formula = inputs.length === 1 ? inputs[0] : inputs.map((v) => [v]);
      }
      for (const run of columnRuns(toWrite.filter((m) => m.fill), (m) => m.fill!)) sheet.Range(runAddress(run)).Interior.Color = bgrOfHex(run.items[0].fill!);
      for (const run of columnRuns(toWrite.filter((m) => m.wrap))) sheet.Range(runAddress(run)).WrapText = true;
      for (const m of toWrite) if (m.note !== undefined) sheet.Range(cellAddress(m.row, m.col)).AddComment(m.note);
      if (decision.widen !== undefined) sheet.Range(columnAddress(decision.widen)).ColumnWidth = charactersOfPoints(RESULT_COLUMN_WIDTH);
    }

    // Nothing left recorded: the record sheets go, last (should a call above fail, they still know everything).
    if (decision.record.length === 0 && (state.stored.exists || state.stored.legacyExists)) storeRecord(app, book, state.stored, null);
    return { restored: restoredCells(decision.restore) };
  } finally {
    app.ScreenUpdating = screen;
  }
}
