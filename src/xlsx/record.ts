import type ExcelJS from "exceljs";

/**
 * What a write-back replaced, kept inside the workbook in a very hidden sheet,
 * so that 清除标记 (and a later check) can restore exactly what was there.
 * One row per touched cell: sheet name, address, JSON of the prior state.
 */
export const RECORD_SHEET = "_scorecheck";

/** What a write-back changed in a cell: its value (or formula), fill, alignment (wrap), note. */
export type WrittenAspect = "value" | "fill" | "alignment" | "note";

export interface PriorCell {
  sheet: string;
  address: string;
  value: unknown;
  style: unknown;
  note: unknown;
  /**
   * The aspects the write-back changed; the rest of the prior state is only kept to restore the
   * cell exactly. The add-in restores these aspects only (src/excel/cliRecord.ts), so an edit made
   * afterwards to anything else survives. Absent in records written before it was kept.
   */
  wrote?: WrittenAspect[];
}

export function readRecord(wb: ExcelJS.Workbook): PriorCell[] {
  const ws = wb.getWorksheet(RECORD_SHEET);
  if (!ws) return [];
  const out: PriorCell[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const sheet = row.getCell(1).value;
    const address = row.getCell(2).value;
    const json = row.getCell(3).value;
    if (typeof sheet !== "string" || typeof address !== "string" || typeof json !== "string") return;
    try {
      const prior = JSON.parse(json) as { value: unknown; style: unknown; note: unknown; wrote?: WrittenAspect[] };
      out.push({ sheet, address, value: revive(prior.value), style: prior.style, note: prior.note, ...(Array.isArray(prior.wrote) ? { wrote: prior.wrote } : {}) });
    } catch {
      // A damaged record row: skip it rather than guess.
    }
  });
  return out;
}

export function writeRecord(wb: ExcelJS.Workbook, cells: PriorCell[]): void {
  const old = wb.getWorksheet(RECORD_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (cells.length === 0) return;
  const ws = wb.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
  ws.addRow(["sheet", "address", "prior"]);
  for (const c of cells) {
    ws.addRow([c.sheet, c.address, JSON.stringify({ value: c.value, style: c.style, note: c.note, wrote: c.wrote }, replacer)]);
  }
}

function replacer(this: unknown, key: string, v: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  if (raw instanceof Date) return { __date: raw.toISOString() };
  return v;
}

function revive(v: unknown): unknown {
  if (v && typeof v === "object" && "__date" in (v as object)) return new Date((v as { __date: string }).__date);
  return v;
}
