import type { RuleReport } from "../types";
import type { NarrativeFigure } from "../narrative/types";
import { cellAddress } from "../address";

/** Where a narrative finding points: its cell (with the sheet) or its paragraph in the report, and its sentence. */
export function narrativeReport(figure: NarrativeFigure, data: Record<string, string | number>): RuleReport {
  const s = figure.source;
  const where: RuleReport =
    s.kind === "cell" ? { sheet: s.sheet, row: s.row, cell: cellAddress(s.row, s.col) } : { paragraph: s.paragraph };
  return { ...where, quote: figure.sentence, data };
}

/** Half a unit of the last decimal written, at least `floor`: 19% accepts 18.5–19.5, 19.23% accepts 19.22–19.24. */
export function statedPrecision(text: string, floor: number): number {
  const m = /\.(\d+)/.exec(text);
  return Math.max(floor, 0.5 * 10 ** -(m ? m[1].length : 0));
}

export const EPS = 1e-9;

/** Rounds to cents for messages. */
export const cents = (n: number) => Math.round(n * 100) / 100;
