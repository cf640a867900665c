/**
 * What `scorecheck check --out` wrote before there was one record format: its marks, and the
 * very hidden sheet `_scorecheck` with one row per cell (sheet | address | JSON of the cell's
 * whole exceljs prior state and the aspects written), the result column's width in characters.
 * A fixture, so that tests can make the copies users already hold and check they still clear.
 */
import type ExcelJS from "exceljs";
import type { WritePlan } from "../../src/core/types";
import { cellAddress } from "../../src/core/address";
import { LEGACY_RECORD_SHEET } from "../../src/core/record";

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export function applyPlanAsLegacyCli(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const ws = wb.getWorksheet(plan.sheet)!;
  const rows: string[][] = [["sheet", "address", "prior"]];
  const seen = new Map<string, { prior: Record<string, unknown>; wrote: string[] }>();
  for (const w of plan.writes) {
    const cell = ws.getCell(w.row, w.col);
    const key = `${w.row}:${w.col}`;
    let entry = seen.get(key);
    if (!entry) {
      let value: unknown = clone(cell.value);
      if (cell.type === 6 && value && typeof value === "object") value = { ...(value as object), result: clone(cell.result) };
      entry = { prior: { value, style: clone(cell.style ?? {}), note: clone(cell.note) ?? null }, wrote: [] };
      seen.set(key, entry);
    }
    const add = (a: string) => entry!.wrote.includes(a) || entry!.wrote.push(a);
    if (w.formula !== undefined || w.value !== undefined) add("value");
    if (w.fill !== undefined) add("fill");
    if (w.purpose === "result") add("alignment");
    if (w.note !== undefined) add("note");
    if (w.formula !== undefined) cell.value = { formula: w.formula.replace(/^=/, ""), result: w.value } as ExcelJS.CellValue;
    else if (w.value !== undefined) cell.value = w.value;
    const style = clone(cell.style ?? {}) as Partial<ExcelJS.Style>;
    if (typeof w.fill === "string") style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${w.fill}` } };
    if (w.purpose === "result") style.alignment = { ...(style.alignment ?? {}), wrapText: true, vertical: "middle" };
    cell.style = style as ExcelJS.Style;
    if (w.note !== undefined) cell.note = w.note;
  }
  for (const [key, e] of seen) {
    const [r, c] = key.split(":").map(Number);
    rows.push([plan.sheet, cellAddress(r, c), JSON.stringify({ ...e.prior, wrote: e.wrote })]);
  }
  const col = ws.getColumn(plan.resultColumn);
  if (!col.width) {
    rows.push([plan.sheet, `${col.letter}:${col.letter}`, JSON.stringify({ value: { width: col.width }, style: null, note: null })]);
    col.width = 40;
  }
  const record = wb.addWorksheet(LEGACY_RECORD_SHEET, { state: "veryHidden" });
  for (const row of rows) record.addRow(row);
}
