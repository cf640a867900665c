/**
 * The record of what a write-back changed, one format for every host (Excel add-in, the
 * exceljs host of the CLI and the page, WPS): kept inside the workbook in a very hidden
 * sheet, so that 清除标记 — and the next check — put back exactly what was there, even
 * after the file was closed, reopened, or opened in another host.
 *
 * A host only reads the record sheet's rows, reads the state of the cells about to be
 * marked, and applies what this module decides; it never decides what to keep.
 *
 * API (everything else here is a helper of these):
 * - Format: RECORD_SHEET (rows: RECORD_HEADER, then sheet | A1 range | JSON of PriorState),
 *   LEGACY_RECORD_SHEET (the CLI's older `_scorecheck`, read only), isRecordSheet(name),
 *   encodeRecord(entries) → rows, decodeRecords({ record, legacy }) → entries.
 * - Types: PriorContent, PriorState, RecordEntry, Mark, CellNow, WriteBackDecision.
 * - marksOf(plan, { notes }): the plan's writes merged per cell.
 * - decideWriteBack({ record, sheets, plan, marks, now, resultColumnWidth }): what to restore,
 *   what to write, the column to widen, and the record to store (empty: remove the sheets).
 * - undoMarks(snapshot, record): the user's data, in a snapshot read from a marked workbook.
 * - cellsOf, isColumnEntry, restoredCells, columnRuns, pointsOfCharacters, charactersOfPoints.
 *
 * Only the aspects a write-back changed are recorded (a flagged score cell records its fill,
 * never its value), so restoring cannot undo an edit the user made to a value after the check.
 * Cells with the same prior state in consecutive rows of one column share one row ("H5:H52").
 * The sheet name and header are those of the add-in's first record ("_scorecheck_addin"), so
 * records written by older versions of any host read as they are, and older versions read
 * this one. Plain data only: values, formulas, fill hex, wrap, note text, column width.
 */
import type { CellValue, SheetSnapshot, WritePlan } from "./types";
import { cellAddress, columnLetter, parseRange } from "./address";

export const RECORD_SHEET = "_scorecheck_addin";
export const RECORD_HEADER = ["scorecheck add-in record v1", "range", "prior"] as const;
/** The record the command line and the page kept before there was one format: read, folded, removed. */
export const LEGACY_RECORD_SHEET = "_scorecheck";

/** Sheets scorecheck keeps for itself: never read as data. */
export function isRecordSheet(name: string): boolean {
  return name === RECORD_SHEET || name === LEGACY_RECORD_SHEET;
}

/** A cell's content before it was written: its formula (with the result it showed), or its constant (null for blank). */
export type PriorContent = { formula: string; result?: CellValue } | { constant: CellValue };

/**
 * The file format's own form of what a write-back replaced, for hosts that speak it (exceljs
 * styles: OOXML fills and alignments, widths in characters, values with dates as {__date}).
 * Opaque to the core and to other hosts, which use the plain fields beside it.
 */
export interface OoxmlPrior {
  value?: unknown;
  fill?: unknown;
  alignment?: unknown;
  /** Characters; null: no width of its own. */
  width?: number | null;
}

export interface PriorState {
  content?: PriorContent;
  /** Fill as 6 hex digits, or null for no fill. */
  fill?: string | null;
  wrap?: boolean;
  /** true: the cell had no note (ours is removed); a string: the note ours replaced (put back). */
  note?: true | string;
  /** Column width in points (a whole-column entry, "H:H"); null: the sheet's standard width. */
  width?: number | null;
  ooxml?: OoxmlPrior;
}

export interface RecordEntry {
  sheet: string;
  /** "H5", "H5:H52" (one column) or "H:H" (a column's width). */
  range: string;
  prior: PriorState;
}

/** What a plan writes in one cell. */
export interface Mark {
  row: number;
  col: number;
  content?: PriorContent;
  fill?: string;
  wrap?: true;
  note?: string;
}

/** A marked cell's state now, as the host read it (only the aspects asked for need be there). */
export interface CellNow {
  content?: PriorContent;
  fill?: string | null;
  wrap?: boolean;
  /** The note's text, or null for none. */
  note?: string | null;
  ooxml?: OoxmlPrior;
}

/** Width given to the result column when it is narrower (points; about 40 characters). */
export const RESULT_COLUMN_WIDTH = 240;

/** Column entries ("H:H") carry a width; everything else is cells. */
export function isColumnEntry(e: RecordEntry): boolean {
  return /^([A-Z]{1,3}):\1$/i.test(e.range);
}

export function encodeRecord(entries: RecordEntry[]): string[][] {
  return [[...RECORD_HEADER], ...entries.map((e) => [e.sheet, e.range, JSON.stringify(e.prior)])];
}

/** The entries of a record sheet's rows; damaged rows are skipped, never guessed. */
export function decodeRecord(rows: unknown[][]): RecordEntry[] {
  if (rows.length === 0 || rows[0][0] !== RECORD_HEADER[0]) return [];
  const out: RecordEntry[] = [];
  for (const row of rows.slice(1)) {
    const [sheet, range, json] = row;
    if (typeof sheet !== "string" || typeof range !== "string" || typeof json !== "string" || !sheet) continue;
    if (!parseRange(range) && !/^([A-Z]{1,3}):\1$/i.test(range)) continue;
    try {
      const prior = JSON.parse(json) as PriorState;
      if (prior && typeof prior === "object" && !Array.isArray(prior)) out.push({ sheet, range, prior });
    } catch {
      // A damaged row: skip it.
    }
  }
  return out;
}

/**
 * Both records a workbook may hold, as one list: the record, then the legacy one's entries
 * (a copy annotated by an older command line). Rows as the record sheets' used ranges read.
 */
export function decodeRecords(rows: { record?: unknown[][]; legacy?: unknown[][] }): RecordEntry[] {
  return [...decodeRecord(rows.record ?? []), ...decodeLegacyRecord(rows.legacy ?? [])];
}

// ---------------------------------------------------------------- the legacy record

type LegacyAspect = "value" | "fill" | "alignment" | "note";
const ALL_ASPECTS: LegacyAspect[] = ["value", "fill", "alignment", "note"];

interface LegacyPrior {
  value?: unknown;
  style?: { fill?: unknown; alignment?: { wrapText?: boolean } } | null;
  note?: unknown;
  wrote?: LegacyAspect[];
}

/** Excel's standard column: 8.43 characters of the default font, 64 pixels, 48 points. */
const STANDARD_WIDTH_CHARS = 8.43;

/** A width in characters (exceljs, OOXML) as points (Office.js): 7 pixels a character and 5 of padding, 0.75 point a pixel. */
export function pointsOfCharacters(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

/** The inverse of pointsOfCharacters, to two decimals (48 points: 8.43). */
export function charactersOfPoints(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

function excelSerial(iso: string): number | null {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t / 86400000 + 25569 : null;
}

/** A cell value in exceljs's JSON form (dates as {__date}) as prior content. */
export function contentOfOoxmlValue(v: unknown): PriorContent {
  if (v === null || v === undefined) return { constant: null };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { constant: v };
  if (typeof v !== "object") return { constant: String(v) };
  const o = v as Record<string, unknown>;
  if (typeof o.__date === "string") return { constant: excelSerial(o.__date) };
  if (typeof o.formula === "string" || typeof o.sharedFormula === "string") {
    const f = `=${String(o.formula ?? o.sharedFormula).replace(/^=/, "")}`;
    const result = o.result;
    const shown: CellValue | undefined =
      typeof result === "string" || typeof result === "number" || typeof result === "boolean"
        ? result
        : result && typeof result === "object" && typeof (result as { error?: unknown }).error === "string"
          ? (result as { error: string }).error
          : undefined;
    return shown === undefined ? { formula: f } : { formula: f, result: shown };
  }
  if (Array.isArray(o.richText)) return { constant: o.richText.map((r) => String((r as { text?: unknown }).text ?? "")).join("") };
  if (typeof o.text === "string") return { constant: o.text };
  if (typeof o.error === "string") return { constant: o.error };
  return { constant: null };
}

/** A solid OOXML fill's colour as hex; null for none or one that has no plain colour. */
export function hexOfOoxmlFill(fill: unknown): string | null {
  const f = fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (f && f.type === "pattern" && f.pattern === "solid" && typeof f.fgColor?.argb === "string") return f.fgColor.argb.slice(-6).toUpperCase();
  return null;
}

function noteText(n: unknown): string | null {
  if (typeof n === "string") return n;
  if (n && typeof n === "object" && Array.isArray((n as { texts?: unknown }).texts)) {
    return ((n as { texts: { text?: unknown }[] }).texts).map((t) => String(t.text ?? "")).join("");
  }
  return null;
}

/**
 * The entries of the legacy `_scorecheck` sheet's rows (["sheet", "address", "prior"], then one
 * per cell with its whole exceljs prior state and the aspects written, or "L:L" for the result
 * column's width in characters). Only the aspects written are restored; a row written before
 * they were kept restores all it holds.
 */
export function decodeLegacyRecord(rows: unknown[][]): RecordEntry[] {
  if (rows.length === 0 || rows[0][0] !== "sheet" || rows[0][1] !== "address") return [];
  const out: RecordEntry[] = [];
  for (const [sheet, address, json] of rows.slice(1)) {
    if (typeof sheet !== "string" || !sheet || typeof address !== "string" || typeof json !== "string") continue;
    let prior: LegacyPrior;
    try {
      prior = JSON.parse(json) as LegacyPrior;
    } catch {
      continue;
    }
    if (!prior || typeof prior !== "object") continue;
    if (/^([A-Z]{1,3}):\1$/.test(address)) {
      const width = (prior.value as { width?: unknown } | null)?.width;
      const chars = typeof width === "number" ? width : null;
      out.push({ sheet, range: address, prior: { width: pointsOfCharacters(chars ?? STANDARD_WIDTH_CHARS), ooxml: { width: chars } } });
      continue;
    }
    if (!/^[A-Z]{1,3}[1-9][0-9]*$/.test(address)) continue;
    const wrote = Array.isArray(prior.wrote) ? prior.wrote : ALL_ASPECTS;
    const state: PriorState = {};
    const ooxml: OoxmlPrior = {};
    if (wrote.includes("value")) {
      state.content = contentOfOoxmlValue(prior.value);
      ooxml.value = prior.value ?? null;
    }
    if (wrote.includes("fill")) {
      state.fill = hexOfOoxmlFill(prior.style?.fill);
      ooxml.fill = prior.style?.fill ?? null;
    }
    if (wrote.includes("alignment")) {
      state.wrap = prior.style?.alignment?.wrapText === true;
      ooxml.alignment = prior.style?.alignment ?? null;
    }
    if (wrote.includes("note")) state.note = noteText(prior.note) ?? true;
    if (Object.keys(ooxml).length > 0) state.ooxml = ooxml;
    if (Object.keys(state).length > 0) out.push({ sheet, range: address, prior: state });
  }
  return out;
}

// ---------------------------------------------------------------- cells and runs

/** Every cell of a cell entry, 1-based. */
export function cellsOf(entry: RecordEntry): { row: number; col: number }[] {
  if (isColumnEntry(entry)) return [];
  const r = parseRange(entry.range);
  if (!r) return [];
  const out: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

/** Cells an entry list restores. */
export function restoredCells(entries: RecordEntry[]): number {
  let n = 0;
  for (const e of entries) {
    if (isColumnEntry(e)) continue;
    const r = parseRange(e.range);
    if (r) n += (r.bottom - r.top + 1) * (r.right - r.left + 1);
  }
  return n;
}

export interface Run<T> {
  col: number;
  top: number;
  bottom: number;
  items: T[];
}

/**
 * Groups cells of one column into runs of consecutive rows whose `key` is equal,
 * so that each run is one rectangular write. Input order does not matter.
 */
export function columnRuns<T extends { row: number; col: number }>(cells: T[], key: (c: T) => string = () => ""): Run<T>[] {
  const sorted = cells.slice().sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Run<T>[] = [];
  let cur: Run<T> | undefined;
  let curKey = "";
  for (const c of sorted) {
    const k = key(c);
    if (cur && cur.col === c.col && c.row === cur.bottom + 1 && k === curKey) {
      cur.bottom = c.row;
      cur.items.push(c);
    } else {
      cur = { col: c.col, top: c.row, bottom: c.row, items: [c] };
      curKey = k;
      runs.push(cur);
    }
  }
  return runs;
}

function runRange(run: Run<unknown>): string {
  const a = cellAddress(run.top, run.col);
  return run.top === run.bottom ? a : `${a}:${cellAddress(run.bottom, run.col)}`;
}

/** Entries of consecutive cells in one column with the same prior state, so each is one record row. */
function compressPriors(sheet: string, cells: { row: number; col: number; prior: PriorState }[]): RecordEntry[] {
  return columnRuns(cells, (c) => JSON.stringify(c.prior)).map((run) => ({ sheet, range: runRange(run), prior: run.items[0].prior }));
}

/**
 * Cell by cell, the prior state an entry list records for one sheet. Where two entries
 * hold the same aspect of a cell, the first wins (it was recorded before the other's marks).
 */
export function priorMap(entries: RecordEntry[], sheet: string): Map<string, PriorState> {
  const map = new Map<string, PriorState>();
  for (const e of entries) {
    if (e.sheet !== sheet) continue;
    for (const c of cellsOf(e)) {
      const key = `${c.row}:${c.col}`;
      const had = map.get(key);
      if (!had) map.set(key, e.prior);
      else if (!had.ooxml && !e.prior.ooxml) map.set(key, { ...e.prior, ...had });
      else map.set(key, { ...e.prior, ...had, ooxml: { ...e.prior.ooxml, ...had.ooxml } });
    }
  }
  return map;
}

// ---------------------------------------------------------------- deciding a write-back

/** The marks a plan asks for, merged per cell. Notes only where the host can write them. */
export function marksOf(plan: WritePlan, features: { notes: boolean }): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const w of plan.writes) {
    const key = `${w.row}:${w.col}`;
    const m = byCell.get(key) ?? { row: w.row, col: w.col };
    if (w.formula !== undefined) {
      const formula = w.formula.startsWith("=") ? w.formula : `=${w.formula}`;
      // The plan's value is what the formula computes: kept, so a file shows it before Excel recalculates.
      m.content = w.value !== undefined ? { formula, result: w.value } : { formula };
    }
    else if (w.value !== undefined) m.content = { constant: w.value };
    if (typeof w.fill === "string") m.fill = w.fill.toUpperCase();
    if (w.purpose === "result") m.wrap = true;
    if (w.note !== undefined && features.notes) m.note = w.note;
    byCell.set(key, m);
  }
  return [...byCell.values()];
}

export interface WriteBackInput {
  /** The record as it stands (both sheets' entries, decodeRecords). */
  record: RecordEntry[];
  /** Sheets the workbook holds: entries of a sheet no longer there are dropped. */
  sheets: string[];
  /** The plan's sheet and marks; null for 清除标记 (restore everything). */
  plan: { sheet: string; marks: Mark[]; resultColumn?: number } | null;
  /**
   * A marked cell's state now. Asked only for aspects the record does not hold already
   * (what an earlier write-back replaced is truer than what the cell shows now).
   */
  now(row: number, col: number): CellNow;
  /**
   * The result column's width now, in points (null: the standard width) and, for hosts that
   * keep them, in characters (null: none of its own); asked when the plan wraps text there.
   */
  resultColumnWidth?(): { points: number | null; characters?: number | null };
}

export interface WriteBackDecision {
  /** Entries to put back first (the plan's sheet's, or all for a clear), in the order to apply them. */
  restore: RecordEntry[];
  /** What to write: the plan's marks, less a note over the user's own (the result column says it all). */
  marks: Mark[];
  /** The column to set to RESULT_COLUMN_WIDTH, when it is narrower. */
  widen?: number;
  /** The record to store; empty: remove the record sheets. */
  record: RecordEntry[];
}

/**
 * What a write-back does: restore the plan's sheet's earlier marks, write the new ones, and
 * record, for each aspect it writes, what was there before the first of them. Applying the
 * same plan twice records the same, and a clear then restores the workbook as never checked.
 */
export function decideWriteBack(input: WriteBackInput): WriteBackDecision {
  const live = input.record.filter((e) => input.sheets.includes(e.sheet));
  const plan = input.plan;
  if (!plan) return { restore: live.slice().reverse(), marks: [], record: [] };

  const restoring = live.filter((e) => e.sheet === plan.sheet);
  const kept = live.filter((e) => e.sheet !== plan.sheet);
  const old = priorMap(restoring, plan.sheet);
  const marks: Mark[] = [];
  const priors: { row: number; col: number; prior: PriorState }[] = [];
  for (const mark of plan.marks) {
    const was = old.get(`${mark.row}:${mark.col}`) ?? {};
    let now: CellNow | undefined;
    const current = () => (now ??= input.now(mark.row, mark.col));
    const prior: PriorState = {};
    const ooxml: OoxmlPrior = {};
    const m: Mark = { ...mark };
    if (m.content) {
      prior.content = was.content ?? current().content ?? { constant: null };
      const value = "content" in was ? was.ooxml?.value : current().ooxml?.value;
      if (value !== undefined) ooxml.value = value;
    }
    if (m.fill) {
      prior.fill = "fill" in was ? (was.fill ?? null) : (current().fill ?? null);
      const fill = "fill" in was ? was.ooxml?.fill : current().ooxml?.fill;
      if (fill !== undefined) ooxml.fill = fill;
    }
    if (m.wrap) {
      prior.wrap = was.wrap ?? current().wrap ?? false;
      const alignment = "wrap" in was ? was.ooxml?.alignment : current().ooxml?.alignment;
      if (alignment !== undefined) ooxml.alignment = alignment;
    }
    if (m.note !== undefined) {
      if (was.note !== undefined) prior.note = was.note;
      else if (typeof current().note === "string") delete m.note; // the user's own note is never replaced
      else prior.note = true;
    }
    if (Object.keys(ooxml).length > 0) prior.ooxml = ooxml;
    marks.push(m);
    if (Object.keys(prior).length > 0) priors.push({ row: m.row, col: m.col, prior });
  }

  const record = [...kept, ...compressPriors(plan.sheet, priors)];
  let widen: number | undefined;
  const col = plan.resultColumn;
  if (col !== undefined && input.resultColumnWidth && marks.some((m) => m.wrap && m.col === col)) {
    const range = `${columnLetter(col)}:${columnLetter(col)}`;
    const recorded = restoring.find((e) => isColumnEntry(e) && e.range === range);
    let prior: PriorState;
    if (recorded) prior = recorded.prior;
    else {
      const now = input.resultColumnWidth();
      prior = now.characters === undefined ? { width: now.points } : { width: now.points, ooxml: { width: now.characters } };
    }
    if (prior.width === null || prior.width === undefined || prior.width < RESULT_COLUMN_WIDTH) {
      widen = col;
      record.push({ sheet: plan.sheet, range, prior });
    }
  }
  return { restore: restoring.slice().reverse(), marks, widen, record };
}

// ---------------------------------------------------------------- reading a marked workbook

/** Puts back, in the snapshot only, the contents an earlier write-back replaced. */
export function undoMarks(snapshot: SheetSnapshot, record: RecordEntry[]): void {
  for (const [key, prior] of priorMap(record, snapshot.name)) {
    const content = prior.content;
    if (!content) continue;
    const [row, col] = key.split(":").map(Number);
    const r = row - 1 - snapshot.top;
    const c = col - 1 - snapshot.left;
    if (r < 0 || c < 0 || r >= snapshot.values.length) continue;
    if ("formula" in content) {
      snapshot.formulas[r][c] = content.formula;
      snapshot.values[r][c] = content.result !== undefined ? content.result : null;
    } else {
      snapshot.values[r][c] = content.constant;
      snapshot.formulas[r][c] = null;
    }
  }
}
