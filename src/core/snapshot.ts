import type { CellValue, SheetSnapshot } from "./types";
import { cellText } from "./normalize";
import { MergedAreas } from "./merges";

/** Read access to a snapshot by 1-based sheet coordinates. */
export class Grid {
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;

  constructor(readonly snapshot: SheetSnapshot) {
    this.firstRow = snapshot.top + 1;
    this.firstCol = snapshot.left + 1;
    this.lastRow = snapshot.top + snapshot.values.length;
    let width = 0;
    for (const r of snapshot.values) if (r.length > width) width = r.length;
    this.lastCol = snapshot.left + width;
  }

  private mergedAreas: MergedAreas | undefined;

  /** The sheet's merged areas (none known when the host gave none). */
  get merged(): MergedAreas {
    return (this.mergedAreas ??= new MergedAreas(this.snapshot.merges));
  }

  get name(): string {
    return this.snapshot.name;
  }

  value(row: number, col: number): CellValue {
    const r = this.snapshot.values[row - 1 - this.snapshot.top];
    if (!r) return null;
    const v = r[col - 1 - this.snapshot.left];
    return v === undefined ? null : v;
  }

  formula(row: number, col: number): string | null {
    const r = this.snapshot.formulas[row - 1 - this.snapshot.top];
    if (!r) return null;
    return r[col - 1 - this.snapshot.left] ?? null;
  }

  numberFormat(row: number, col: number): string | null {
    const r = this.snapshot.numberFormats[row - 1 - this.snapshot.top];
    if (!r) return null;
    return r[col - 1 - this.snapshot.left] ?? null;
  }

  /** Normalised text of a cell ("" for blank). */
  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  isBlank(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === "string" && v.trim() === "");
  }
}

/** Builds a snapshot from a plain 2-D array placed at A1 (tests, web page). */
export function snapshotFromRows(name: string, rows: CellValue[][], top = 0, left = 0): SheetSnapshot {
  return {
    name,
    top,
    left,
    values: rows,
    formulas: rows.map((r) => r.map(() => null)),
    numberFormats: rows.map((r) => r.map(() => null)),
  };
}
