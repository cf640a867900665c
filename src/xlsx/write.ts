import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs";
import type { CellWrite, WritePlan } from "../core/types";
import { cellAddress } from "../core/address";
import { type PriorCell, type WrittenAspect, RECORD_SHEET, readRecord, writeRecord } from "./record";
import { cellsOf, decodeRecord, isColumnEntry, RECORD_SHEET_NAME as ADDIN_RECORD_SHEET } from "../excel/record";

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function priorOf(ws: ExcelJS.Worksheet, w: Pick<CellWrite, "row" | "col">): PriorCell {
  const cell = ws.getCell(w.row, w.col);
  let value = cell.value instanceof Date ? cell.value : clone(cell.value);
  // exceljs's `value` leaves out a formula's cached result when it is 0, "" or false; keep it, or the restored cell reads as never calculated.
  if (cell.type === excelJs().ValueType.Formula && value && typeof value === "object") value = { ...value, result: clone(cell.result) } as ExcelJS.CellValue;
  return { sheet: ws.name, address: cellAddress(w.row, w.col), value, style: clone(cell.style ?? {}), note: clone(cell.note) };
}

/**
 * Restores what the Excel add-in wrote (its record, `_scorecheck_addin`, is host-neutral data:
 * only the aspects it changed), so a workbook checked in Excel and then given to the CLI or the
 * page is seen, and annotated, as the user left it.
 */
export function clearAddinMarks(wb: ExcelJS.Workbook): number {
  const ws = wb.getWorksheet(ADDIN_RECORD_SHEET);
  if (!ws) return 0;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    rows.push([values[1] ?? null, values[2] ?? null, values[3] ?? null]);
  });
  let restored = 0;
  for (const entry of decodeRecord(rows).reverse()) {
    const target = wb.getWorksheet(entry.sheet);
    if (!target || isColumnEntry(entry)) continue;
    for (const { row, col } of cellsOf(entry)) {
      const cell = target.getCell(row, col);
      const prior = entry.prior;
      if (prior.content) {
        cell.value =
          "formula" in prior.content
            ? ({ formula: prior.content.formula.replace(/^=/, ""), result: prior.content.result ?? undefined } as ExcelJS.CellValue)
            : (prior.content.constant as ExcelJS.CellValue);
      }
      if (prior.fill !== undefined || prior.wrap !== undefined) {
        const style = clone(cell.style ?? {}) as Partial<ExcelJS.Style>;
        if (prior.fill === null) delete style.fill;
        else if (prior.fill) style.fill = solidFill(prior.fill);
        if (prior.wrap !== undefined) style.alignment = { ...(style.alignment ?? {}), wrapText: prior.wrap };
        cell.style = style as ExcelJS.Style;
      }
      if (prior.note) delete (cell as unknown as { _comment?: unknown })._comment;
      restored++;
    }
  }
  wb.removeWorksheet(ws.id);
  return restored;
}

/** Restores every cell a previous write-back touched and removes the record. Returns the number of cells restored. */
export function clearMarks(wb: ExcelJS.Workbook): number {
  const record = readRecord(wb);
  let restored = clearAddinMarks(wb);
  for (const prior of record.slice().reverse()) {
    const ws = wb.getWorksheet(prior.sheet);
    if (!ws) continue;
    const column = COLUMN_ENTRY.exec(prior.address);
    if (column) {
      // The result column's width, as it was before the write-back made it readable.
      ws.getColumn(column[1]).width = (prior.value as { width?: number } | null)?.width;
      continue;
    }
    const cell = ws.getCell(prior.address);
    cell.value = prior.value as ExcelJS.CellValue;
    cell.style = clone((prior.style ?? {}) as Partial<ExcelJS.Style>) as ExcelJS.Style;
    cell.note = (prior.note ?? undefined) as string;
    if (prior.note === undefined || prior.note === null) {
      // exceljs keeps a note unless its model is removed.
      delete (cell as unknown as { _comment?: unknown })._comment;
    }
    restored++;
  }
  writeRecord(wb, []);
  return restored;
}

/** A record entry for a whole column ("L:L"): its width before the write-back. */
const COLUMN_ENTRY = /^([A-Z]{1,3}):\1$/;

function solidFill(rgb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${rgb}` } };
}

/**
 * Applies a write plan to a workbook in memory (a copy: the caller writes it to a new file).
 * Marks from an earlier run are restored first, so applying twice equals applying once.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`sheet not found: ${plan.sheet}`);
  clearMarks(wb);
  const priors: PriorCell[] = [];
  const seen = new Map<string, WrittenAspect[]>();
  for (const w of plan.writes) {
    const key = `${w.row}:${w.col}`;
    let wrote = seen.get(key);
    if (!wrote) {
      wrote = [];
      priors.push({ ...priorOf(ws, w), wrote });
      seen.set(key, wrote);
    }
    const add = (a: WrittenAspect) => wrote.includes(a) || wrote.push(a);
    if (w.formula !== undefined || w.value !== undefined) add("value");
    if (w.fill !== undefined) add("fill");
    if (w.purpose === "result") add("alignment");
    if (w.note !== undefined) add("note");
    const cell = ws.getCell(w.row, w.col);
    if (w.formula !== undefined) {
      cell.value = { formula: w.formula.replace(/^=/, ""), result: (w.value ?? undefined) as number } as ExcelJS.CellValue;
    } else if (w.value !== undefined) {
      // Text stays text: a value that starts with "=" is never turned into a formula by exceljs.
      cell.value = w.value;
    }
    if (w.fill !== undefined) {
      const style = clone(cell.style ?? {}) as Partial<ExcelJS.Style>;
      if (w.fill === null) delete style.fill;
      else style.fill = solidFill(w.fill);
      if (w.purpose === "result") style.alignment = { ...(style.alignment ?? {}), wrapText: true, vertical: "middle" };
      cell.style = style as ExcelJS.Style;
    } else if (w.purpose === "result") {
      const style = clone(cell.style ?? {}) as Partial<ExcelJS.Style>;
      style.alignment = { ...(style.alignment ?? {}), wrapText: true, vertical: "middle" };
      cell.style = style as ExcelJS.Style;
    }
    if (w.note !== undefined) cell.note = w.note;
  }
  for (const m of plan.narrativeMarks ?? []) {
    // A narrative cell on another sheet: its fill and note, recorded like the table's so that the next run restores them.
    const target = wb.getWorksheet(m.sheet);
    if (!target) continue;
    const cell = target.getCell(m.row, m.col);
    priors.push({ ...priorOf(target, m), wrote: ["fill", "note"] });
    const style = clone(cell.style ?? {}) as Partial<ExcelJS.Style>;
    style.fill = solidFill(m.fill);
    cell.style = style as ExcelJS.Style;
    cell.note = m.note;
  }
  const col = ws.getColumn(plan.resultColumn);
  if (!col.width) {
    priors.push({ sheet: ws.name, address: `${col.letter}:${col.letter}`, value: { width: col.width }, style: null, note: null });
    col.width = 40;
  }
  writeRecord(wb, priors);
}

export { RECORD_SHEET };
