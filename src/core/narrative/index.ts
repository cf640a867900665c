import type { SheetSnapshot, TableLayout } from "../types";
import type { Narrative } from "./types";
import { findNarrative } from "./find";
import { readFigures } from "./figures";

export type { Narrative, NarrativeBlock, NarrativeFigure, NarrativeSource, SumStatement, ChangeStatement, MoneyUnit } from "./types";
export { findNarrative } from "./find";
export { readFigures } from "./figures";

/** Finds the narrative of a workbook (and of a report file's paragraphs) and reads its figures. */
export function readNarrative(sheets: SheetSnapshot[], layout: TableLayout, report?: string[]): Narrative {
  return readFigures(findNarrative(sheets, layout, report));
}
export { narrativeChecks, sourceLabel, type NarrativeCheck, type NarrativeCheckStatus } from "./summary";
