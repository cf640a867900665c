import fc from "fast-check";
import { isReverseIndicator, parseIndicatorValue, type ParseOptions } from "../../src/core/parse";
import type { CellValue, IndicatorValue } from "../../src/core/types";

const parse = (raw: CellValue, opts?: ParseOptions) => parseIndicatorValue(raw, opts);

/** The fields that matter for a quantity. */
function quantity(v: IndicatorValue) {
  return { kind: v.kind, comparator: v.comparator, value: v.value, values: v.values, unit: v.unit, percent: v.percent };
}

describe("parseIndicatorValue: normalisation", () => {
  it.each<[CellValue, string]>([
    ["  健全  ", "健全"],
    ["办件量大\n于 30000件", "办件量大于 30000件"],
    ["中心季度测\r\n评，统计汇\n总", "中心季度测评,统计汇总"],
    ["３个工作日内完成", "3个工作日内完成"],
    ["≥９５％", "≥95%"],
    ["ＡＢ\nＣＤ", "AB CD"],
    ["a\u3000\u3000b", "a b"],
  ])("%j → text %j", (raw, text) => {
    expect(parse(raw).text).toBe(text);
  });

  it.each<[CellValue, IndicatorValue["kind"]]>([
    [null, "empty"],
    ["", "empty"],
    ["   ", "empty"],
    ["\n", "empty"],
  ])("%j is empty", (raw, kind) => {
    expect(parse(raw)).toEqual({ text: "", kind });
  });
});

describe("parseIndicatorValue: comparators", () => {
  it.each<[string, string]>([
    ["≥95%", ">="],
    ["≧4次", ">="],
    [">=95%", ">="],
    ["＞=95%", ">="],
    ["不低于95%", ">="],
    ["不少于2次", ">="],
    ["至少3次", ">="],
    ["95%以上", ">="],
    ["95%及以上", ">="],
    ["大于等于90%", ">="],
    ["≤5%", "<="],
    ["≦5%", "<="],
    ["<=5%", "<="],
    ["不高于5%", "<="],
    ["不超过3天", "<="],
    ["不多于2次", "<="],
    ["5%以内", "<="],
    ["5%以下", "<="],
    ["3个工作日内完成", "<="],
    [">30000件", ">"],
    ["＞30000件", ">"],
    ["大于30000件", ">"],
    ["高于90%", ">"],
    ["超过100人", ">"],
    ["多于10家", ">"],
    ["<5%", "<"],
    ["＜5%", "<"],
    ["小于 5%", "<"],
    ["低于3%", "<"],
    ["少于2起", "<"],
    ["=100%", "="],
    ["＝100%", "="],
    ["﹦100%", "="],
    ["等于0", "="],
    ["足额保障率=100%", "="],
    ["不低于:95%", ">="],
    ["95%(含)以上", ">="],
    ["﹥90%", ">"],
    ["30分钟内办结", "<="],
  ])("%j → %s", (raw, comparator) => {
    expect(parse(raw).comparator).toBe(comparator);
  });

  it("a written comparator holds for a reverse indicator and for the actual", () => {
    expect(parse("≥95%", { reverse: true }).comparator).toBe(">=");
    expect(parse("≥95%", { role: "actual" }).comparator).toBe(">=");
    expect(parse("大于30000件", { role: "actual" }).comparator).toBe(">");
  });

  it("a bare target reads as at least, or at most for a reverse indicator", () => {
    expect(parse("95%").comparator).toBe(">=");
    expect(parse("95%", { role: "target" }).comparator).toBe(">=");
    expect(parse("5%", { reverse: true }).comparator).toBe("<=");
    expect(parse(0.05, { reverse: true, numberFormat: "0%" }).comparator).toBe("<=");
    expect(parse(12).comparator).toBe(">=");
  });

  it("a bare actual has no comparator", () => {
    expect(parse("95%", { role: "actual" }).comparator).toBeUndefined();
    expect(parse(95, { role: "actual" }).comparator).toBeUndefined();
    expect(parse("5%", { role: "actual", reverse: true }).comparator).toBeUndefined();
  });
});

describe("parseIndicatorValue: numbers", () => {
  it.each<[CellValue, ParseOptions, ReturnType<typeof quantity>]>([
    ["100%", {}, { kind: "number", comparator: ">=", value: 100, values: [100], unit: undefined, percent: true }],
    ["95％", {}, { kind: "number", comparator: ">=", value: 95, values: [95], unit: undefined, percent: true }],
    ["98.5%", {}, { kind: "number", comparator: ">=", value: 98.5, values: [98.5], unit: undefined, percent: true }],
    ["１２", {}, { kind: "number", comparator: ">=", value: 12, values: [12], unit: undefined, percent: false }],
    ["30,000件", {}, { kind: "number", comparator: ">=", value: 30000, values: [30000], unit: "件", percent: false }],
    ["1,234.5万元", {}, { kind: "number", comparator: ">=", value: 1234.5, values: [1234.5], unit: "万元", percent: false }],
    ["≥2 次", {}, { kind: "number", comparator: ">=", value: 2, values: [2], unit: "次", percent: false }],
    ["办件量大于 30000 件", {}, { kind: "number", comparator: ">", value: 30000, values: [30000], unit: "件", percent: false }],
    ["3个工作日内完成", {}, { kind: "number", comparator: "<=", value: 3, values: [3], unit: "个工作日", percent: false }],
    ["100%完成", {}, { kind: "number", comparator: ">=", value: 100, values: [100], unit: undefined, percent: true }],
    ["90%完成", { role: "actual" }, { kind: "number", comparator: undefined, value: 90, values: [90], unit: undefined, percent: true }],
    ["足额保障率=100%", {}, { kind: "number", comparator: "=", value: 100, values: [100], unit: undefined, percent: true }],
    ["培训率100%、考核率100%", {}, { kind: "number", comparator: ">=", value: 100, values: [100, 100], unit: undefined, percent: true }],
    ["全年12次", {}, { kind: "number", comparator: ">=", value: 12, values: [12], unit: "次", percent: false }],
    ["3万人次", {}, { kind: "number", comparator: ">=", value: 3, values: [3], unit: "万人次", percent: false }],
    ["3万", {}, { kind: "number", comparator: ">=", value: 30000, values: [30000], unit: undefined, percent: false }],
    ["2小时", {}, { kind: "number", comparator: ">=", value: 2, values: [2], unit: "小时", percent: false }],
    ["30分钟", {}, { kind: "number", comparator: ">=", value: 30, values: [30], unit: "分钟", percent: false }],
    ["500平方米", {}, { kind: "number", comparator: ">=", value: 500, values: [500], unit: "平方米", percent: false }],
    ["12公里", {}, { kind: "number", comparator: ">=", value: 12, values: [12], unit: "公里", percent: false }],
    ["5户", {}, { kind: "number", comparator: ">=", value: 5, values: [5], unit: "户", percent: false }],
    ["7天", {}, { kind: "number", comparator: ">=", value: 7, values: [7], unit: "天", percent: false }],
    ["1.2亿元", {}, { kind: "number", comparator: ">=", value: 1.2, values: [1.2], unit: "亿元", percent: false }],
    ["完成100%内容", {}, { kind: "number", comparator: ">=", value: 100, values: [100], unit: undefined, percent: true }],
    ["提高2个百分点", {}, { kind: "number", comparator: ">=", value: 2, values: [2], unit: "个百分点", percent: false }],
    ["95.6%(1-12月)", { role: "actual" }, { kind: "number", comparator: undefined, value: 95.6, values: [95.6], unit: undefined, percent: true }],
    ["95﹪", {}, { kind: "number", comparator: ">=", value: 95, values: [95], unit: undefined, percent: true }],
    ["百分之95", {}, { kind: "number", comparator: ">=", value: 95, values: [95], unit: undefined, percent: true }],
    ["增长率≥-5%", {}, { kind: "number", comparator: ">=", value: -5, values: [-5], unit: undefined, percent: true }],
  ])("%j %j", (raw, opts, expected) => {
    expect(quantity(parse(raw, opts))).toEqual(expected);
  });

  it.each<[number, string | null, number, boolean, string]>([
    [0.985, "0.0%", 98.5, true, "98.5%"],
    [1, "0%", 100, true, "100%"],
    [0.07, "0.00%", 7, true, "7%"],
    [0.95, '#,##0.0%;[Red]-#,##0.0%', 95, true, "95%"],
    [95, '0"%"', 95, true, "95%"],
    [0.985, null, 0.985, false, "0.985"],
    [30000, "#,##0", 30000, false, "30000"],
    [0.1 + 0.2, "General", 0.3, false, "0.3"],
  ])("number cell %p with format %p → %p", (raw, numberFormat, value, percent, text) => {
    const v = parse(raw, { numberFormat });
    expect(v.kind).toBe("number");
    expect(v.value).toBe(value);
    expect(v.values).toEqual([value]);
    expect(v.percent).toBe(percent);
    expect(v.text).toBe(text);
  });

  it("reads a unit written in the number format", () => {
    expect(parse(4, { numberFormat: '0"次"' })).toMatchObject({ value: 4, unit: "次", text: "4次" });
  });

  it("reads a date-formatted number as a date, not a quantity", () => {
    expect(parse(44196, { numberFormat: "yyyy-mm-dd" })).toEqual({ text: "2020-12-31", kind: "text" });
    expect(parse(44196, { numberFormat: 'yyyy"年"m"月"d"日"' }).kind).toBe("text");
  });

  it.each<[string]>([["2020年12月底前完成"], ["2020年12月31日"], ["第1批事项"], ["推进“3550”改革"]])(
    "digits in %j are not quantities",
    (raw) => {
      expect(parse(raw).kind).toBe("text");
      expect(parse(raw).values).toBeUndefined();
    },
  );

  it("list markers are not quantities", () => {
    expect(parse("1、培训率100%;2、考核率95%").values).toEqual([100, 95]);
    expect(parse("(1)培训率100%").values).toEqual([100]);
  });
});

describe("parseIndicatorValue: split target (指标性质 | 指标值 | 度量单位)", () => {
  it.each<[CellValue, CellValue, CellValue, string | null, Partial<IndicatorValue>]>([
    ["≥", 95, "%", null, { comparator: ">=", value: 95, percent: true, text: "≥95%" }],
    ["≤", 5, "个工作日", null, { comparator: "<=", value: 5, unit: "个工作日", text: "≤5个工作日" }],
    ["不低于", "95", "%", null, { comparator: ">=", value: 95, percent: true, text: "≥95%" }],
    ["＝", 0, "起", null, { comparator: "=", value: 0, unit: "起", text: "=0起" }],
    ["反向指标", 3, "%", null, { comparator: "<=", value: 3, percent: true }],
    ["正向", 0.9, null, "0%", { comparator: ">=", value: 90, percent: true }],
    ["定性", "完成", null, null, { kind: "text", level: "met" }],
    [null, 12, "次", null, { comparator: ">=", value: 12, unit: "次" }],
  ])("%j | %j | %j", (kindCell, raw, unitCell, numberFormat, expected) => {
    expect(parse(raw, { kindCell, unitCell, numberFormat })).toMatchObject(expected);
  });

  it("words and marks take neither the kind nor the unit", () => {
    expect(parse("完成", { role: "actual", unitCell: "%" })).toEqual({ text: "完成", kind: "text", level: "met" });
    expect(parse("/", { kindCell: "≥", unitCell: "次" })).toEqual({ text: "/", kind: "notApplicable" });
    expect(parse("90%", { role: "actual", unitCell: "%" })).toMatchObject({ text: "90%", value: 90, percent: true });
    expect(parse("12次", { unitCell: "次" }).text).toBe("12次");
  });

  it("the kind cell overrides the reverse default; a written comparator in the value wins", () => {
    expect(parse(5, { kindCell: "≥", reverse: true }).comparator).toBe(">=");
    expect(parse("≤5", { kindCell: "≥", unitCell: "%" }).comparator).toBe("<=");
  });
});

describe("parseIndicatorValue: qualitative words", () => {
  it.each<[string, IndicatorValue["level"]]>([
    ["完成", "met"],
    ["已完成", "met"],
    ["全部完成", "met"],
    ["按时完成", "met"],
    ["达成", "met"],
    ["达到", "met"],
    ["达成预期指标", "met"],
    ["达成年度指标", "met"],
    ["实现", "met"],
    ["是", "met"],
    ["有", "met"],
    ["通过", "met"],
    ["100%", "met"],
    ["完成。", "met"],
    [" 已 完 成 ", "met"],
    ["基本完成", "partial"],
    ["基本达成", "partial"],
    ["基本达到", "partial"],
    ["部分完成", "partial"],
    ["部分达成", "partial"],
    ["部分达成年度指标并具有一定效果", "partial"],
    ["较好", "partial"],
    ["基本健全", "partial"],
    ["未完成", "unmet"],
    ["未达成", "unmet"],
    ["未达到", "unmet"],
    ["未达成年度指标且效果较差", "unmet"],
    ["未通过", "unmet"],
    ["否", "unmet"],
    ["无", "unmet"],
    ["没有", "unmet"],
    ["通过初评", undefined],
    ["有创新", undefined],
    ["健全", undefined],
    ["完成率95%", undefined],
    ["90%", undefined],
    ["未完成原因：资金未到位", undefined],
  ])("%j → %s", (raw, level) => {
    expect(parse(raw, { role: "actual" }).level).toBe(level);
  });

  it("a 100 % number cell is the completion word 100%", () => {
    expect(parse(1, { numberFormat: "0%", role: "actual" }).level).toBe("met");
    expect(parse(0.9, { numberFormat: "0%", role: "actual" }).level).toBeUndefined();
  });

  it("booleans read as 是 / 否", () => {
    expect(parse(true)).toEqual({ text: "TRUE", kind: "text", level: "met" });
    expect(parse(false)).toEqual({ text: "FALSE", kind: "text", level: "unmet" });
  });
});

describe("parseIndicatorValue: not-applicable marks", () => {
  it.each<[string]>([["/"], ["／"], ["—"], ["——"], ["-"], ["－"], ["不适用"], ["不涉及"], ["N/A"], [" / "]])(
    "%j is notApplicable",
    (raw) => {
      expect(parse(raw).kind).toBe("notApplicable");
    },
  );

  it("无 is a text with level unmet (the judge decides whether the row does not apply)", () => {
    expect(parse("无")).toEqual({ text: "无", kind: "text", level: "unmet" });
  });
});

describe("parseIndicatorValue: never throws", () => {
  it.each<[unknown]>([
    [NaN],
    [Infinity],
    [-Infinity],
    ["#REF!"],
    ["#DIV/0!"],
    ["#N/A"],
    [undefined],
    [{}],
    [[]],
    ["9".repeat(400)],
    ["%%%≥≥≤大于小于"],
    ["1e400"],
  ])("%p", (raw) => {
    const v = parseIndicatorValue(raw as CellValue, { numberFormat: "0%" });
    expect(typeof v.text).toBe("string");
    expect(["number", "text", "empty", "notApplicable"]).toContain(v.kind);
  });

  it("Excel errors are unreadable text", () => {
    expect(parse("#REF!")).toEqual({ text: "#REF!", kind: "text" });
    expect(parse(NaN)).toEqual({ text: "NaN", kind: "text" });
    expect(parse(-1.7e307, { numberFormat: "0%" })).toEqual({ text: "-1.7e+307", kind: "text" });
  });

  it("for any string, number, boolean or null, with any options", () => {
    const cell = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.double(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(
        cell,
        fc.record({
          numberFormat: fc.option(fc.string()),
          reverse: fc.boolean(),
          kindCell: fc.oneof(fc.string(), fc.constant(null)),
          unitCell: fc.oneof(fc.string(), fc.constant(null)),
          role: fc.constantFrom("target" as const, "actual" as const),
        }),
        (raw, opts) => {
          const v = parseIndicatorValue(raw, opts);
          expect(typeof v.text).toBe("string");
          if (v.kind === "number") expect(Number.isFinite(v.value)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("isReverseIndicator", () => {
  it.each<[string, string, boolean]>([
    ["群众投诉率", "", true],
    ["审批差错率", "", true],
    ["安全事故发生次数", "0起", true],
    ["重大安全事故", "", true],
    ["预算超支情况", "", true],
    ["结余率", "", true],
    ["规划审查许可行政诉讼占行政许可总数比重", "小于5%", true],
    ["办结时限", "", true],
    ["施工许可证发放时效法定规定 7 个工作日内", "3 个工作日内完成", true],
    ["即办件办理", "≤3个工作日", true],
    ["不良事件发生率", "", true],
    ["工程返工率", "", true],
    ["工作失误", "", true],
    ["人均成本", "", true],
    ["投诉处理率", "100%", false],
    ["投诉办结率", "", false],
    ["事故隐患整改率", "", false],
    ["承诺件办理时限压缩度", "82.4%", false],
    ["资金到位率", "100%", false],
    ["支出预算执行率", "≥95%", false],
    ["业务学习与培训完成率", "95%", false],
    ["立项、环评、节能审查确保无一起违法、违规、越权审批", "100%", false],
    ["确保无重大安全事故", "100%", false],
    ["确保无重大安全事故", "0起", true],
    ["", "", false],
  ])("%j (target %j) → %p", (indicator, target, reverse) => {
    expect(isReverseIndicator(indicator, target)).toBe(reverse);
  });
});

describe("look-alike equals signs printed for =", () => {
  test.each(["═100%", "〓100%"])("%s reads as = 100 %", (text) => {
    expect(parseIndicatorValue(text)).toMatchObject({ comparator: "=", value: 100, percent: true });
  });
  test("a 指标性质 cell holding ═", () => {
    expect(parseIndicatorValue(100, { kindCell: "═", role: "target" })).toMatchObject({ comparator: "=", value: 100 });
  });
});
