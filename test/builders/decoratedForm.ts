/**
 * A ten-row form with three findings (a score over its weight, a missed target with full marks,
 * a deducted row) and the user's own fill, note and wrap on cells the check flags and beside them:
 * what a write-back must leave as it found, in every host.
 */
import { buildTable, validRows, type RowSpec } from "./table";

export function decoratedFormRows(): RowSpec[] {
  const r = validRows(10);
  r[2] = { ...r[2], score: 12 }; // over its weight: flagged, filled, noted
  r[5] = { ...r[5], actual: "80%", score: 10 }; // missed but full marks
  r[7] = { ...r[7], score: 9 };
  return r;
}

export async function decoratedFormBytes(): Promise<Uint8Array> {
  const { workbook, sheet } = buildTable({ rows: decoratedFormRows(), total: "number" });
  sheet.getCell("G7").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
  sheet.getCell("F9").note = "用户自己的批注";
  sheet.getCell("C6").alignment = { wrapText: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
