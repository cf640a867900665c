import type { TableLayout } from "../../core/types";
/** Every text of the pane, in one shape per language. */
export type Lang = "zh" | "en";

export interface Strings {
  appTitle: string;
  appSubtitle: string;
  switchLanguage: string;
  switchLanguageLabel: string;
  check: string;
  checking: string;
  clear: string;
  clearing: string;
  insertTemplate: string;
  templateDepartment: string;
  templateProject: string;
  optionsHeading: string;
  optionWriteFlags: string;
  optionFixTotals: string;
  optionWriteGrade: string;
  rulesLabel: string;
  rulesLoadFile: string;
  rulesStored: (name: string) => string;
  summaryHeading: (sheet: string) => string;
  totalWeight: string;
  totalScore: string;
  grade: string;
  stated: (value: string) => string;
  /** In place of Σ score and the grade of a form no row of which carries a score. */
  notScored: string;
  noGrade: string;
  notScoredHint: string;
  counts: { met: string; partial: string; unmet: string; review: string; notApplicable: string };
  /** Unused template slots left out: "3 个空白模板行未计入（第 12、17、18 行）"; "" for none. */
  skippedSlots: (rows: readonly number[]) => string;
  /** Other sheets that hold a table too, not checked: "另有 2 个工作表也含有指标表…"; "" for none. */
  otherTables: (sheets: readonly string[]) => string;
  /** A table without target and result columns: its rows cannot be judged met or not; "" otherwise. */
  noTargets: (layout: TableLayout, rows: number) => string;
  findingsHeading: string;
  noFindings: string;
  severity: { error: string; warning: string; info: string };
  severityHeading: (label: string, n: number) => string;
  rowLabel: (row: number) => string;
  selectCellHint: (cell: string) => string;
  tableLevel: string;
  written: string;
  notWritten: string;
  readOnly: string;
  cleared: (cells: number) => string;
  nothingToClear: string;
  templateInserted: (name: string) => string;
  progress: string;
  noTableTitle: string;
  noTableLookedFor: string;
  noTableHeaders: string;
  noTableHowTo: string;
  noTableSteps: string[];
  errorTitle: string;
  idleHint: string;
  gradeNames: Record<string, string>;
  narrativeHeading: string;
  narrativeTally: (figures: number, holds: number, fails: number, unchecked: number) => string;
  narrativeStatus: { holds: string; fails: string; unchecked: string };
  narrativeNone: string;
  reportParagraph: (n: number) => string;
}
