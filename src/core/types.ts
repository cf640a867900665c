/**
 * Core types of the scorecheck engine. Everything in src/core is host-free:
 * no Office.js, exceljs, React or Node imports.
 *
 * Coordinates: snapshots store 0-based arrays offset by `top`/`left`; every
 * row and column number that leaves the core (layout, rows, findings, plans)
 * is 1-based, as Excel shows it.
 */
import type { Narrative } from "./narrative/types";

/** A cell as a host read it. Excel errors are strings such as "#REF!". */
export type CellValue = string | number | boolean | null;

/** One worksheet's used range. */
export interface SheetSnapshot {
  name: string;
  /** 0-based sheet row / column of values[0][0]. */
  top: number;
  left: number;
  /** Merged cells: value at the top-left only, blank (null) elsewhere. */
  values: CellValue[][];
  /** "=SUM(F4:F51)" or null, same shape as values (rows may be shorter). */
  formulas: (string | null)[][];
  /** Number format such as "0.0%" or null, same shape as values (rows may be shorter). */
  numberFormats: (string | null)[][];
  /** Optional merged areas as A1 ranges ("A3:A9"); correctness must not depend on them. */
  merges?: string[];
  hidden?: boolean;
}

export type Role =
  | "level1"
  | "level2"
  | "level3"
  | "target"
  | "targetKind"
  | "targetUnit"
  | "actual"
  | "weight"
  | "score"
  | "reason"
  /** A 分值 column right of the 一级 or 二级 column: that level's points (一级指标 | 分值 | 二级指标 | 分值 …). */
  | "level1Weight"
  | "level2Weight";

export interface CellRef {
  row: number; // 1-based
  col: number; // 1-based
}

export interface TableLayout {
  sheet: string;
  /** 1-based sheet rows of the header (one or two). */
  headerRows: number[];
  /** 1-based sheet column of each role found. */
  columns: Partial<Record<Role, number>>;
  /** 1-based first and last indicator rows (inclusive). */
  firstRow: number;
  lastRow: number;
  /** Right-most column that belongs to the table (header extent), 1-based. */
  lastColumn: number;
  /** Left-most column of the table, 1-based. */
  firstColumn: number;
  totalRow?: number;
  /** Cell that holds the stated grade (or where it should be written). */
  gradeCell?: CellRef;
  /** 预算执行率 row, when the sheet has one (project tables). */
  budgetRow?: number;
  /** Rows inside the table that repeat its header, each over a block of indicators (年度绩效目标1 / 2 …). */
  blockHeaderRows?: number[];
  /** 填报单位 read from the metadata rows, when present. */
  unit?: string;
  /** Title of the table, when present. */
  title?: string;
}

export type Comparator = ">=" | "<=" | ">" | "<" | "=";

export interface IndicatorValue {
  /** The cell text after normalisation (trimmed, half-width, no line breaks). */
  text: string;
  kind: "number" | "text" | "empty" | "notApplicable";
  comparator?: Comparator;
  /** First (or only) number. For percents, the number as written (98.5 for 98.5%). */
  value?: number;
  /** All numbers found, in order (培训率100%、考核率100% → [100, 100]). */
  values?: number[];
  unit?: string;
  percent?: boolean;
  /** Qualitative level read from a completion word, when the text is one. */
  level?: "met" | "partial" | "unmet";
}

export type Status = "met" | "partial" | "unmet" | "review" | "notApplicable";

/** A weight or score cell. */
export type NumberCell =
  | { kind: "number"; value: number }
  | { kind: "empty" }
  /** `uncalculated`: a formula with no result (a file saved by a program that does not calculate); text is the formula. */
  | { kind: "invalid"; text: string; uncalculated?: true };

/** One indicator row as read from the sheet, before judging. */
export interface IndicatorRow {
  row: number;
  level1: string;
  level2: string;
  indicator: string;
  target: IndicatorValue;
  actual: IndicatorValue;
  weight: NumberCell;
  score: NumberCell;
  /** Text of the 偏差原因 column, when the table has one. */
  reason?: string;
  /** Whether the indicator reads as a reverse one (投诉率, 时限 …). */
  reverse: boolean;
  /** The target cell is empty and `target` is the quantity the name ends with (年度资金支付完成率100%). */
  targetInName?: true;
  /** The weight or score cell is merged down from an indicator row above: shared with it, not missing. */
  shared?: { weight?: true; score?: true };
}

export interface JudgedRow extends IndicatorRow {
  status: Status;
  /** Completion ratio actual/target (or its reverse) for quantitative rows. */
  ratio?: number;
  suggestedScore?: number;
  /** True when judged from numbers rather than words. */
  quantitative: boolean;
  /** The qualitative band [min, max] in points that the score should fall in. */
  band?: [number, number];
}

export type Severity = "error" | "warning" | "info";

export interface Message {
  zh: string;
  en: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  row?: number;
  /** A1 address on the sheet, e.g. "G12". */
  cell?: string;
  message: Message;
  /** The sheet of `cell` when it is not the table's: set on narrative findings, whose cell may lie on another sheet. */
  sheet?: string;
  /** 1-based paragraph of the report file, for a narrative finding read there. */
  paragraph?: number;
  /** The narrative sentence a finding is about, quoted. */
  quote?: string;
}

/** A grade as the profile names it: 优 良 中 差 by default, 优秀 良好 合格 不合格 or others where a rule config says so. */
export type Grade = string;

export interface ScoringProfile {
  name: string;
  label: Message;
  severities: Record<string, Severity | "off">;
  totalWeight: number;
  /** Descending by min; the last one's min is -Infinity (every score below the others). */
  grades: { min: number; grade: Grade }[];
  /** Fractions of the weight. */
  qualitativeBands: { met: [number, number]; partial: [number, number]; unmet: [number, number] };
  reverseFormula: "linear" | "ratio";
  /** Tolerance when comparing stated numbers with recomputed ones. */
  tolerance: number;
  /** SCORE_NOT_PROPORTIONAL fires above this gap in points. */
  proportionalGap: number;
  /**
   * The 预算执行率 row's score: rate × 分值, and the full 分值 from this rate up (a fraction;
   * 1 = only a rate of 100 % or more earns it all, as 财预〔2020〕10号 scores it).
   */
  executionRate: { fullScoreAt: number };
}

export interface Totals {
  weight: number;
  /** Σ score of the rows that carry one (0 when none does: see `scored`). */
  score: number;
  /**
   * Whether the form is scored: at least one indicator row that applies has something in its
   * score cell (a number; or what NOT_A_NUMBER reports, since it was filled in), or the budget row has a score. An unscored form (a blank template, a form sent before scoring) has no
   * total and no grade; its empty score cells are SCORE_MISSING. A stated total alone does not
   * make a form scored: it is checked against the rows (TOTAL_SCORE_MISMATCH) like any other.
   */
  scored: boolean;
  statedWeight?: number;
  statedScore?: number;
  /** Formulas found in the total row's weight / score cells. */
  weightFormula?: string;
  scoreFormula?: string;
  /** The grade of Σ score; null when the form is not scored (no grade is given, none is written). */
  grade: Grade | null;
  statedGrade?: Grade;
  /** The stated grade text as written (优秀, 良好 …). */
  statedGradeText?: string;
}

export interface BudgetRow {
  row: number;
  initialBudget?: number;
  budget?: number;
  spent?: number;
  weight?: number;
  rate?: number;
  score?: number;
  /** Columns (1-based) of rate and score cells, for cell addresses. */
  rateCol?: number;
  scoreCol?: number;
  /** Column (1-based) of the 分值 cell. */
  weightCol?: number;
}

/** A block or level whose weight a label states: 年度绩效目标1(40分), 产出指标（50分）. */
export interface WeightGroup {
  kind: "block" | "level1" | "level2";
  /** The label as written. */
  label: string;
  weight: number;
  /** 1-based cell of the label. */
  row: number;
  col: number;
  /** Σ score of its indicator rows that apply. */
  score: number;
  /** Indicator rows in it (that apply). */
  rows: number[];
}

export interface RuleContext {
  layout: TableLayout;
  rows: JudgedRow[];
  /** Blocks and levels with a stated weight; Σ score in each may not exceed it. */
  groups: WeightGroup[];
  totals: Totals;
  profile: ScoringProfile;
  budget?: BudgetRow;
  /** Indicator rows of the total formulas, to compare ranges. */
  snapshot: SheetSnapshot;
  /** The narrative's figures (部门收支情况, 评价结论 …), when the workbook or a report file has any. */
  narrative?: Narrative;
}

export interface RuleReport {
  row?: number;
  cell?: string;
  /** For a narrative finding: the cell's sheet, or the report's paragraph, and the sentence. */
  sheet?: string;
  paragraph?: number;
  quote?: string;
  /** Values for the {placeholders} of the rule's messages. */
  data?: Record<string, string | number>;
}

export interface Rule {
  code: string;
  type: "problem" | "suggestion";
  /** One line: what the rule checks. */
  doc: string;
  defaultSeverity: Severity;
  messages: Message;
  check(ctx: RuleContext): RuleReport[];
}

/** A fill colour as 6 hex digits "FFC7CE", or null to clear. */
export type Fill = string | null;

export interface CellWrite {
  row: number; // 1-based
  col: number; // 1-based
  value?: CellValue;
  formula?: string;
  fill?: Fill;
  note?: string;
  /** Why: result column text, a flag fill, or a fix the user asked for. */
  purpose: "result" | "flag" | "fix";
}

/** A mark the plan could not place, and why (a grade with no free cell beside its label …). */
export interface UnwrittenMark {
  row: number; // 1-based
  col: number; // 1-based
  purpose: CellWrite["purpose"];
  /** What was to be written there. */
  value?: CellValue;
  reason: Message;
}

export interface WritePlan {
  sheet: string;
  /** 1-based column of 核查结果. */
  resultColumn: number;
  /** Never a cell a merged area covers (any but its top-left): Excel ignores a write there. */
  writes: CellWrite[];
  /** Marks left out, with the reason; absent when every mark has its cell. */
  unwritten?: UnwrittenMark[];
  /** Flags on narrative cells of other sheets than the table's (fill + note), written and cleared like `writes`. */
  narrativeMarks?: NarrativeMark[];
  /** Sheets other than the table's where narrative was read: hosts restore their earlier flags even when none is planned now. */
  narrativeSheets?: string[];
}

/** A flag on a narrative cell of another sheet. */
export interface NarrativeMark {
  sheet: string;
  row: number; // 1-based
  col: number; // 1-based
  fill: string;
  note: string;
}

export interface StatusCounts {
  met: number;
  partial: number;
  unmet: number;
  review: number;
  notApplicable: number;
}

export interface CheckResult {
  /** The narrative read beside the table (cells and report file), when any. */
  narrative?: Narrative;
  layout: TableLayout;
  rows: JudgedRow[];
  findings: Finding[];
  totals: Totals;
  budget?: BudgetRow;
  counts: StatusCounts;
  /** Rows left out as unused slots of the template (指标1：, …… with nothing filled in). */
  skippedSlots: number[];
  /** Other sheets of the workbook that hold an indicator table too (not checked by this check). */
  otherTableSheets?: string[];
  plan: WritePlan;
}

export interface CheckOptions {
  /** Sheet name chosen by the user. */
  sheet?: string;
  profile?: ScoringProfile;
  /** Write the result column and flag fills (default true). */
  writeFlags?: boolean;
  /** Set the total row's weight/score to SUM formulas over the indicator rows. */
  fixTotals?: boolean;
  /** Write the recomputed grade next to the total. */
  writeGrade?: boolean;
  lang?: "zh" | "en";
  /** Paragraphs of a report file given beside the workbook (自评报告 .docx / .txt), read as narrative. */
  report?: string[];
  /**
   * Plan the writes (default true). false when nothing will be written (the CLI without --out, a batch):
   * the plan then holds no writes, only `unwritten`, the marks a write-back would leave out, the same as in a full plan.
   */
  planWrites?: boolean;
}

export type CheckFailureCode = "EMPTY_WORKBOOK" | "SHEET_NOT_FOUND" | "NO_TABLE";

export interface CheckFailure {
  code: CheckFailureCode;
  message: Message;
}

export type CheckOutcome = { ok: true; result: CheckResult } | { ok: false; error: CheckFailure };
