/**
 * Where the WPS host keeps the record (src/core/record.ts decides what it holds): the rows of
 * the very hidden record sheet, and of the command line's older one in a copy it annotated.
 */
import { LEGACY_RECORD_SHEET, RECORD_SHEET } from "../core/record";
import { type EtApplication, type EtWorkbook, type EtWorksheet, XL_SHEET_VERY_HIDDEN } from "./et";
import { toGrid } from "./cells";
import { inputOf } from "../core/cellInput";
import { rangeAddress } from "./ranges";

/** The used range's values as rows × columns from A1 (the record sheets are small: one block). */
export function usedValues(ws: EtWorksheet): unknown[][] {
  const used = ws.UsedRange;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const top = used.Row;
  const left = used.Column;
  const grid = toGrid(used.Value2, rows, cols);
  const out: unknown[][] = [];
  for (let r = 1; r < top; r++) out.push([]);
  for (const row of grid) out.push([...new Array<unknown>(left - 1).fill(null), ...row]);
  return out;
}

export interface StoredRecord {
  /** The record sheet is there. */
  exists: boolean;
  /** The older record of the command line is there (its entries are folded into the record on the next write). */
  legacyExists: boolean;
  /** Rows the record sheet holds (header included), to clear what a shorter record leaves. */
  rows: number;
}

/**
 * Writes the record rows: creates the very hidden sheet the first time (giving the user back the
 * active sheet, which adding a sheet takes), clears rows a longer record left; with no rows,
 * removes the record sheets (alerts off: WPS asks before deleting a sheet).
 */
export function storeRecord(app: EtApplication, book: EtWorkbook, stored: StoredRecord, rows: string[][] | null): void {
  if (rows === null) {
    const alerts = app.DisplayAlerts;
    app.DisplayAlerts = false;
    try {
      if (stored.exists) book.Worksheets.Item(RECORD_SHEET).Delete();
      if (stored.legacyExists) book.Worksheets.Item(LEGACY_RECORD_SHEET).Delete();
    } finally {
      app.DisplayAlerts = alerts;
    }
    return;
  }
  let ws: EtWorksheet;
  if (!stored.exists) {
    const active = book.ActiveSheet;
    const sheets = book.Worksheets;
    ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = RECORD_SHEET;
    ws.Visible = XL_SHEET_VERY_HIDDEN;
    active.Activate();
  } else {
    ws = book.Worksheets.Item(RECORD_SHEET);
  }
  ws.Range(rangeAddress(1, 1, rows.length, 3)).Formula = rows.map((r) => r.map((v) => inputOf(v)));
  if (stored.rows > rows.length) ws.Range(rangeAddress(rows.length + 1, 1, stored.rows, 3)).ClearContents();
  if (stored.legacyExists) {
    const alerts = app.DisplayAlerts;
    app.DisplayAlerts = false;
    try {
      book.Worksheets.Item(LEGACY_RECORD_SHEET).Delete();
    } finally {
      app.DisplayAlerts = alerts;
    }
  }
}
