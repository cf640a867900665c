import { isOnlyWeightLabel, levelName, weightLabelOf } from "../../src/core/weightLabels";
import { isPlaceholderName, isSlotName, skippedSlotsMessage } from "../../src/core/templateSlots";
import { matchHeader } from "../../src/core/headers";

describe("weightLabelOf: points stated in a label's brackets", () => {
  test.each([
    ["年度绩效目标1(40分)", 40],
    ["年度绩效目标1（40分）", 40],
    ["产出指标（50分）", 50],
    ["（50分）", 50],
    ["预算执行情况(万元)(20分)", 20],
    ["得分(20分*执行率)", 20],
    ["得分（20分×执行率）", 20],
    ["分值(10分)", 10],
    ["相关性(2.5分)", 2.5],
    ["部门决策（满分25分）", 25],
    ["产出指标（５０分）", 50],
  ])("%s → %d", (text, points) => expect(weightLabelOf(text)).toBe(points));

  test.each(["产出指标", "执行率(B/A)", "预算数(A)", "满意度（≥90分）", "群众评议(90分以上)", "第2项(3分)以后", "(1)(2分)x", "考评(不低于85分)", "得分"])(
    "%s states no points",
    (text) => expect(weightLabelOf(text)).toBeUndefined(),
  );

  test("a level name without its points; a cell holding only points", () => {
    expect(levelName("产出指标（50分）")).toBe("产出指标");
    expect(levelName("产出指标")).toBe("产出指标");
    expect(isOnlyWeightLabel("（50分）")).toBe(true);
    expect(isOnlyWeightLabel(" (20分) ")).toBe(true);
    expect(isOnlyWeightLabel("产出指标（50分）")).toBe(false);
  });

  test("a block label with points is not a header; a weight or score header keeps its points", () => {
    expect(matchHeader("年度绩效目标1(40分)")).toBeUndefined();
    expect(matchHeader("预算执行情况(万元)(20分)")).toBeUndefined();
    expect(matchHeader("年初目标值(A)")).toMatchObject({ role: "target" });
    expect(matchHeader("得分(20分*执行率)")).toMatchObject({ role: "score" });
    expect(matchHeader("考核分值(100分)")).toMatchObject({ role: "weight" });
  });
});

describe("template slot names", () => {
  test.each(["", "指标1：", "指标2:", "指标N：", "指标１：", "……", "…", "......", "其他", "其它", "/", "／", "—"])("%j is a placeholder", (name) => {
    expect(isPlaceholderName(name)).toBe(true);
    expect(isSlotName(name)).toBe(true);
  });
  test.each(["指标1", "指标N", "服务对象满意度指标", "社会效益指标", "部门特性指标"])("%s is a slot name only when nothing else is filled in", (name) => {
    expect(isPlaceholderName(name)).toBe(false);
    expect(isSlotName(name)).toBe(true);
  });
  test.each(["指标1:租车次数(次)", "办件量", "其他收入增长率", "群众满意度"])("%s is a name", (name) => {
    expect(isSlotName(name)).toBe(false);
  });
  test("the message every host shows", () => {
    expect(skippedSlotsMessage([])).toBeUndefined();
    expect(skippedSlotsMessage([12])).toEqual({ zh: "1 个空白模板行未计入（第 12 行）", en: "1 empty template row left out (row 12)" });
    expect(skippedSlotsMessage([1, 2, 3, 4, 5, 6, 7, 8, 9])?.zh).toBe("9 个空白模板行未计入（第 1、2、3、4、5、6、7、8 行等）");
  });
});
