/**
 * Figures with their roles, read from the narrative stream (see text.ts):
 *   收入总计 3625.29 万元。包括：1．… 3542.32 万元 … 2．… 45 万元     → a total and its components
 *   … 3542.32 万元 … 与上年相比增加 541.58 万元，增长 18.05%          → an amount, its change, its rate
 *   增加 45 万元，上年决算数为 0 万元，无法计算比率                    → no rate to check
 *   综合得分 98 分，等级为“优秀”                                       → the composite score and grade
 *   预算执行率为 98.5%                                                 → an execution rate
 */
import type { ChangeStatement, MoneyUnit, Narrative, NarrativeBlock, NarrativeFigure, SumStatement } from "./types";
import { NarrativeText } from "./text";
import { readGrade } from "../profile";

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const AMOUNT = new RegExp(`${NUMBER}(亿元|万元|元)`, "g");
const CHANGE = new RegExp(String.raw`(增加|增长|上升|减少|下降|降低)了?${NUMBER}(亿元|万元|元)`, "g");
const RATE_AFTER = new RegExp(String.raw`^[,，、]?(?:同比|比上年|较上年)?(增长|增幅为?|上升|增加|下降|降幅为?|减少|降低)了?${NUMBER}%`);
const NO_RATE_AFTER = /^.{0,30}?无法计算(?:比率|增长率|增幅|增减率|比例)/;
const TOTAL = new RegExp(
  String.raw`([\u4e00-\u9fa5、（）()]{0,24}?(?:总计|合计|总额))(?:为|是|共计|共)?${NUMBER}(亿元|万元|元)[。，,；;]?(?:具体)?(?:包括|其中)[:：]`,
  "g",
);
const SCORE = new RegExp(String.raw`(综合得分|综合评分|自评得分|评价得分|总得分|绩效得分|得分合计|自评总分|评价总分)(?:为|是|:|：)?${NUMBER}分`, "g");
const GRADE = /(?:等级|等次|评价结果|评定结果)(?:为|是|评定为|评为|:|：)?[“"「『]?(优秀|优等|良好|中等|合格|一般|较差|不合格|优|良|中|差)[”"」』]?/g;
const EXECUTION_RATE = new RegExp(String.raw`预算执行率(?:为|达到?|是|:|：)?${NUMBER}%`, "g");
const TARGET_WORDS = /目标|预期|计划|力争|确保|不低于|应当|要求/;
/** A section heading: （二） or 二、 after a sentence's end or at the start of a cell. */
const HEADING = /（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、/g;
/** An enumerated item: 1． 2. 3、 (not a decimal point). */
const ITEM = /(\d{1,2})[．.、](?!\d)/g;

const CHINESE_NUMERAL = /[一二三四五六七八九十]/;

export function parseNumber(text: string): number {
  return Number(text.replace(/,/g, ""));
}

/** Yuan per unit, to compare amounts stated in different units. */
export const YUAN: Record<MoneyUnit, number> = { 元: 1, 万元: 10_000, 亿元: 100_000_000 };

/** Decimals as written: 19.23 → 2. */
export function decimalsOf(text: string): number {
  const m = /\.(\d+)/.exec(text);
  return m ? m[1].length : 0;
}

/** The label written just before a figure: the run of Chinese characters (and （类）) ending at `end`. */
function labelBefore(text: string, end: number): string {
  let from = end;
  while (from > 0 && /[\u4e00-\u9fa5（）()、]/.test(text[from - 1]) && end - from < 24) from--;
  return text
    .slice(from, end)
    .replace(/^[（(][一二三四五六七八九十]+[）)]/, "")
    .replace(/^、+|^年度/, "")
    .replace(/(为|是|共计|共|达到?)$/, "");
}

interface Boundary {
  offset: number;
  kind: "heading" | "item";
  number?: number;
}

/** Headings and enumerated items in order: where sections and items begin. */
function boundaries(nt: NarrativeText): Boundary[] {
  const t = nt.text;
  const out: Boundary[] = [];
  const atSentenceStart = (i: number) => i === 0 || /[。；;：:！？!?”]/.test(t[i - 1]) || nt.startsBlock(i);
  for (const m of t.matchAll(HEADING)) {
    if (atSentenceStart(m.index!)) out.push({ offset: m.index!, kind: "heading" });
  }
  for (const m of t.matchAll(ITEM)) {
    const i = m.index!;
    // An item number follows a sentence's end or a colon, never another digit or a Chinese numeral.
    if (i > 0 && (/\d/.test(t[i - 1]) || CHINESE_NUMERAL.test(t[i - 1]))) continue;
    if (atSentenceStart(i)) out.push({ offset: i, kind: "item", number: Number(m[1]) });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

export function readFigures(blocks: NarrativeBlock[]): Narrative {
  const nt = new NarrativeText(blocks);
  const t = nt.text;
  const figures: NarrativeFigure[] = [];
  const offsets = new Map<NarrativeFigure, number>();
  const figure = (f: Omit<NarrativeFigure, "sentence" | "source">, at: number): NarrativeFigure => {
    const full: NarrativeFigure = { ...f, sentence: nt.sentenceAt(at), source: nt.sourceAt(at) };
    figures.push(full);
    offsets.set(full, at);
    return full;
  };
  const bounds = boundaries(nt);
  /** Start of the section or item an offset lies in. */
  const sectionStart = (offset: number) => {
    let s = 0;
    for (const b of bounds) if (b.offset <= offset) s = b.offset;
    return s;
  };

  // Totals and their listed components.
  const sums: SumStatement[] = [];
  const componentAt = new Map<number, NarrativeFigure>();
  const totalAt = new Map<number, NarrativeFigure>();
  for (const m of t.matchAll(TOTAL)) {
    const numberAt = m.index! + m[1].length + m[0].slice(m[1].length).search(/\d/);
    const total = figure(
      { role: "total", label: labelBefore(t, m.index! + m[1].length) || m[1], value: parseNumber(m[2]), unit: m[3] as MoneyUnit, text: `${m[2]}${m[3]}` },
      numberAt,
    );
    totalAt.set(numberAt, total);
    const after = m.index! + m[0].length;
    const components: NarrativeFigure[] = [];
    const items = bounds.filter((b) => b.offset >= after);
    let expected = 1;
    for (let i = 0; i < items.length; i++) {
      const b = items[i];
      if (b.kind !== "item" || b.number !== expected) break;
      // The item runs to the next boundary; no item may start past another total.
      const end = i + 1 < items.length ? items[i + 1].offset : t.length;
      const body = t.slice(b.offset, end);
      const amount = new RegExp(AMOUNT.source).exec(body);
      expected++;
      if (!amount) continue;
      const before = body.slice(0, amount.index);
      if (/(增加|增长|上升|减少|下降|降低)了?$/.test(before)) continue;
      const at = b.offset + amount.index;
      const c = figure(
        { role: "component", label: labelBefore(t, at) || undefined, value: parseNumber(amount[1]), unit: amount[2] as MoneyUnit, text: amount[0] },
        at,
      );
      componentAt.set(at, c);
      components.push(c);
    }
    if (components.length > 0) sums.push({ total, components });
  }

  // Changes on last year, each against the last amount stated before it in the same item or section.
  const changes: ChangeStatement[] = [];
  const changeSpans: [number, number][] = [];
  for (const m of t.matchAll(CHANGE)) changeSpans.push([m.index!, m.index! + m[0].length]);
  const isChangeAmount = (at: number) => changeSpans.some(([a, b]) => at > a && at < b);
  const amounts: { at: number; m: RegExpMatchArray }[] = [];
  for (const m of t.matchAll(AMOUNT)) if (!isChangeAmount(m.index!)) amounts.push({ at: m.index!, m });
  for (const m of t.matchAll(CHANGE)) {
    const at = m.index!;
    const start = sectionStart(at);
    let base: { at: number; m: RegExpMatchArray } | undefined;
    for (const a of amounts) if (a.at >= start && a.at < at) base = a;
    if (!base) continue;
    const decrease = /减少|下降|降低/.test(m[1]);
    const numberAt = at + m[1].length + m[0].slice(m[1].length).search(/\d/);
    const existing = componentAt.get(base.at) ?? totalAt.get(base.at);
    const baseFigure =
      existing ??
      figure(
        { role: "amount", label: labelBefore(t, base.at) || undefined, value: parseNumber(base.m[1]), unit: base.m[2] as MoneyUnit, text: base.m[0] },
        base.at,
      );
    const change = figure(
      { role: decrease ? "decrease" : "increase", value: parseNumber(m[2]), unit: m[3] as MoneyUnit, text: `${m[2]}${m[3]}`, label: m[1] },
      numberAt,
    );
    const statement: ChangeStatement = { base: baseFigure, change };
    const rest = t.slice(at + m[0].length);
    const rate = RATE_AFTER.exec(rest);
    if (rate) {
      const rateAt = at + m[0].length + rate[0].search(/\d/);
      statement.rate = figure({ role: "rate", label: rate[1], value: parseNumber(rate[2]), unit: "%", text: `${rate[2]}%` }, rateAt);
    } else {
      const stop = rest.search(/[。；;]/);
      const sentenceRest = stop < 0 ? rest : rest.slice(0, stop);
      const none = NO_RATE_AFTER.exec(sentenceRest);
      if (none) statement.noRate = figure({ role: "noRate", text: none[0].replace(/^[,，]/, "") }, at + m[0].length + 1);
    }
    changes.push(statement);
  }

  const scores: NarrativeFigure[] = [];
  for (const m of t.matchAll(SCORE)) {
    const at = m.index! + m[1].length + m[0].slice(m[1].length).search(/\d/);
    scores.push(figure({ role: "compositeScore", label: m[1], value: parseNumber(m[2]), unit: "分", text: `${m[2]}分` }, at));
  }
  const grades: NarrativeFigure[] = [];
  for (const m of t.matchAll(GRADE)) {
    const grade = readGrade(m[1]);
    if (!grade) continue;
    grades.push(figure({ role: "grade", label: "等级", grade, text: m[1] }, m.index! + m[0].indexOf(m[1])));
  }
  const executionRates: NarrativeFigure[] = [];
  for (const m of t.matchAll(EXECUTION_RATE)) {
    // A target (年度目标：预算执行率达到 100%) is not a statement of what was spent.
    if (TARGET_WORDS.test(t.slice(Math.max(0, m.index! - 16), m.index!))) continue;
    const at = m.index! + m[0].search(/\d/);
    executionRates.push(figure({ role: "executionRate", label: "预算执行率", value: parseNumber(m[1]), unit: "%", text: `${m[1]}%` }, at));
  }

  figures.sort((a, b) => offsets.get(a)! - offsets.get(b)!);
  return { blocks, figures, sums, changes, scores, grades, executionRates };
}
