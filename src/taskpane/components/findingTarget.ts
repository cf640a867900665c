import type { Finding, TableLayout } from "../../core/types";
import { cellAddress } from "../../core/address";

/**
 * The cell a click on a finding selects: its own cell, else the first cell of its row,
 * else (a table-level finding) the score total, or the table's first header cell.
 */
export function findingTarget(f: Finding, layout: TableLayout): string {
  if (f.cell) return f.cell;
  if (f.row !== undefined) return cellAddress(f.row, layout.firstColumn);
  if (layout.totalRow !== undefined) return cellAddress(layout.totalRow, layout.columns.score ?? layout.firstColumn);
  return cellAddress(layout.headerRows[0], layout.firstColumn);
}
