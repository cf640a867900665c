/**
 * Level cells as official forms merge them: each run of rows with the same
 * 一级指标 is one merged cell down its column, and within it each run with the
 * same 二级指标. Plain exceljs, no test framework: the benchmark builds with it too.
 */
import type ExcelJS from "exceljs";

export interface Levels {
  level1: string;
  level2: string;
}

export function mergeLevelRuns(ws: ExcelJS.Worksheet, firstRow: number, rows: readonly Levels[], columns: { level1?: number; level2?: number }): void {
  for (const role of ["level1", "level2"] as const) {
    const col = columns[role];
    if (col === undefined) continue;
    let start = firstRow;
    for (let i = 1; i <= rows.length; i++) {
      const a = rows[i - 1];
      const b = rows[i];
      const same = b && b.level1 === a.level1 && (role === "level1" || b.level2 === a.level2);
      if (!same) {
        const end = firstRow + i - 1;
        if (end > start) ws.mergeCells(start, col, end, col);
        start = end + 1;
      }
    }
  }
}
