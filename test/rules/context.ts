/**
 * Builds RuleContexts by hand, for the rules' unit cases and the examples of
 * docs/rules.md. No jest here: scripts/rules-doc.ts imports it too.
 */
import type {
  BudgetRow,
  CellValue,
  IndicatorValue,
  JudgedRow,
  NumberCell,
  RuleContext,
  ScoringProfile,
  SheetSnapshot,
  TableLayout,
  Totals,
  WeightGroup,
} from "../../src/core/types";
import { NATIONAL_PROFILE, gradeOf } from "../../src/core/profile";
import { parseAddress } from "../../src/core/address";
import { readFigures } from "../../src/core/narrative/figures";

/** The sheet narrative paragraphs of a hand-built context stand on: column B from row 3. */
export const NARRATIVE_SHEET = "自评价表";

/** Columns of the official layout: A 一级 B 二级 C 三级 D 目标值 E 完成情况 F 权重 G 得分 (H 偏差原因). */
export const COLUMNS = { level1: 1, level2: 2, level3: 3, target: 4, actual: 5, weight: 6, score: 7 } as const;
export const FIRST_ROW = 5;

/** A number cell: a number, null for an empty cell, text for anything unreadable. */
export function cell(v: number | string | null): NumberCell {
  if (v === null) return { kind: "empty" };
  if (typeof v === "number") return { kind: "number", value: v };
  return { kind: "invalid", text: v };
}

/** A target/result value: "" is empty, "/" not applicable, else text (or a number when given one). */
export function value(v: string | number): IndicatorValue {
  if (typeof v === "number") return { text: String(v), kind: "number", comparator: "=", value: v, values: [v] };
  if (v === "") return { text: "", kind: "empty" };
  if (v === "/") return { text: "/", kind: "notApplicable" };
  return { text: v, kind: "text" };
}

export interface RowSpec extends Partial<Omit<JudgedRow, "weight" | "score" | "target" | "actual">> {
  weight?: number | string | null;
  score?: number | string | null;
  target?: string | number;
  actual?: string | number;
}

/** A judged row; by default a met quantitative row of weight 10 scoring 10. */
export function row(n: number, spec: RowSpec = {}): JudgedRow {
  const { weight = 10, score = 10, target = "≥95%", actual = "98%", ...rest } = spec;
  return {
    row: n,
    level1: "产出指标",
    level2: "数量指标",
    indicator: `指标${n}`,
    reverse: false,
    status: "met",
    quantitative: true,
    ...rest,
    weight: cell(weight),
    score: cell(score),
    target: value(target),
    actual: value(actual),
  };
}

/** Rows FIRST_ROW, FIRST_ROW+1, … from specs. */
export function rows(...specs: RowSpec[]): JudgedRow[] {
  return specs.map((s, i) => row(FIRST_ROW + i, s));
}

/** Ten met rows of weight 10: a table that is right in every respect. */
export function tenRows(): JudgedRow[] {
  return rows(...Array.from({ length: 10 }, () => ({})));
}

/** A snapshot of the sheet holding the given cells ({ F16: "待定" }). */
export function snapshot(cells: Record<string, CellValue> = {}, name = "指标表"): SheetSnapshot {
  let height = 0;
  let width = 0;
  const at = Object.entries(cells).map(([a1, v]) => {
    const p = parseAddress(a1)!;
    height = Math.max(height, p.row);
    width = Math.max(width, p.col);
    return { ...p, v };
  });
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  for (const { row: r, col: c, v } of at) values[r - 1][c - 1] = v;
  return {
    name,
    top: 0,
    left: 0,
    values,
    formulas: values.map((r) => r.map(() => null)),
    numberFormats: values.map((r) => r.map(() => null)),
  };
}

export interface ContextSpec {
  rows?: JudgedRow[];
  layout?: Partial<TableLayout>;
  /** Overrides of the totals computed from the rows. */
  totals?: Partial<Totals>;
  profile?: Partial<ScoringProfile>;
  budget?: BudgetRow;
  /** Blocks and levels with a stated weight. */
  groups?: WeightGroup[];
  cells?: Record<string, CellValue>;
  /** Narrative paragraphs, one cell each on sheet 自评价表 from B3 down. */
  narrative?: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A context over the rows, with the official layout, a total row after them and recomputed totals. */
export function context(spec: ContextSpec = {}): RuleContext {
  const judged = spec.rows ?? tenRows();
  const profile: ScoringProfile = { ...NATIONAL_PROFILE, ...spec.profile };
  const lastRow = judged.length ? Math.max(...judged.map((r) => r.row)) : FIRST_ROW;
  const layout: TableLayout = {
    sheet: "指标表",
    headerRows: [3, 4],
    columns: { ...COLUMNS },
    firstRow: FIRST_ROW,
    lastRow,
    firstColumn: 1,
    lastColumn: 7,
    totalRow: lastRow + 1,
    ...spec.layout,
  };
  let weight = 0;
  let score = 0;
  let scored = spec.budget?.score !== undefined;
  for (const r of judged) {
    if (r.status === "notApplicable") continue;
    if (r.weight.kind === "number") weight += r.weight.value;
    if (r.score.kind !== "empty") scored = true;
    if (r.score.kind === "number") score += r.score.value;
  }
  weight = round2(weight + (spec.budget?.weight ?? 0));
  score = round2(score + (spec.budget?.score ?? 0));
  const totals: Totals = { weight, score, scored, grade: scored ? gradeOf(score, profile) : null, ...spec.totals };
  const ctx: RuleContext = { layout, rows: judged, groups: spec.groups ?? [], totals, profile, budget: spec.budget, snapshot: snapshot(spec.cells, layout.sheet) };
  if (spec.narrative) {
    ctx.narrative = readFigures(spec.narrative.map((text, i) => ({ text, source: { kind: "cell", sheet: NARRATIVE_SHEET, row: 3 + i, col: 2 } })));
  }
  return ctx;
}
