/**
 * parseIndicatorValue (SPEC §2) under fuzzing: it never throws on any cell
 * and any options, and what it reads from a text does not change when the
 * text is typed with full-width characters, spaces, or wrapped onto several
 * lines (CR LF, LF, CR, U+2028) between its parts.
 */
import fc from "fast-check";
import { parseIndicatorValue, type ParseOptions } from "../../src/core/parse";
import { compactText } from "../../src/core/normalize";
import type { CellValue, IndicatorValue } from "../../src/core/types";
import { toFullWidth } from "./support/notations";
import { recordCount } from "./support/counts";

const INVARIANCE_RUNS = Number(process.env.RELIABILITY_PARSE_INVARIANCE ?? 6000);
const ANY_CELL_RUNS = Number(process.env.RELIABILITY_PARSE_ANY ?? 4000);

/** What a value says, leaving out how its text was spaced. */
function meaning(v: IndicatorValue) {
  return {
    text: compactText(v.text),
    kind: v.kind,
    comparator: v.comparator,
    value: v.value,
    values: v.values,
    unit: v.unit,
    percent: v.percent,
    level: v.level,
  };
}

const PREFIXES = ["", "≥", ">=", "≤", "<=", ">", "<", "=", "＝", "不低于", "不少于", "至少", "不高于", "不超过", "大于", "小于", "高于", "低于", "等于", "大于等于", "小于或等于"];
const SUBJECTS = ["", "", "办件量", "足额保障率", "培训率", "考核率", "群众满意度"];
const UNITS = ["", "%", "％", "件", "次", "个工作日", "万元", "人次", "天", "个", "家"];
const SUFFIXES = ["", "", "以上", "以内", "以下", "内", "及以上", "完成", "内完成", "(含)以上"];
const WORDS = ["完成", "已完成", "全部完成", "按时完成", "达成", "达到", "达成预期指标", "实现", "通过", "基本完成", "基本达成", "部分完成", "较好", "未完成", "未达成", "未通过", "否", "没有", "无", "/", "—", "不适用", "有效提升", "明显改善"];
const SEPARATORS = ["、", "，", ",", "；", " "];

const numberText = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map(String),
  fc.integer({ min: 0, max: 9999 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: 1000, max: 5_000_000 }).map((n) => n.toLocaleString("en-US")),
  fc.integer({ min: 1, max: 999 }).map((n) => `0.${n}`),
);

/** One quantity written as tokens: 办件量 | 大于 | 30000 | 件 | 以上. */
const quantityTokens = fc
  .tuple(fc.constantFrom(...SUBJECTS), fc.constantFrom(...PREFIXES), numberText, fc.constantFrom(...UNITS), fc.constantFrom(...SUFFIXES))
  .map((parts) => parts.filter((p) => p !== ""));

/** A cell's text as a list of tokens: quantities (one or several, 培训率100%、考核率100%) or a word. */
const tokens: fc.Arbitrary<string[]> = fc.oneof(
  fc.array(quantityTokens, { minLength: 1, maxLength: 3 }).chain((qs) =>
    fc.constantFrom(...SEPARATORS).map((sep) => qs.flatMap((q, i) => (i === 0 ? q : [sep, ...q]))),
  ),
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom("", "。", "！")).map(([w, end]) => (end ? [w, end] : [w])),
);

const SPACES = [" ", "  ", "\u3000", "\t", "\u00a0"];
const BREAKS = ["\n", "\r\n", "\r", "\u2028", " \n", "\n\u3000"];

/** Whitespace between two tokens, at the start and at the end: any mix of spaces and line breaks. */
const gap = fc.oneof(fc.constant(""), fc.constantFrom(...SPACES), fc.constantFrom(...BREAKS));

/** The same tokens typed differently: gaps between them, each token full-width or half-width. */
function typed(ts: string[]) {
  return fc
    .record({
      gaps: fc.array(gap, { minLength: ts.length + 1, maxLength: ts.length + 1 }),
      width: fc.array(fc.boolean(), { minLength: ts.length, maxLength: ts.length }),
    })
    .map(({ gaps, width }) => {
      // A gap inside "1 000" or between 0 and .5 would be a different number: only between tokens.
      let s = gaps[0];
      ts.forEach((t, i) => {
        s += (width[i] ? toFullWidth(t) : t) + gaps[i + 1];
      });
      return s;
    });
}

const options: fc.Arbitrary<ParseOptions> = fc.record(
  {
    role: fc.constantFrom<"target" | "actual">("target", "actual"),
    reverse: fc.boolean(),
    numberFormat: fc.constantFrom(null, "0%", "0.0%", "General", "0.00"),
    kindCell: fc.constantFrom<CellValue>(null, "≥", "≤", "正向", "反向", "不低于"),
    unitCell: fc.constantFrom<CellValue>(null, "%", "件", "（万元）", "个工作日"),
  },
  { requiredKeys: ["role", "reverse"] },
);

test(`${INVARIANCE_RUNS} texts: the same reading under whitespace, full-width/half-width and line-break changes`, () => {
  fc.assert(
    fc.property(
      tokens.chain((ts) => fc.tuple(fc.constant(ts), typed(ts), typed(ts))),
      options,
      ([ts, a, b], opts) => {
        const plain = meaning(parseIndicatorValue(ts.join(""), opts));
        expect(meaning(parseIndicatorValue(a, opts))).toEqual(plain);
        expect(meaning(parseIndicatorValue(b, opts))).toEqual(plain);
      },
    ),
    { numRuns: INVARIANCE_RUNS },
  );
  recordCount("parser: whitespace / width / line-break invariance", INVARIANCE_RUNS);
});

/** Anything a host can hand over: any string (emoji, lone surrogates, control characters, very long), any number, booleans, null. */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  tokens.map((t) => t.join("")),
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -0, 1e21, 1e-7, NaN, Infinity, -Infinity),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "=SUM(A1:A3)", "≥".repeat(5000), "9".repeat(400) + "%", "1e308件", "-0%"),
);

const anyOptions: fc.Arbitrary<ParseOptions> = fc.record(
  {
    numberFormat: fc.option(fc.oneof(fc.string(), fc.constantFrom("0%", "0.0%", "yyyy-mm-dd", "[$-804]yyyy\"年\"m\"月\"", '0.00"分"', "@", "#,##0.00;[Red]-#,##0.00")), { nil: undefined }),
    reverse: fc.boolean(),
    kindCell: anyCell,
    unitCell: anyCell,
    role: fc.constantFrom<"target" | "actual">("target", "actual"),
  },
  { requiredKeys: [] },
);

test(`${ANY_CELL_RUNS} arbitrary cells and options: never throws, never a non-finite number`, () => {
  fc.assert(
    fc.property(anyCell, anyOptions, (raw, opts) => {
      const v = parseIndicatorValue(raw, opts);
      expect(typeof v.text).toBe("string");
      expect(["number", "text", "empty", "notApplicable"]).toContain(v.kind);
      if (v.kind === "number") {
        expect(Number.isFinite(v.value)).toBe(true);
        for (const x of v.values ?? []) expect(Number.isFinite(x)).toBe(true);
      }
      // The same cell read twice reads the same (no state kept between calls).
      expect(parseIndicatorValue(raw, opts)).toEqual(v);
    }),
    { numRuns: ANY_CELL_RUNS },
  );
  recordCount("parser: arbitrary cells and options", ANY_CELL_RUNS);
});
