/**
 * Where the narrative is: the text cells of the workbook that are not the indicator table —
 * above or below it on its sheet, and on other sheets (自评价表 / 自评报告) — read row by row,
 * and the paragraphs of a report file given beside the workbook.
 */
import type { SheetSnapshot, TableLayout } from "../types";
import type { NarrativeBlock } from "./types";

/** A sheet (or the part of the table's sheet outside the table) is narrative when one of its cells is this long. */
export const LONG_TEXT = 30;

const RECORD_SHEET = /^_scorecheck/;

function textCells(s: SheetSnapshot, keep: (row: number) => boolean): NarrativeBlock[] {
  const out: NarrativeBlock[] = [];
  s.values.forEach((cells, i) => {
    const row = s.top + i + 1;
    if (!keep(row)) return;
    cells.forEach((v, j) => {
      if (typeof v === "string" && v.trim() !== "") out.push({ text: v, source: { kind: "cell", sheet: s.name, row, col: s.left + j + 1 } });
    });
  });
  return out;
}

/** Rows the table occupies on its sheet: header to total, grade and budget rows. */
function tableRows(layout: TableLayout): [number, number] {
  const first = Math.min(...layout.headerRows, layout.budgetRow ?? Infinity);
  const last = Math.max(layout.lastRow, layout.totalRow ?? 0, layout.gradeCell?.row ?? 0, layout.budgetRow ?? 0);
  return [first, last];
}

/** The narrative blocks of a workbook (sheets in their order, the table's sheet without the table), then the report's non-empty paragraphs, numbered from 1. */
export function findNarrative(sheets: SheetSnapshot[], layout: TableLayout, report: string[] = []): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  const [first, last] = tableRows(layout);
  for (const s of sheets) {
    if (RECORD_SHEET.test(s.name)) continue;
    const cells = s.name === layout.sheet ? textCells(s, (r) => r < first || r > last) : textCells(s, () => true);
    if (cells.some((c) => c.text.replace(/\s+/g, "").length >= LONG_TEXT)) blocks.push(...cells);
  }
  let paragraph = 0;
  for (const p of report) {
    if (p.trim() !== "") blocks.push({ text: p, source: { kind: "report", paragraph: ++paragraph } });
  }
  return blocks;
}
