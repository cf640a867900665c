/**
 * Applies a write plan to an exceljs workbook in memory (a copy: the caller writes it to a
 * new file), and removes it again (清除标记). What to restore and what to record is decided
 * by the core (src/core/record.ts); this module reads and writes the cells and the record sheet.
 *
 * Written is exactly: the plan's cells (result column text and wrap, flag fills and notes,
 * the fixes asked for), the result column's width when it was narrower, and the record.
 */
import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs";
import type { WritePlan } from "../core/types";
import {
  type CellNow,
  type Mark,
  type RecordEntry,
  LEGACY_RECORD_SHEET,
  RECORD_SHEET,
  RESULT_COLUMN_WIDTH,
  cellsOf,
  charactersOfPoints,
  contentOfOoxmlValue,
  decideWriteBack,
  decodeRecords,
  encodeRecord,
  hexOfOoxmlFill,
  isColumnEntry,
  marksOf,
  pointsOfCharacters,
  restoredCells,
} from "../core/record";
import { columnLetter } from "../core/address";
import { narrativeSheetPlans } from "../core/narrative/plans";

/** A JSON-safe copy; dates become {__date} so that they come back as dates. */
function plain<T>(v: T): unknown {
  if (v === undefined) return undefined;
  return JSON.parse(
    JSON.stringify(v, function (this: unknown, key: string, x: unknown) {
      const raw = (this as Record<string, unknown>)[key];
      return raw instanceof Date ? { __date: raw.toISOString() } : x;
    }),
  );
}

function revive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.__date === "string" && Object.keys(o).length === 1) return new Date(o.__date);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, revive(x)]));
  }
  return v;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** The rows of a record sheet (three columns), as a host reads a used range. */
function sheetRows(ws: ExcelJS.Worksheet | undefined): unknown[][] {
  if (!ws) return [];
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const v = row.values as unknown[];
    rows.push([v[1] ?? null, v[2] ?? null, v[3] ?? null]);
  });
  return rows;
}

/** Both records a workbook may hold (the record, and an older command line's), as one entry list. */
export function readRecord(wb: ExcelJS.Workbook): RecordEntry[] {
  return decodeRecords({ record: sheetRows(wb.getWorksheet(RECORD_SHEET)), legacy: sheetRows(wb.getWorksheet(LEGACY_RECORD_SHEET)) });
}

function storeRecord(wb: ExcelJS.Workbook, entries: RecordEntry[]): void {
  for (const name of [RECORD_SHEET, LEGACY_RECORD_SHEET]) {
    const old = wb.getWorksheet(name);
    if (old) wb.removeWorksheet(old.id);
  }
  if (entries.length === 0) return;
  const ws = wb.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
  for (const row of encodeRecord(entries)) ws.addRow(row);
}

function noteText(n: unknown): string | null {
  if (n === undefined || n === null) return null;
  if (typeof n === "string") return n;
  const texts = (n as { texts?: { text?: unknown }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => String(t.text ?? "")).join("") : "";
}

/** A cell as the core asks for it: content, fill, wrap, note, and their exact exceljs forms. */
function cellNow(cell: ExcelJS.Cell): CellNow {
  let value: unknown = cell.value;
  // exceljs's `value` leaves out a formula's cached result when it is 0, "" or false; keep it, or the restored cell reads as never calculated.
  if (cell.type === excelJs().ValueType.Formula && value && typeof value === "object") value = { ...(value as object), result: cell.result };
  const exact = plain(value) ?? null;
  const style = cell.style ?? {};
  return {
    content: contentOfOoxmlValue(exact),
    fill: hexOfOoxmlFill(style.fill),
    wrap: style.alignment?.wrapText === true,
    note: noteText(cell.note),
    ooxml: { value: exact, fill: plain(style.fill) ?? null, alignment: plain(style.alignment) ?? null },
  };
}

function solidFill(rgb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${rgb}` } };
}

function removeNote(cell: ExcelJS.Cell): void {
  // exceljs keeps a note in two places: the cell's comment, and the comment a load or a save left on its value's model.
  const inner = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  delete inner._comment;
  if (inner._value?.model) delete inner._value.model.comment;
}

/** A cell a merged area covers (not its top-left): Excel ignores what is written there, exceljs writes the top-left. */
function isCovered(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && !!cell.master && cell.master.address !== cell.address;
}

function restoreEntry(wb: ExcelJS.Workbook, entry: RecordEntry): void {
  const ws = wb.getWorksheet(entry.sheet);
  if (!ws) return;
  const prior = entry.prior;
  const ooxml = prior.ooxml ?? {};
  if (isColumnEntry(entry)) {
    const chars = "width" in ooxml ? ooxml.width : prior.width === null || prior.width === undefined ? null : charactersOfPoints(prior.width);
    ws.getColumn(entry.range.split(":")[0]).width = chars ?? (undefined as unknown as number);
    return;
  }
  for (const { row, col } of cellsOf(entry)) {
    const cell = ws.getCell(row, col);
    if (isCovered(cell)) continue;
    if (prior.content) {
      if (ooxml.value !== undefined) cell.value = revive(ooxml.value) as ExcelJS.CellValue;
      else if ("formula" in prior.content) {
        cell.value = { formula: prior.content.formula.replace(/^=/, ""), result: prior.content.result ?? undefined } as ExcelJS.CellValue;
      } else cell.value = prior.content.constant as ExcelJS.CellValue;
    }
    if (prior.fill !== undefined || prior.wrap !== undefined) {
      const style = clone(cell.style ?? {}) as Partial<ExcelJS.Style>;
      if (prior.fill !== undefined) {
        const fill = "fill" in ooxml ? ooxml.fill : prior.fill === null ? null : solidFill(prior.fill);
        if (fill) style.fill = clone(fill) as ExcelJS.Fill;
        else delete style.fill;
      }
      if (prior.wrap !== undefined) {
        if ("alignment" in ooxml) {
          if (ooxml.alignment) style.alignment = clone(ooxml.alignment) as ExcelJS.Alignment;
          else delete style.alignment;
        } else {
          const alignment = { ...(style.alignment ?? {}) } as Partial<ExcelJS.Alignment>;
          if (prior.wrap) alignment.wrapText = true;
          else delete alignment.wrapText;
          if (Object.keys(alignment).length > 0) style.alignment = alignment as ExcelJS.Alignment;
          else delete style.alignment;
        }
      }
      cell.style = style as ExcelJS.Style;
    }
    if (prior.note !== undefined) {
      removeNote(cell);
      if (typeof prior.note === "string") cell.note = prior.note;
    }
  }
}

function writeMark(ws: ExcelJS.Worksheet, m: Mark): void {
  const cell = ws.getCell(m.row, m.col);
  if (m.content) {
    if ("formula" in m.content) {
      cell.value = { formula: m.content.formula.replace(/^=/, ""), result: (m.content.result ?? undefined) as number } as ExcelJS.CellValue;
    } else {
      // Text stays text: a value that starts with "=" is never turned into a formula by exceljs.
      cell.value = m.content.constant as ExcelJS.CellValue;
    }
  }
  if (m.fill || m.wrap) {
    const style = clone(cell.style ?? {}) as Partial<ExcelJS.Style>;
    if (m.fill) style.fill = solidFill(m.fill);
    if (m.wrap) style.alignment = { ...(style.alignment ?? {}), wrapText: true } as ExcelJS.Alignment;
    cell.style = style as ExcelJS.Style;
  }
  if (m.note !== undefined) {
    removeNote(cell);
    cell.note = m.note;
  }
}

/** The entries a restore of every earlier write-back would restore (the record's, on sheets still there). */
function entriesToRestore(wb: ExcelJS.Workbook): RecordEntry[] {
  return decideWriteBack({ record: readRecord(wb), sheets: wb.worksheets.map((s) => s.name), plan: null, now: () => ({}) }).restore;
}

/** Restores every cell a previous write-back touched, on every sheet, and removes the record. Returns the entries restored. */
export function restoreMarks(wb: ExcelJS.Workbook): RecordEntry[] {
  const restore = entriesToRestore(wb);
  for (const e of restore) restoreEntry(wb, e);
  storeRecord(wb, []);
  return restore;
}

/** The cells clearMarks would restore now, the workbook left as it is. */
export function markedCells(wb: ExcelJS.Workbook): number {
  return restoredCells(entriesToRestore(wb));
}

/** restoreMarks, counting the cells restored. */
export function clearMarks(wb: ExcelJS.Workbook): number {
  return restoredCells(restoreMarks(wb));
}

/**
 * Applies a write plan: the plan's sheet's earlier marks are restored first, so applying
 * twice equals applying once; marks on other sheets stay, and stay recorded.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  applySheetPlan(wb, plan);
  // Each narrative sheet beside the table: its flags now, its earlier ones restored.
  for (const sheetPlan of narrativeSheetPlans(plan)) if (wb.getWorksheet(sheetPlan.sheet)) applySheetPlan(wb, sheetPlan);
}

function applySheetPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`sheet not found: ${plan.sheet}`);
  const marks = marksOf(plan, { notes: true }).filter((m) => !isCovered(ws.getCell(m.row, m.col)));
  const decision = decideWriteBack({
    record: readRecord(wb),
    sheets: wb.worksheets.map((s) => s.name),
    plan: { sheet: plan.sheet, marks, resultColumn: plan.resultColumn },
    now: (row, col) => cellNow(ws.getCell(row, col)),
    resultColumnWidth: () => {
      const width = ws.getColumn(plan.resultColumn).width;
      return width ? { points: pointsOfCharacters(width), characters: width } : { points: null, characters: null };
    },
  });
  for (const e of decision.restore) restoreEntry(wb, e);
  for (const m of decision.marks) writeMark(ws, m);
  if (decision.widen !== undefined) ws.getColumn(columnLetter(decision.widen)).width = charactersOfPoints(RESULT_COLUMN_WIDTH);
  storeRecord(wb, decision.record);
}

export { RECORD_SHEET };
