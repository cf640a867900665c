/**
 * Target / result pairs as people write them (SPEC §2), each with the status
 * and the share of the weight that SPEC §3 gives it. The generator of whole
 * tables draws its rows from here; the parser properties use the text noise.
 */
import fc from "fast-check";
import type { Cell } from "../../builders/table";

export type RowStatus = "met" | "partial" | "unmet" | "notApplicable";

export interface Notation {
  indicator: string;
  target: Cell;
  actual: Cell;
  /** Number format of the numeric target / result cells. */
  numFmt?: string;
  status: RowStatus;
  /** Judged from numbers (quantitative) or words. */
  quantitative: boolean;
  /**
   * Share of the weight the row earns: 1 when met; the proportional share of a
   * quantitative row that is not met; for a qualitative one, a share inside its band.
   */
  share: number;
}

/** Full-width forms of ASCII (！ to ～) and the ideographic space, as Chinese input methods type them. */
export function toFullWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x21 && c <= 0x7e) out += String.fromCharCode(c + 0xfee0);
    else if (c === 0x20) out += "\u3000";
    else out += ch;
  }
  return out;
}

/**
 * Changes to a cell's text that must not change what it says: full-width
 * characters, spaces around it and between a number and its unit, a line
 * break where a narrow column wraps it (CR LF from Windows, LF from Mac).
 */
export const textNoise: fc.Arbitrary<(s: string) => string> = fc
  .record({
    fullWidth: fc.boolean(),
    pad: fc.constantFrom("", " ", "  ", "\u3000", "\t", " \u00a0"),
    padEnd: fc.constantFrom("", " ", "\u3000", "\n", "\r\n"),
    split: fc.constantFrom("", " ", "\n", "\r\n", " \n ", "\u3000"),
  })
  .map((n) => (s: string) => {
    // Break or space only where a number meets a word or a sign, never inside a number.
    let t = s.replace(/(\d)(?=[^\d.,])/u, `$1${n.split}`);
    if (n.fullWidth) t = toFullWidth(t);
    return `${n.pad}${t}${n.padEnd}`;
  });

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Statuses of a quantitative row that is not met: below 60 % of the target it is unmet (SPEC §3). */
function notMetStatus(ratio: number): RowStatus {
  return ratio < 0.6 ? "unmet" : "partial";
}

const POSITIVE_RATES = ["群众知晓率", "政策宣传覆盖率", "项目完成率", "资料归档率", "系统运行稳定率", "信息公开及时率", "网上可办率", "培训合格率", "服务对象满意度", "档案数字化率"];
const POSITIVE_COUNTS: [string, string][] = [
  ["办件量", "件"],
  ["培训人次", "人次"],
  ["开展宣传活动", "次"],
  ["走访企业数", "家"],
  ["举办专题讲座", "场"],
  ["新增就业人数", "人"],
  ["带动社会投资", "万元"],
  ["发放宣传资料", "份"],
];
const REVERSE_RATES = ["群众投诉率", "审批差错率", "行政复议纠错率", "办件超期率"];
const TIME_LIMITS = ["施工许可证发放时效", "企业开办办理时限", "不动产登记办理时限"];

const AT_LEAST_PERCENT = ["≥{t}%", ">={t}%", "不低于{t}%", "{t}%以上", "{t}%", "大于等于{t}%", "至少{t}%", "{t}%及以上"];
const AT_LEAST_COUNT = ["≥{n}{u}", "不少于{n}{u}", "{n}{u}以上", "至少{n}{u}", "{n}{u}"];
const AT_MOST_PERCENT = ["≤{t}%", "<={t}%", "不高于{t}%", "{t}%以内", "{t}%", "不超过{t}%", "小于或等于{t}%"];
const TIME_LIMIT_FORMS = ["{n}个工作日内", "≤{n}个工作日", "不超过{n}个工作日", "{n}个工作日以内"];

function fill(form: string, values: Record<string, string | number>): string {
  return form.replace(/\{(\w)\}/g, (_m, k: string) => String(values[k]));
}

const atLeastPercent: fc.Arbitrary<Notation> = fc
  .record({
    name: fc.constantFrom(...POSITIVE_RATES),
    t: fc.constantFrom(80, 85, 90, 95, 98, 100),
    form: fc.constantFrom(...AT_LEAST_PERCENT),
    met: fc.boolean(),
    share: fc.double({ min: 0.3, max: 0.95, noNaN: true }),
    over: fc.integer({ min: 0, max: 40 }),
    asNumbers: fc.constantFrom<"text" | "numbers" | "actualNumber">("text", "numbers", "actualNumber"),
  })
  .map((g) => {
    const actual = g.met ? Math.min(100, g.t + g.over / 2) : round2(g.t * g.share);
    const ratio = actual / g.t;
    const status = g.met ? "met" : notMetStatus(ratio);
    const targetText = fill(g.form, { t: g.t });
    const base = { indicator: g.name, status, quantitative: true, share: g.met ? 1 : ratio } as const;
    if (g.asNumbers === "numbers") return { ...base, target: g.t / 100, actual: actual / 100, numFmt: "0.0%" };
    if (g.asNumbers === "actualNumber") return { ...base, target: targetText, actual: actual / 100, numFmt: "0.00%" };
    return { ...base, target: targetText, actual: `${actual}%` };
  });

const atLeastCount: fc.Arbitrary<Notation> = fc
  .record({
    what: fc.constantFrom(...POSITIVE_COUNTS),
    n: fc.constantFrom(2, 3, 12, 50, 500, 1200, 30000),
    form: fc.constantFrom(...AT_LEAST_COUNT),
    met: fc.boolean(),
    share: fc.double({ min: 0.3, max: 0.95, noNaN: true }),
    extra: fc.integer({ min: 0, max: 3 }),
    unitOnActual: fc.boolean(),
    sepT: fc.boolean(),
    sepA: fc.boolean(),
    actualAsNumber: fc.boolean(),
  })
  .map((g): Notation => {
    const [name, unit] = g.what;
    const actual = g.met ? g.n + g.extra * Math.max(1, Math.round(g.n / 10)) : Math.max(0, Math.floor(g.n * g.share));
    const ratio = actual / g.n;
    const sep = (x: number, on: boolean) => (on && x >= 1000 ? x.toLocaleString("en-US") : String(x));
    const target = fill(g.form, { n: sep(g.n, g.sepT), u: unit });
    const actualCell: Cell = g.actualAsNumber ? actual : `${sep(actual, g.sepA)}${g.unitOnActual ? unit : ""}`;
    return {
      indicator: name,
      target,
      actual: actualCell,
      status: g.met ? "met" : notMetStatus(ratio),
      quantitative: true,
      share: g.met ? 1 : ratio,
    } satisfies Notation;
  });

/** Reverse rates: met at or under the target; above it the linear formula of SPEC §3 (nothing from twice the target). */
const atMostPercent: fc.Arbitrary<Notation> = fc
  .record({
    name: fc.constantFrom(...REVERSE_RATES),
    t: fc.constantFrom(1, 2, 3, 5),
    form: fc.constantFrom(...AT_MOST_PERCENT),
    met: fc.boolean(),
    under: fc.integer({ min: 0, max: 10 }),
    over: fc.integer({ min: 11, max: 30 }),
  })
  .map((g) => {
    const actual = g.met ? round2((g.t * g.under) / 10) : round2((g.t * g.over) / 10);
    const linear = actual >= 2 * g.t ? 0 : 1 - (actual - g.t) / g.t;
    return {
      indicator: g.name,
      target: fill(g.form, { t: g.t }),
      actual: `${actual}%`,
      status: g.met ? "met" : notMetStatus(g.t / actual),
      quantitative: true,
      share: g.met ? 1 : Math.max(0, Math.min(1, linear)),
    } satisfies Notation;
  });

const timeLimit: fc.Arbitrary<Notation> = fc
  .record({
    name: fc.constantFrom(...TIME_LIMITS),
    n: fc.constantFrom(3, 5, 7, 10, 15),
    form: fc.constantFrom(...TIME_LIMIT_FORMS),
    under: fc.integer({ min: 1, max: 10 }),
    actualForm: fc.constantFrom("{a}个工作日", "{a}个工作日内完成", "{a}个工作日内"),
  })
  .map((g) => {
    const a = Math.max(1, Math.floor((g.n * g.under) / 10));
    return {
      indicator: g.name,
      target: fill(g.form, { n: g.n }),
      actual: fill(g.actualForm, { a }),
      status: "met",
      quantitative: true,
      share: 1,
    } satisfies Notation;
  });

const QUALITATIVE_TARGETS = ["完成", "全面完成", "有效提升", "明显改善", "进一步规范", "达到预期目标", "按期完成年度任务"];
const MET_WORDS = ["完成", "已完成", "全部完成", "按时完成", "达成", "达到", "达成预期指标", "达成年度指标", "实现", "通过", "是", "有"];
const PARTIAL_WORDS = ["基本完成", "基本达成", "基本达到", "部分完成", "部分达成", "部分达成年度指标并具有一定效果", "较好", "基本健全"];
const UNMET_WORDS = ["未完成", "未达成", "未达到", "未达成年度指标且效果较差", "未通过", "否", "没有"];
const QUALITATIVE_NAMES = ["制度建设", "档案管理规范性", "政务公开", "内控制度有效性", "工作机制健全性", "信息化建设", "作风建设成效"];

/** Words: met scores in full; partial between 60 and 80 % of the weight, unmet below 60 % (SPEC §3 bands). */
const qualitative: fc.Arbitrary<Notation> = fc
  .record({
    name: fc.constantFrom(...QUALITATIVE_NAMES),
    target: fc.constantFrom(...QUALITATIVE_TARGETS),
    level: fc.constantFrom<"met" | "partial" | "unmet" | "same">("met", "partial", "unmet", "same"),
    met: fc.constantFrom(...MET_WORDS),
    partial: fc.constantFrom(...PARTIAL_WORDS),
    unmet: fc.constantFrom(...UNMET_WORDS),
    partialShare: fc.integer({ min: 62, max: 78 }),
    unmetShare: fc.integer({ min: 0, max: 55 }),
    stop: fc.constantFrom("", "。"),
  })
  .map((g) => {
    const base = { indicator: g.name, target: g.target, quantitative: false };
    switch (g.level) {
      case "same":
        return { ...base, actual: g.target, status: "met", share: 1 } satisfies Notation;
      case "met":
        return { ...base, actual: g.met + g.stop, status: "met", share: 1 } satisfies Notation;
      case "partial":
        return { ...base, actual: g.partial + g.stop, status: "partial", share: g.partialShare / 100 } satisfies Notation;
      case "unmet":
        return { ...base, actual: g.unmet, status: "unmet", share: g.unmetShare / 100 } satisfies Notation;
    }
  });

const NA_MARKS = ["/", "—", "不适用", "无", "／"];

/** A row that does not apply: a mark in target, result, weight and score together. */
export const notApplicable: fc.Arbitrary<Notation & { weightMark: string; scoreMark: string }> = fc
  .tuple(fc.constantFrom(...NA_MARKS), fc.constantFrom(...NA_MARKS), fc.constantFrom(...NA_MARKS), fc.constantFrom(...NA_MARKS))
  .map(([t, a, w, s]) => ({
    indicator: "专项培训",
    target: t,
    actual: a,
    weightMark: w,
    scoreMark: s,
    status: "notApplicable",
    quantitative: false,
    share: 0,
  }));

/** Any applicable row's notation, with noise on its texts. */
export const notation: fc.Arbitrary<Notation> = fc
  .tuple(fc.oneof(atLeastPercent, atLeastCount, atMostPercent, timeLimit, qualitative), textNoise, textNoise)
  .map(([n, noiseT, noiseA]) => ({
    ...n,
    target: typeof n.target === "string" ? noiseT(n.target) : n.target,
    actual: typeof n.actual === "string" ? noiseA(n.actual) : n.actual,
  }));
