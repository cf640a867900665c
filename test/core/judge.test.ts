import { judgeRow } from "../../src/core/judge";
import { isReverseIndicator, parseIndicatorValue } from "../../src/core/parse";
import { readNumberCell } from "../../src/core/numbers";
import { NATIONAL_PROFILE, RATIO_PROFILE } from "../../src/core/profile";
import type { CellValue, IndicatorRow, JudgedRow, ScoringProfile, Status } from "../../src/core/types";

/** An indicator row read as the row reader does: reverse from the name and target, target and actual parsed. */
function row(
  target: CellValue,
  actual: CellValue,
  weight: CellValue = 2,
  score: CellValue = 2,
  indicator = "指标",
  formats: { target?: string; actual?: string } = {},
): IndicatorRow {
  const reverse = isReverseIndicator(indicator, typeof target === "string" ? target : "");
  return {
    row: 7,
    level1: "产出指标",
    level2: "数量指标",
    indicator,
    target: parseIndicatorValue(target, { role: "target", reverse, numberFormat: formats.target }),
    actual: parseIndicatorValue(actual, { role: "actual", numberFormat: formats.actual }),
    weight: readNumberCell(weight),
    score: readNumberCell(score),
    reverse,
  };
}

const judge = (r: IndicatorRow, profile: ScoringProfile = NATIONAL_PROFILE): JudgedRow => judgeRow(r, profile);

describe("judgeRow: the seed table (如皋市行政审批局 2020)", () => {
  it.each<[string, string, CellValue, CellValue, string, Status]>([
    ["健全", "健全", 2, 2, "人事管理制度健全性", "met"],
    ["100%", "100%", 2, 2, "资金到位率", "met"],
    ["≥95%", "≥95%", 2, 2, "支出预算执行率", "met"],
    ["95%", "95%", 2, 2, "固定资产利用率", "met"],
    ["有创新", "有创新", 2, 2, "部门创新情况", "met"],
    ["≥2 次", "≥2次", 2, 2, "定期开展规范性文件清理工作", "met"],
    ["根据文件落\n实全年工\n作", "完成", 2, 2, "出台我市深化“放管服”改革工作要点", "met"],
    ["办件量大于\n30000 件", "办件量大\n于 30000件", 2, 2, "推广应用企业开办“全链通”平台", "met"],
    ["小于 5%", "小于 5%", 2, 2, "规划审查许可行政诉讼占行政许可总数比重", "met"],
    ["3 个工作日\n内完成", "3个工作日\n内完成", 2, 2, "施工许可证发放时效法定规定 7 个工作日内", "met"],
    ["中心季度测\n评，统计汇\n总各阶段各\n类测评考核\n情况及通报", "100%", 2, 2, "市政务服务大厅日常管理", "met"],
    ["行政审批局\n“政务服务\n标准化”创\n建工作通过\n省级验收", "通过初评", 3, 2, "市政务服务大厅标准化建设工作", "partial"],
    ["100%完成", "90%完成", 3, 2, "负责政务服务系统的管理与维护", "partial"],
    ["培训率\n100%、考核\n率 100%", "完成", 2, 2, "对窗口工作人员进行日常管理、教育培训和督查考核", "met"],
    ["≧4 次", "≧4次", 2, 2, "组织代办员培训", "met"],
    ["按比例评比\n产生优秀窗\n口，服务标\n兵，全年\n12次", "完成", 2, 2, "对窗口工作人员进行日常管理和督查考核", "met"],
    ["100%完成", "100%完成", 2, 2, "负责审批大厅网络系统及终端设备的建设", "met"],
    ["完成", "完成", 3, 3, "市、镇、村三级“一窗综合”受理平台建设", "met"],
  ])("%j | %j | %p | %p → %s", (target, actual, weight, score, indicator, status) => {
    expect(judge(row(target, actual, weight, score, indicator)).status).toBe(status);
  });

  it("100%完成 against 90%完成 is 0.9 of the weight", () => {
    const j = judge(row("100%完成", "90%完成", 3, 2));
    expect(j).toMatchObject({ status: "partial", quantitative: true, ratio: 0.9, suggestedScore: 2.7 });
  });

  it("通过初评 against a 通过省级验收 target, 2 of 3: partial, with no band inferred from the score itself", () => {
    const j = judge(row("创建工作通过省级验收", "通过初评", 3, 2));
    expect(j.status).toBe("partial");
    expect(j.quantitative).toBe(false);
    expect(j.band).toBeUndefined();
  });
});

describe("judgeRow: same text", () => {
  it.each<[string, string]>([
    ["≥95%", "≥95%"],
    ["健全", "健全"],
    ["小于 5%", "小于5%"],
    ["办件量大于 30000 件", "办件量大于30000件"],
    ["合 理", "合理"],
    ["无", "无"],
    ["否", "否"],
    ["≥９５％", "≥95%"],
  ])("%j = %j → met", (target, actual) => {
    expect(judge(row(target, actual, 2, 2)).status).toBe("met");
  });

  it("a quantitative same-text row has ratio 1 and the full weight as suggestion", () => {
    expect(judge(row("≥95%", "≥95%", 4, 4))).toMatchObject({ status: "met", quantitative: true, ratio: 1, suggestedScore: 4 });
  });

  it("a qualitative same-text row carries the met band", () => {
    expect(judge(row("健全", "健全", 5, 5))).toMatchObject({ status: "met", quantitative: false, band: [4, 5] });
  });

  it("an actual written with the target's strict comparator meets it", () => {
    expect(judge(row("办件量大于30000件", "大于30000件")).status).toBe("met");
    expect(judge(row("小于5%", "<5%", 2, 2, "投诉率")).status).toBe("met");
  });
});

describe("judgeRow: at least (正向)", () => {
  it.each<[CellValue, CellValue, Status, number, number | undefined]>([
    // target, actual, status, ratio, suggested score for weight 10
    ["≥95%", "96%", "met", 1.0105, 10],
    ["≥95%", "95%", "met", 1, 10],
    ["95%", "98.5%", "met", 1.0368, 10],
    ["100", "80", "partial", 0.8, 8],
    ["100", "60", "partial", 0.6, 6],
    ["100", "59", "unmet", 0.59, 5.9],
    ["100", "0", "unmet", 0, 0],
    ["≥2次", "1次", "unmet", 0.5, 5],
    ["≥2次", "3", "met", 1.5, 10],
    ["不少于12次", "10次", "partial", 0.8333, 8.33],
    ["95%以上", "94%", "partial", 0.9895, 9.89],
    ["3万人次", "36000人次", "met", 1.2, 10],
    ["10000万元", "0.8亿元", "partial", 0.8, 8],
    ["2小时", "90分钟", "partial", 0.75, 7.5],
  ])("target %j actual %j → %s", (target, actual, status, ratio, suggested) => {
    const j = judge(row(target, actual, 10, 10));
    expect(j.quantitative).toBe(true);
    expect(j.status).toBe(status);
    expect(j.ratio).toBeCloseTo(ratio, 4);
    expect(j.suggestedScore).toBe(suggested);
  });

  it("strictly greater: equal is not met unless written with the same comparator", () => {
    const j = judge(row("大于30000件", "30000件", 2, 2));
    expect(j.status).toBe("partial");
    expect(j.ratio).toBe(1);
    expect(judge(row("大于30000件", "30001件", 2, 2)).status).toBe("met");
    expect(judge(row("大于30000件", "大于30000件", 2, 2)).status).toBe("met");
  });

  it("an actual written with the opposite strict comparator does not reach the target", () => {
    expect(judge(row("≥95%", "<95%", 2, 2)).status).toBe("partial");
    expect(judge(row("≥95%", "≤95%", 2, 2)).status).toBe("met");
    expect(judge(row("≤5%", ">5%", 2, 2)).status).toBe("partial");
    expect(judge(row("≥95%", "高于96%", 2, 2)).status).toBe("met");
  });

  it("the unmet threshold is the top of the profile's unmet band", () => {
    const strict: ScoringProfile = { ...NATIONAL_PROFILE, qualitativeBands: { ...NATIONAL_PROFILE.qualitativeBands, unmet: [0, 0.9] } };
    expect(judge(row("100", "85"), NATIONAL_PROFILE).status).toBe("partial");
    expect(judge(row("100", "85"), strict).status).toBe("unmet");
  });

  it("percent cells stored as numbers with a % format are read as shown", () => {
    const j = judge(row(0.95, 0.985, 2, 2, "支出预算执行率", { target: "0%", actual: "0.0%" }));
    expect(j).toMatchObject({ status: "met", quantitative: true, ratio: 1.0368 });
    expect(judge(row("95%", 0.9, 2, 2, "x", { actual: "0%" }))).toMatchObject({ status: "partial", ratio: 0.9474, suggestedScore: 1.89 });
  });

  it("a fraction without its % format is read against a percent target", () => {
    expect(judge(row("95%", 0.96)).status).toBe("met");
    expect(judge(row("100%", 0.9, 2, 2)).ratio).toBe(0.9);
  });

  it("a target and result in units that do not compare are judged as text", () => {
    const j = judge(row("≥2次", "3人", 2, 2));
    expect(j.quantitative).toBe(false);
    expect(j.status).toBe("review");
    expect(judge(row("95%", "3次", 2, 1.5)).status).toBe("partial");
    expect(judge(row("≥3天", "2个工作日", 2, 2)).status).toBe("review");
  });

  it("without a numeric weight there is no suggested score", () => {
    const j = judge(row("100", "80", "待定", 1));
    expect(j.status).toBe("partial");
    expect(j.ratio).toBe(0.8);
    expect(j.suggestedScore).toBeUndefined();
  });
});

describe("judgeRow: exactly (=)", () => {
  it.each<[string, CellValue, Status, number | undefined]>([
    ["=0", "0", "met", 4],
    ["=0起", "0起", "met", 4],
    ["=0", "-1", "met", 4],
    ["=0", "1", "unmet", 0],
    ["等于0", "2起", "unmet", 0],
    ["=100%", "100%", "met", 4],
    ["足额保障率=100%", "98%", "partial", 3.92],
    ["=100%", "110%", "met", 4],
    ["=100%", "50%", "unmet", 2],
  ])("target %j actual %j → %s, %p", (target, actual, status, suggested) => {
    const j = judge(row(target, actual, 4, 4));
    expect(j.status).toBe(status);
    expect(j.suggestedScore).toBe(suggested);
    expect(j.quantitative).toBe(true);
  });
});

describe("judgeRow: at most (反向)", () => {
  it.each<[string, string, CellValue, Status, number, number, number]>([
    // indicator, target, actual, status, ratio, linear suggestion, ratio suggestion (weight 10)
    ["群众投诉率", "≤5%", "4%", "met", 1.25, 10, 10],
    ["群众投诉率", "5%", "5%", "met", 1, 10, 10],
    ["群众投诉率", "5%", "6%", "partial", 0.8333, 8, 8.33],
    ["群众投诉率", "5%", "8%", "partial", 0.625, 4, 6.25],
    ["群众投诉率", "5%", "9%", "unmet", 0.5556, 2, 5.56],
    ["群众投诉率", "5%", "10%", "unmet", 0.5, 0, 5],
    ["群众投诉率", "5%", "20%", "unmet", 0.25, 0, 2.5],
    ["办结时限", "3个工作日", "4个工作日", "partial", 0.75, 6.67, 7.5],
    ["办结时限", "3个工作日内", "2个工作日", "met", 1.5, 10, 10],
    ["指标", "不超过2小时", "150分钟", "partial", 0.8, 7.5, 8],
    ["审批差错率", "低于1%", "0.5%", "met", 2, 10, 10],
  ])("%s: target %j actual %j", (indicator, target, actual, status, ratio, linear, byRatio) => {
    const linearRow = judge(row(target, actual, 10, 10, indicator), NATIONAL_PROFILE);
    expect(linearRow.quantitative).toBe(true);
    expect(linearRow.status).toBe(status);
    expect(linearRow.ratio).toBeCloseTo(ratio, 4);
    expect(linearRow.suggestedScore).toBe(linear);
    const ratioRow = judge(row(target, actual, 10, 10, indicator), RATIO_PROFILE);
    expect(ratioRow.status).toBe(status);
    expect(ratioRow.suggestedScore).toBe(byRatio);
  });

  it("a bare target of a non-reverse indicator is at least, of a reverse one at most", () => {
    expect(judge(row("5%", "6%", 10, 10, "覆盖率")).status).toBe("met");
    expect(judge(row("5%", "6%", 10, 10, "投诉率")).status).toBe("partial");
  });

  it("the judge reads the row's reverse flag even when the target was parsed without it", () => {
    const r = row("5%", "6%", 10, 10, "覆盖率");
    expect(judge({ ...r, reverse: true }).status).toBe("partial");
    expect(judge({ ...r, reverse: true }).suggestedScore).toBe(8);
  });

  it("a target of 0 at most is met only by 0", () => {
    expect(judge(row("0起", "0起", 2, 2, "安全事故发生次数")).status).toBe("met");
    expect(judge(row("0", "0", 2, 2, "安全事故发生次数")).status).toBe("met");
    expect(judge(row("0", "1", 2, 2, "安全事故发生次数"))).toMatchObject({ status: "unmet", ratio: 0, suggestedScore: 0 });
  });

  it("strictly less: equal is not met unless written with the same comparator", () => {
    expect(judge(row("小于5%", "5%", 2, 2, "投诉率")).status).toBe("partial");
    expect(judge(row("小于5%", "小于5%", 2, 2, "投诉率")).status).toBe("met");
    expect(judge(row("小于5%", "4.9%", 2, 2, "投诉率")).status).toBe("met");
  });
});

describe("judgeRow: several numbers", () => {
  it("pairwise when they line up: met only when every pair is", () => {
    expect(judge(row("培训率100%、考核率100%", "培训率100%、考核率100%")).status).toBe("met");
    expect(judge(row("培训率95%、考核率90%", "培训率96%、考核率92%"))).toMatchObject({ status: "met", quantitative: true });
    const j = judge(row("培训率100%、考核率100%", "培训率100%、考核率80%", 10, 9));
    expect(j).toMatchObject({ status: "partial", quantitative: true, ratio: 0.9, suggestedScore: 9 });
  });

  it("each pair keeps its own comparator and unit", () => {
    const j = judge(row("≥10次;≤3个工作日", "12次;5个工作日", 10, 8));
    expect(j.quantitative).toBe(true);
    expect(j.status).toBe("partial");
    // pair 1 met (share 1), pair 2 at most 3, actual 5: linear 1 − 2/3
    expect(j.suggestedScore).toBe(6.67);
  });

  it("judged as text when they do not line up", () => {
    const j = judge(row("培训率100%、考核率100%", "100%", 2, 2));
    expect(j.quantitative).toBe(false);
    expect(j.status).toBe("met"); // the completion word 100%
    expect(judge(row("培训率100%、考核率100%", "培训率100%", 2, 2)).status).toBe("review");
    expect(judge(row("培训率100%、考核率100%", "培训率100%", 2, 1.5)).status).toBe("partial");
    expect(judge(row("培训率100%、考核次数4次", "培训率100%、考核率100%", 2, 2)).status).toBe("review");
  });
});

describe("judgeRow: qualitative", () => {
  it.each<[string, string, Status, [number, number]]>([
    ["根据文件落实全年工作", "完成", "met", [4, 5]],
    ["≥95%", "已完成", "met", [4, 5]],
    ["健全", "达到", "met", [4, 5]],
    ["中心季度测评及通报", "100%", "met", [4, 5]],
    ["按时上线", "是", "met", [4, 5]],
    ["健全", "基本健全", "partial", [3, 4]],
    ["100%", "基本完成", "partial", [3, 4]],
    ["有效", "较好", "partial", [3, 4]],
    ["达成年度指标", "部分达成年度指标并具有一定效果", "partial", [3, 4]],
    ["完成", "未完成", "unmet", [0, 3]],
    ["通过验收", "未通过", "unmet", [0, 3]],
    ["建立制度", "无", "unmet", [0, 3]],
    ["按时上线", "否", "unmet", [0, 3]],
    ["无安全事故", "无", "met", [4, 5]],
    ["0起", "无", "met", [4, 5]],
    ["无", "0", "met", [4, 5]],
    ["否", "是", "unmet", [0, 3]],
    ["无", "有", "unmet", [0, 3]],
  ])("target %j actual %j → %s", (target, actual, status, band) => {
    const j = judge(row(target, actual, 5, 5, "安全生产"));
    expect(j.status).toBe(status);
    expect(j.quantitative).toBe(false);
    expect(j.band).toEqual(band);
  });

  it("the band follows the profile's bands", () => {
    const p: ScoringProfile = { ...NATIONAL_PROFILE, qualitativeBands: { met: [0.9, 1], partial: [0.5, 0.9], unmet: [0, 0.5] } };
    expect(judge(row("健全", "基本健全", 10, 7), p).band).toEqual([5, 9]);
  });

  it("no band without a numeric weight", () => {
    expect(judge(row("健全", "完成", null, 2)).band).toBeUndefined();
    expect(judge(row("健全", "完成", null, 2)).status).toBe("met");
  });

  it("whole words only: 通过初评 is not 通过", () => {
    expect(judge(row("通过省级验收", "通过初评", 3, 3)).status).toBe("review");
  });

  it("differing text: review at full score, partial or unmet when deducted", () => {
    expect(judge(row("通过省级验收", "通过初评", 3, 3)).status).toBe("review");
    expect(judge(row("通过省级验收", "通过初评", 3, 2)).status).toBe("partial");
    expect(judge(row("通过省级验收", "通过初评", 3, 1)).status).toBe("unmet");
    expect(judge(row("通过省级验收", "通过初评", 3, "#REF!")).status).toBe("review");
  });
});

describe("judgeRow: rows that do not apply and missing values", () => {
  it.each<[CellValue, CellValue, CellValue, CellValue]>([
    ["/", "/", "/", "/"],
    ["—", "—", null, null],
    ["无", "无", "无", "无"],
    ["不适用", "不适用", "/", "/"],
    ["/", null, null, null],
    ["－", "-", "—", "—"],
  ])("%j | %j | %j | %j → notApplicable", (target, actual, weight, score) => {
    expect(judge(row(target, actual, weight, score))).toMatchObject({ status: "notApplicable", quantitative: false });
  });

  it.each<[CellValue, CellValue, CellValue, CellValue, Status]>([
    ["/", "/", 2, 2, "review"],
    ["无", "无", 2, 2, "met"],
    ["/", "完成", 2, 2, "met"],
    ["100%", "/", 2, 2, "review"],
    ["100%", null, 2, 2, "review"],
    ["100%", "—", "/", "/", "review"],
    [null, null, null, null, "review"],
    [null, "完成", 2, 2, "met"],
    [null, "95%", 2, 2, "review"],
    ["#REF!", "#REF!", 2, 2, "review"],
    ["95%", "#N/A", 2, 2, "review"],
  ])("%j | %j | %j | %j → %s", (target, actual, weight, score, status) => {
    expect(judge(row(target, actual, weight, score)).status).toBe(status);
  });
});

describe("judgeRow: keeps the row and never throws", () => {
  it("returns the row's own fields", () => {
    const r = row("≥95%", "96%", 2, 2, "支出预算执行率");
    const j = judge(r);
    expect(j).toMatchObject({ row: 7, level1: "产出指标", level2: "数量指标", indicator: "支出预算执行率", target: r.target, actual: r.actual });
  });

  it("survives values no parser produced", () => {
    const broken = {
      ...row("≥95%", "96%"),
      target: { text: "≥95%", kind: "number", value: NaN, values: [NaN, 1] },
      actual: { text: undefined as unknown as string, kind: "number", value: Infinity },
    } as IndicatorRow;
    expect(() => judge(broken)).not.toThrow();
    expect(judge(broken).status).toBe("review");
  });
});
