/**
 * Random valid indicator tables in the layouts of SPEC §1 (where the table
 * starts, one- or two-row header, header synonyms, column order, merged /
 * blank / repeated levels, total and grade forms, a cover sheet), with
 * weights that sum to 100 and scores that follow from each row's status —
 * and, optionally, injected errors, each recorded with the finding code and
 * row the check must report. Everything the check should find is derived here
 * from SPEC §3–§4, never from the engine.
 */
import fc from "fast-check";
import type { Cell, RowSpec, TableSpec } from "../../builders/table";
import { notApplicable, notation, toFullWidth, type Notation, type RowStatus } from "./notations";
import { columnLetters } from "./ooxml";

export type Grade = "优" | "良" | "中" | "差";

export type RowInjection =
  | "SCORE_EXCEEDS_WEIGHT"
  | "SCORE_NEGATIVE"
  | "SCORE_MISSING"
  | "WEIGHT_MISSING"
  | "SCORE_TEXT"
  | "WEIGHT_TEXT"
  | "SCORE_ERROR"
  | "SCORE_UNCALCULATED"
  | "UNMET_FULL_SCORE";

export type TableInjection = "TOTAL_SCORE_MISMATCH" | "TOTAL_WEIGHT_MISMATCH" | "GRADE_MISMATCH" | "WEIGHT_TOTAL_NOT_100";

/** The finding code each injection must produce on its row. */
export const ROW_INJECTION_CODE: Record<RowInjection, string> = {
  SCORE_EXCEEDS_WEIGHT: "SCORE_EXCEEDS_WEIGHT",
  SCORE_NEGATIVE: "SCORE_NEGATIVE",
  SCORE_MISSING: "SCORE_MISSING",
  WEIGHT_MISSING: "WEIGHT_MISSING",
  SCORE_TEXT: "NOT_A_NUMBER",
  WEIGHT_TEXT: "NOT_A_NUMBER",
  SCORE_ERROR: "NOT_A_NUMBER",
  SCORE_UNCALCULATED: "NOT_A_NUMBER",
  UNMET_FULL_SCORE: "UNMET_FULL_SCORE",
};

export interface ExpectedFinding {
  code: string;
  row: number | undefined;
}

export interface GeneratedRow {
  row: number;
  status: RowStatus;
  injection?: RowInjection;
  spec: RowSpec;
}

export interface GeneratedTable {
  spec: TableSpec;
  /** A cover sheet placed before the table, hidden when true. */
  hiddenCover?: boolean;
  rows: GeneratedRow[];
  firstRow: number;
  lastRow: number;
  totalRow?: number;
  tableInjection?: TableInjection;
  expected: {
    weight: number;
    score: number;
    /** null when no row that applies has anything in its score cell: the form is not scored. */
    grade: Grade | null;
    statedWeight?: number;
    statedScore?: number;
    errors: ExpectedFinding[];
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function gradeOf(score: number): Grade {
  const s = round2(score);
  return s >= 90 ? "优" : s >= 80 ? "良" : s >= 60 ? "中" : "差";
}

const GRADE_WORDS: Record<Grade, string[]> = { 优: ["优", "优秀"], 良: ["良", "良好"], 中: ["中", "中等", "合格"], 差: ["差", "较差"] };

const HEADERS = {
  level3: ["三级指标", "指标名称"],
  target: ["目标值", "指标值", "年度指标值", "年度目标值", "预期目标值", "预期指标值"],
  actual: ["完成情况", "实际完成值", "全年实际完成值", "完成值", "实际完成情况"],
  weight: ["权重", "分值", "权重（分）", "标准分"],
  score: ["得分", "自评得分", "评分", "实际得分"],
  reason: ["偏差原因分析及改进措施", "偏差原因", "未完成原因及改进措施"],
};

/** A header as it may be typed: wrapped onto two lines, with a unit in brackets after a number column's name. */
const headerText = (choices: string[], unit: boolean) =>
  fc
    .record({
      text: fc.constantFrom(...choices),
      wrapAt: fc.nat(),
      wrap: fc.constantFrom("", "", "\n", "\r\n", " "),
      unit: unit ? fc.constantFrom("", "", "（分）", "(分)", "\n（分）") : fc.constant(""),
    })
    .map(({ text, wrapAt, wrap, unit: u }) => {
      const at = text.length > 2 ? 1 + (wrapAt % (text.length - 1)) : text.length;
      const wrapped = text.includes("（") ? text : text.slice(0, at) + wrap + text.slice(at);
      return wrapped + (text.includes("分") ? "" : u);
    });

const LEVEL1 = ["产出指标", "效益指标", "满意度指标", "成本指标"];
const LEVEL2 = ["数量指标", "质量指标", "时效指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标", "职能 3.根据我市相对集中行政许可权改革的有关规定，负责办理涉及市场准入、投资建设等方面的行政审批事项"];

type Role = "level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "reason";

const layoutArb = fc.record({
  originRow: fc.integer({ min: 1, max: 8 }),
  originCol: fc.integer({ min: 1, max: 4 }),
  header: fc.constantFrom<"one-row" | "two-row">("one-row", "two-row"),
  levels: fc.constantFrom<"merged" | "blank" | "repeated">("merged", "blank", "repeated"),
  order: fc.shuffledSubarray<Role>(["level3", "target", "actual", "weight", "score"], { minLength: 5, maxLength: 5 }),
  reason: fc.boolean(),
  headers: fc.record({
    level3: headerText(HEADERS.level3, false),
    target: headerText(HEADERS.target, false),
    actual: headerText(HEADERS.actual, false),
    weight: headerText(HEADERS.weight, true),
    score: headerText(HEADERS.score, true),
    reason: headerText(HEADERS.reason, false),
  }),
  total: fc.constantFrom<"sum" | "number" | "none">("sum", "sum", "number", "none"),
  totalLabel: fc.constantFrom("总分", "合计", "总计"),
  grade: fc.boolean(),
  gradeWord: fc.nat(),
  cover: fc.constantFrom<"none" | "visible" | "hidden">("none", "none", "visible", "hidden"),
  textNumbers: fc.boolean(),
  formulaScores: fc.boolean(),
});

/** How a weight or score is typed: a number mostly; as text ("2", "2分", "２") on some rows of some tables. */
const numberForm = fc.constantFrom<"number" | "text" | "unit" | "fullWidth" | "spaced">("number", "number", "number", "text", "unit", "fullWidth", "spaced");

function typedNumber(n: number, form: "number" | "text" | "unit" | "fullWidth" | "spaced"): Cell {
  switch (form) {
    case "number":
      return n;
    case "text":
      return String(n);
    case "unit":
      return `${n}分`;
    case "fullWidth":
      return toFullWidth(String(n));
    case "spaced":
      return ` ${n} `;
  }
}

/** Splits 100 points into n weights in half points, each at least half a point. */
function splitHundred(units: number[]): number[] {
  const total = units.reduce((s, u) => s + u, 0);
  const halves = units.map((u) => Math.max(1, Math.floor((u * 200) / total)));
  let diff = 200 - halves.reduce((s, h) => s + h, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % halves.length) {
    if (diff > 0) {
      halves[i]++;
      diff--;
    } else if (halves[i] > 1) {
      halves[i]--;
      diff++;
    }
  }
  return halves.map((h) => h / 2);
}

const rowArb = fc.record({
  notation,
  weightForm: numberForm,
  scoreForm: numberForm,
  formulaScore: fc.boolean(),
  unit: fc.integer({ min: 1, max: 12 }),
});

const ROW_INJECTIONS: RowInjection[] = [
  "SCORE_EXCEEDS_WEIGHT",
  "SCORE_NEGATIVE",
  "SCORE_MISSING",
  "WEIGHT_MISSING",
  "SCORE_TEXT",
  "WEIGHT_TEXT",
  "SCORE_ERROR",
  "SCORE_UNCALCULATED",
  "UNMET_FULL_SCORE",
];

const injectionArb = fc.record({
  rows: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom(...ROW_INJECTIONS), by: fc.constantFrom(0.5, 1, 2, 3) }), { maxLength: 3 }),
  table: fc.option(fc.constantFrom<TableInjection>("TOTAL_SCORE_MISMATCH", "TOTAL_WEIGHT_MISMATCH", "GRADE_MISMATCH", "WEIGHT_TOTAL_NOT_100"), { nil: undefined }),
  by: fc.integer({ min: 1, max: 9 }),
  errorText: fc.constantFrom("#REF!", "#DIV/0!", "#VALUE!", "#N/A"),
  pending: fc.constantFrom("待定", "待评", "未评分", "/分"),
});

const naArb = fc.array(fc.record({ at: fc.nat(), na: notApplicable }), { maxLength: 2 });

const REASON = "受疫情影响，部分工作推迟，下一步将加强调度";

/** What Excel's SUM gives over the cells of a column: numbers only (text is skipped), the first error if any. */
function excelSum(cells: Cell[]): number | string {
  let sum = 0;
  for (const c of cells) {
    if (typeof c === "number") sum += c;
    else if (c && typeof c === "object") {
      const r = c.result as unknown;
      if (typeof r === "number") sum += r;
      else if (r && typeof r === "object" && "error" in (r as object)) return (r as { error: string }).error;
    }
  }
  return round2(sum);
}

/** Reads a weight / score cell as the check must (numbers, numeric text, a formula's numeric result). */
function readable(c: Cell): number | undefined {
  if (typeof c === "number") return c;
  if (typeof c === "string") {
    const t = c
      .replace(/[\uff01-\uff5e]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      .replace(/\s+/g, "")
      .replace(/分$/, "");
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
  }
  if (c && typeof c === "object" && typeof c.result === "number") return c.result;
  return undefined;
}

export const generatedTable: fc.Arbitrary<GeneratedTable> = fc
  .record({
    layout: layoutArb,
    rows: fc.array(rowArb, { minLength: 1, maxLength: 40, size: "medium" }),
    na: naArb,
    injections: injectionArb,
    level1Groups: fc.integer({ min: 1, max: 3 }),
    level2Seed: fc.array(fc.nat(LEVEL2.length - 1), { minLength: 1, maxLength: 6 }),
  })
  .map(({ layout, rows, na, injections, level1Groups, level2Seed }) => {
    const weights = splitHundred(rows.map((r) => r.unit));
    type Draft = { notation: Notation; weight: Cell; score: Cell; status: RowStatus; injection?: RowInjection; naMarks?: [string, string] };
    const drafts: Draft[] = rows.map((r, i) => {
      const w = weights[i];
      const score = r.notation.status === "met" ? w : round2(r.notation.share * w);
      const scoreCell: Cell =
        layout.formulaScores && r.formulaScore
          ? { formula: `ROUND(${score},2)`, result: score }
          : typedNumber(score, layout.textNumbers ? r.scoreForm : "number");
      return { notation: r.notation, weight: typedNumber(w, layout.textNumbers ? r.weightForm : "number"), score: scoreCell, status: r.notation.status };
    });

    // Row injections, at most one per row.
    const injected = new Set<number>();
    for (const inj of injections.rows) {
      const i = inj.at % drafts.length;
      if (injected.has(i)) continue;
      injected.add(i);
      const d = drafts[i];
      const w = weights[i];
      d.injection = inj.kind;
      switch (inj.kind) {
        case "SCORE_EXCEEDS_WEIGHT":
          d.score = round2(w + inj.by);
          break;
        case "SCORE_NEGATIVE":
          d.score = -inj.by;
          break;
        case "SCORE_MISSING":
          d.score = null;
          break;
        case "WEIGHT_MISSING":
          d.weight = null;
          break;
        case "SCORE_TEXT":
          d.score = injections.pending;
          break;
        case "WEIGHT_TEXT":
          d.weight = injections.pending;
          break;
        case "SCORE_ERROR":
          d.score = { formula: `${columnLetters(1)}1/0`, result: { error: injections.errorText } as unknown as number };
          break;
        case "SCORE_UNCALCULATED":
          d.score = { formula: `ROUND(${w},2)` };
          break;
        case "UNMET_FULL_SCORE":
          d.notation = { indicator: "制度建设", target: "完成", actual: "未完成", status: "unmet", quantitative: false, share: 0 };
          d.status = "unmet";
          d.score = w;
          break;
      }
    }

    // Weights that do not add up to 100: one more point (or several) on a clean row that is met, its score with it.
    let tableInjection = injections.table;
    if (tableInjection === "WEIGHT_TOTAL_NOT_100") {
      const weightInjected = drafts.some((d) => d.injection === "WEIGHT_MISSING" || d.injection === "WEIGHT_TEXT");
      const i = drafts.findIndex((d) => d.injection === undefined && d.status === "met");
      if (weightInjected || i < 0) tableInjection = undefined;
      else {
        const w = weights[i] + injections.by;
        drafts[i].weight = w;
        drafts[i].score = w;
      }
    }

    // Rows that do not apply, inserted among the others.
    const all: Draft[] = [...drafts];
    for (const { at, na: n } of na) {
      all.splice(at % (all.length + 1), 0, { notation: n, weight: n.weightMark, score: n.scoreMark, status: "notApplicable", naMarks: [n.weightMark, n.scoreMark] });
    }

    const order: Role[] = ["level1", "level2", ...layout.order, ...(layout.reason ? (["reason"] as Role[]) : [])];
    const origin = { row: layout.originRow, col: layout.originCol };
    const columnOf = (role: Role) => origin.col + order.indexOf(role);
    const twoRow = layout.header === "two-row";
    const firstRow = origin.row + (twoRow ? 2 : 1);
    const lastRow = firstRow + all.length - 1;
    const hasTotal = layout.total !== "none";
    const totalRow = hasTotal ? lastRow + 1 : undefined;

    const groupSize = Math.ceil(all.length / level1Groups);
    const rowSpecs: RowSpec[] = all.map((d, i) => ({
      level1: LEVEL1[Math.floor(i / groupSize) % LEVEL1.length],
      level2: LEVEL2[level2Seed[Math.floor((i * level2Seed.length) / all.length)]],
      indicator: `第${i + 1}项${d.notation.indicator}`,
      target: d.notation.target,
      actual: d.notation.actual,
      weight: d.weight,
      score: d.score,
      ...(d.notation.numFmt ? { numFmt: d.notation.numFmt } : {}),
      ...(layout.reason ? { reason: d.status === "partial" || d.status === "unmet" ? REASON : null } : {}),
    }));

    // Sums as the check must compute them: rows that apply, cells that read as numbers.
    const applicable = all.filter((d) => d.status !== "notApplicable");
    const weightSum = round2(applicable.reduce((s, d) => s + (readable(d.weight) ?? 0), 0));
    const scoreSum = round2(applicable.reduce((s, d) => s + (readable(d.score) ?? 0), 0));
    const weightUnreadable = applicable.some((d) => readable(d.weight) === undefined);
    const scoreUnreadable = applicable.some((d) => readable(d.score) === undefined);
    // Not scored (issue 14): no row that applies has anything in its score cell; then there is no grade.
    const scored = applicable.some((d) => d.score !== null && d.score !== undefined && d.score !== "");
    const grade = scored ? gradeOf(scoreSum) : null;

    const errors: ExpectedFinding[] = [];
    all.forEach((d, i) => {
      if (d.injection) errors.push({ code: ROW_INJECTION_CODE[d.injection], row: firstRow + i });
    });

    // The total row: SUM formulas whose cached results are what Excel computes, or typed sums.
    let total: TableSpec["total"] = null;
    let statedWeight: number | string | undefined;
    let statedScore: number | string | undefined;
    if (hasTotal) {
      const wc = columnOf("weight");
      const sc = columnOf("score");
      const range = (c: number) => `${columnLetters(c)}${firstRow}:${columnLetters(c)}${lastRow}`;
      statedWeight = layout.total === "sum" ? excelSum(all.map((d) => d.weight)) : weightSum;
      statedScore = layout.total === "sum" ? excelSum(all.map((d) => d.score)) : scoreSum;
      if (tableInjection === "TOTAL_WEIGHT_MISMATCH") statedWeight = round2(weightSum - injections.by);
      if (tableInjection === "TOTAL_SCORE_MISMATCH") statedScore = round2(scoreSum - injections.by);
      const cell = (stated: number | string, col: number, typed: boolean): Cell => {
        if (typed || layout.total === "number") return typeof stated === "number" ? stated : null;
        return { formula: `SUM(${range(col)})`, result: typeof stated === "number" ? stated : ({ error: stated } as unknown as number) };
      };
      total = {
        weight: cell(statedWeight, wc, tableInjection === "TOTAL_WEIGHT_MISMATCH"),
        score: cell(statedScore, sc, tableInjection === "TOTAL_SCORE_MISMATCH"),
      };
      const mismatch = (stated: number | string, sum: number, unreadable: boolean) =>
        typeof stated === "string" || (Math.abs(stated - sum) > 0.01 && !(stated > sum && unreadable));
      if (mismatch(statedWeight, weightSum, weightUnreadable)) errors.push({ code: "TOTAL_WEIGHT_MISMATCH", row: totalRow });
      if (mismatch(statedScore, scoreSum, scoreUnreadable)) errors.push({ code: "TOTAL_SCORE_MISMATCH", row: totalRow });
    }
    if (Math.abs(weightSum - 100) > 0.01 && !(weightSum < 100 && weightUnreadable)) errors.push({ code: "WEIGHT_TOTAL_NOT_100", row: totalRow });

    // The grade: written after the totals, or on the row below when no column is left.
    let gradeText: string | null = null;
    let gradeRow: number | undefined;
    if (hasTotal && layout.grade) {
      // An unscored form's grade cell shows what a template's formula would (差 over 0): no grade to compare it with.
      const computed = grade ?? gradeOf(scoreSum);
      const stated: Grade = tableInjection === "GRADE_MISMATCH" ? (["优", "良", "中", "差"] as Grade[]).find((g) => g !== computed)! : computed;
      const words = GRADE_WORDS[stated];
      gradeText = words[layout.gradeWord % words.length];
      const lastCol = origin.col + order.length - 1;
      gradeRow = Math.max(columnOf("weight"), columnOf("score")) + 1 <= lastCol ? totalRow : (totalRow as number) + 1;
      if (grade !== null && stated !== grade) errors.push({ code: "GRADE_MISMATCH", row: gradeRow });
      else if (grade === null && tableInjection === "GRADE_MISMATCH") tableInjection = undefined;
    } else if (tableInjection === "GRADE_MISMATCH") {
      tableInjection = undefined;
    }
    if ((tableInjection === "TOTAL_SCORE_MISMATCH" || tableInjection === "TOTAL_WEIGHT_MISMATCH") && !hasTotal) tableInjection = undefined;

    const spec: TableSpec = {
      origin,
      title: origin.row > 1 ? "2020 年部门整体支出绩效自评表" : null,
      unit: origin.row > 2 ? "某某市行政审批局" : null,
      header: layout.header,
      levels: layout.levels,
      headers: layout.headers,
      order,
      rows: rowSpecs,
      total,
      totalLabel: layout.totalLabel,
      grade: gradeText,
      ...(layout.cover !== "none"
        ? { extraSheetsBefore: [{ name: "封面", rows: [["2020年度部门整体支出绩效自评报告"], ["填报单位：某某市行政审批局"], ["填报日期：2021年3月"]] }] }
        : {}),
    };
    return {
      spec,
      hiddenCover: layout.cover === "hidden",
      rows: all.map((d, i) => ({ row: firstRow + i, status: d.status, injection: d.injection, spec: rowSpecs[i] })),
      firstRow,
      lastRow,
      totalRow,
      tableInjection,
      expected: {
        weight: weightSum,
        score: scoreSum,
        grade,
        ...(typeof statedWeight === "number" ? { statedWeight } : {}),
        ...(typeof statedScore === "number" ? { statedScore } : {}),
        errors,
      },
    };
  });
