import type { Grade } from "../types";
import type { NarrativeCheck } from "./summary";

/** Where a piece of narrative text was read: a workbook cell, or a paragraph of a report file beside it. */
export type NarrativeSource =
  | { kind: "cell"; sheet: string; row: number; col: number }
  /** 1-based paragraph of the report file (its non-empty paragraphs, as mammoth or the text file gives them). */
  | { kind: "report"; paragraph: number };

/** One cell's or one paragraph's text. */
export interface NarrativeBlock {
  text: string;
  source: NarrativeSource;
}

export type MoneyUnit = "元" | "万元" | "亿元";

export type FigureRole =
  /** A stated total followed by its listed components (收入总计 X 万元。包括：…). */
  | "total"
  | "component"
  /** An amount a change is stated against (the subject of 与上年相比增加 …). */
  | "amount"
  | "increase"
  | "decrease"
  /** A rate of change in percent: 增长 B% / 下降 B%. */
  | "rate"
  /** 上年决算数为 0，无法计算比率: no rate to check. */
  | "noRate"
  | "compositeScore"
  | "grade"
  | "executionRate";

export interface NarrativeFigure {
  role: FigureRole;
  /** What the figure is of, as written before it: 收入总计, 一般公共预算财政拨款收入 … */
  label?: string;
  /** The number as written, in its own unit (percent points for rates, points for a score). */
  value?: number;
  unit?: MoneyUnit | "%" | "分";
  grade?: Grade;
  /** The figure as written (normalised: half-width digits, no spaces). */
  text: string;
  /** The sentence the figure stands in. */
  sentence: string;
  source: NarrativeSource;
}

/** A stated total and the components listed under it. */
export interface SumStatement {
  total: NarrativeFigure;
  components: NarrativeFigure[];
}

/** An amount, its change on last year, and the stated rate (or the statement that none can be computed). */
export interface ChangeStatement {
  base: NarrativeFigure;
  change: NarrativeFigure;
  rate?: NarrativeFigure;
  noRate?: NarrativeFigure;
}

/** What was read of the narrative (部门概况, 收支情况, 评价结论 …) and the figures found in it. */
export interface Narrative {
  blocks: NarrativeBlock[];
  figures: NarrativeFigure[];
  sums: SumStatement[];
  changes: ChangeStatement[];
  scores: NarrativeFigure[];
  grades: NarrativeFigure[];
  executionRates: NarrativeFigure[];
  /** Each checked statement with whether it holds, set by the check once the rules have run. */
  checks?: NarrativeCheck[];
}
