/**
 * The merged areas of a sheet, by cell. A value written into a cell a merged area covers
 * (any but its top-left) is lost: Excel ignores it, exceljs puts it in the top-left over the
 * user's text. The write plan asks here before it targets a cell.
 */
import { parseRange, type RangeRef } from "./address";

const parsedLists = new WeakMap<readonly string[], readonly (RangeRef | undefined)[]>();

/**
 * The snapshot's merged areas parsed, each list once: the locator and the merged-cell lookups
 * read the same list, tens of thousands of areas on a long table with merged level cells.
 * Undefined where a reference does not parse.
 */
export function parsedRanges(refs: readonly string[]): readonly (RangeRef | undefined)[] {
  let parsed = parsedLists.get(refs);
  if (!parsed) {
    parsed = refs.map(parseRange);
    parsedLists.set(refs, parsed);
  }
  return parsed;
}

export class MergedAreas {
  private readonly byRow = new Map<number, RangeRef[]>();

  constructor(ranges: readonly string[] | undefined) {
    for (const r of ranges ? parsedRanges(ranges) : []) {
      if (!r || (r.top === r.bottom && r.left === r.right)) continue;
      for (let row = r.top; row <= r.bottom; row++) {
        const list = this.byRow.get(row);
        if (list) list.push(r);
        else this.byRow.set(row, [r]);
      }
    }
  }

  /** The merged area a cell lies in, if any. */
  areaAt(row: number, col: number): RangeRef | undefined {
    const list = this.byRow.get(row);
    if (!list) return undefined;
    for (const r of list) if (col >= r.left && col <= r.right) return r;
    return undefined;
  }

  /** True for a cell inside a merged area other than its top-left. */
  isCovered(row: number, col: number): boolean {
    const r = this.areaAt(row, col);
    return r !== undefined && (r.top !== row || r.left !== col);
  }
}
