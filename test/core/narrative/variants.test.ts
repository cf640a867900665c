/**
 * Variants of the seed's sentences, each through the whole engine on a workbook built in the
 * test: a wrong composite score, a wrong grade, a growth rate off by 0.1, a decrease, 元 vs
 * 万元, full-width digits, a sentence broken over two cells, over two rows, over two lines.
 * The seed's own 收入 shortfall stays in each (one NARRATIVE_SUM_MISMATCH) unless the variant mends it.
 */
import { checkWorkbook, edited, narrativeCodes, seedFormWorkbook, seedParagraphs } from "../../builders/narrative";
import { readFigures } from "../../../src/core/narrative/figures";
import { NARRATIVE_RATE_MISMATCH } from "../../../src/core/rules/NARRATIVE_RATE_MISMATCH";
import { NARRATIVE_GROWTH_MISMATCH } from "../../../src/core/rules/NARRATIVE_GROWTH_MISMATCH";
import { context, row } from "../../rules/context";

const SEED = seedParagraphs();
const SHORTFALL = "NARRATIVE_SUM_MISMATCH";
/** The seed with 收入总计 mended (3587.32 is what its components add up to), for variants that must raise nothing. */
const MENDED = edited(SEED, "（一）收入总计 3625.29 万元", "（一）收入总计 3587.32 万元");

const run = (paragraphs: (string | string[])[]) => checkWorkbook(seedFormWorkbook(paragraphs));
const rowOf = (paragraphs: string[], needle: string) => 3 + paragraphs.findIndex((p) => p.includes(needle));

test("the mended seed raises no narrative finding", async () => {
  expect(narrativeCodes(await run(MENDED))).toEqual([]);
});

test("a wrong composite score: 95 against the table's 98 is an error on its cell", async () => {
  const paragraphs = edited(SEED, "综合得分 98 分", "综合得分 95 分");
  const r = await run(paragraphs);
  expect(narrativeCodes(r)).toEqual(["NARRATIVE_SCORE_MISMATCH", SHORTFALL]);
  const f = r.findings.find((x) => x.code === "NARRATIVE_SCORE_MISMATCH")!;
  expect(f).toMatchObject({ severity: "error", sheet: "自评价表", cell: `B${rowOf(paragraphs, "综合得分")}` });
  expect(f.message.zh).toBe("叙述中的综合得分 95 分与指标表得分合计 98 分不一致");
  expect(f.quote).toContain("综合得分95分");
});

test("a wrong grade: 良好 against 优 (98) is an error", async () => {
  const r = await run(edited(SEED, "等级为“优秀”", "等级为“良好”"));
  expect(narrativeCodes(r)).toEqual(["NARRATIVE_GRADE_MISMATCH", SHORTFALL]);
  expect(r.findings.find((x) => x.code === "NARRATIVE_GRADE_MISMATCH")!.message.zh).toBe(
    "叙述中的等级“良好”与指标表得分合计 98 分对应的等级“优”不一致",
  );
});

test("a growth rate off by 0.1: 19.33 % where 584.58 ÷ 3040.71 is 19.23 %", async () => {
  const paragraphs = edited(SEED, "增长 19.23%", "增长 19.33%");
  const r = await run(paragraphs);
  expect(narrativeCodes(r)).toEqual([SHORTFALL, "NARRATIVE_GROWTH_MISMATCH"]);
  const f = r.findings.find((x) => x.code === "NARRATIVE_GROWTH_MISMATCH")!;
  expect(f.severity).toBe("warning");
  expect(f.cell).toBe(`B${rowOf(paragraphs, "19.33%")}`);
  expect(f.message.zh).toBe("叙述中的增长 19.33% 应为 19.23%：584.58 ÷ 上年数 3040.71（3625.29 − 584.58）");
});

test("a rate off by less than 0.01 point holds; 18.04 % for 18.05 % (541.58 ÷ 3000.74 = 18.048 %) holds, 18.03 % does not", async () => {
  expect(narrativeCodes(await run(edited(MENDED, "增长 18.05%", "增长 18.04%")))).toEqual([]);
  expect(narrativeCodes(await run(edited(MENDED, "增长 18.05%", "增长 18.03%")))).toEqual(["NARRATIVE_GROWTH_MISMATCH"]);
});

test("a decrease: 减少 A, 下降 B % is A ÷ (amount + A)", async () => {
  const holds = edited(MENDED, "与上年相比增加 555.19 万元，增长 18.49%", "与上年相比减少 395.37 万元，下降 10%");
  const r1 = await run(holds);
  expect(narrativeCodes(r1)).toEqual([]);
  const change = r1.narrative!.changes.find((c) => c.change.role === "decrease")!;
  expect([change.base.value, change.change.value, change.rate!.value]).toEqual([3557.93, 395.37, 10]);
  // 395.37 ÷ (3557.93 + 395.37) = 10.00 %; read as an increase it would be 12.50 %.
  const r2 = await run(edited(MENDED, "与上年相比增加 555.19 万元，增长 18.49%", "与上年相比减少 395.37 万元，下降 12.5%"));
  expect(narrativeCodes(r2)).toEqual(["NARRATIVE_GROWTH_MISMATCH"]);
  expect(r2.findings[r2.findings.length - 1].message.zh).toBe("叙述中的下降 12.5% 应为 10%：395.37 ÷ 上年数 3953.3（3557.93 + 395.37）");
});

test("元 and 万元: a total in 元 with thousands separators against components in 万元 and 元", async () => {
  const inYuan = edited(SEED, "（一）收入总计 3625.29 万元", "（一）收入总计 35,873,200.00 元");
  expect(narrativeCodes(await run(inYuan))).toEqual([]);
  const mixed = edited(MENDED, "政府性基金预算财政拨款收入 45 万元", "政府性基金预算财政拨款收入 450,000 元");
  expect(narrativeCodes(await run(mixed))).toEqual([]);
  const wrong = edited(SEED, "（一）收入总计 3625.29 万元", "（一）收入总计 36,252,900 元");
  const r = await run(wrong);
  expect(narrativeCodes(r)).toEqual([SHORTFALL]);
  expect(r.findings.find((f) => f.code === SHORTFALL)!.message.zh).toContain("相差 379700元");
  // A change in 元 against an amount in 万元: 5,415,800 元 on 3542.32 万元 is still 18.05 %.
  expect(narrativeCodes(await run(edited(MENDED, "增加 541.58 万元", "增加 5,415,800 元")))).toEqual([]);
  // 亿元 too: 0.3587 亿元 against components of 3587.32 万元 (0.358732 亿元) agree to a cent of the total's unit.
  expect(narrativeCodes(await run(edited(MENDED, "（一）收入总计 3587.32 万元", "（一）收入总计 0.3587 亿元")))).toEqual([]);
});

test("full-width digits, point and percent", async () => {
  expect(narrativeCodes(await run(edited(MENDED, "综合得分 98 分", "综合得分 ９８ 分")))).toEqual([]);
  expect(narrativeCodes(await run(edited(MENDED, "综合得分 98 分", "综合得分 ９５ 分")))).toEqual(["NARRATIVE_SCORE_MISMATCH"]);
  const r = await run(edited(MENDED, "增长 19.23%", "增长 １９．２３％"));
  expect(narrativeCodes(r)).toEqual([]);
  expect(r.narrative!.changes[0].rate!.value).toBe(19.23);
  expect(narrativeCodes(await run(edited(MENDED, "增长 19.23%", "增长 １９．３３％")))).toEqual(["NARRATIVE_GROWTH_MISMATCH"]);
});

test("a sentence broken over two cells of a row, a number split between them: the finding names the cell where the figure starts", async () => {
  const i = SEED.findIndex((p) => p.startsWith("（一）收入总计"));
  const split: (string | string[])[] = [...SEED];
  split[i] = ["（一）收入总计 3625.", "29 万元。包括："];
  const r = await run(split);
  expect(narrativeCodes(r)).toEqual([SHORTFALL]);
  expect(r.findings.find((f) => f.code === SHORTFALL)).toMatchObject({ sheet: "自评价表", cell: `B${3 + i}` });
  expect(r.narrative!.sums[0].total.value).toBe(3625.29);
});

test("a sentence broken over two rows (the PDF's lines pasted a line a cell)", async () => {
  const i = SEED.findIndex((p) => p.startsWith("二、部门收支基本情况"));
  const p = SEED[i];
  const cut = p.indexOf("19.23%") + 3; // "19." | "23%"
  const lines = [...SEED.slice(0, i), p.slice(0, cut), p.slice(cut), ...SEED.slice(i + 1)];
  const r = await run(lines);
  expect(r.narrative!.changes[0].rate!.value).toBe(19.23);
  expect(r.narrative!.changes[0].rate!.source).toEqual({ kind: "cell", sheet: "自评价表", row: 3 + i, col: 2 });
  expect(narrativeCodes(await run(edited(lines, "增长 19.", "增长 20.")))).toEqual([SHORTFALL, "NARRATIVE_GROWTH_MISMATCH"]);
});

test("a number broken over two lines of one cell", async () => {
  const r = await run(edited(MENDED, "收入 3542.32 万元", "收入 3542.\n32 万\n元"));
  expect(r.narrative!.sums[0].components[0].value).toBe(3542.32);
  expect(narrativeCodes(r)).toEqual([]);
});

test("the narrative above the table on its own sheet is read too, the table's cells are not", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  ws.getCell("A1").value = "三、评价结论：经综合评价，得出 2020 年度部门整体支出绩效评价综合得分 90 分，等级为“良好”。";
  ws.getRow(3).values = ["一级指标", "二级指标", "三级指标", "目标值", "完成情况", "权重", "得分"];
  ws.getRow(4).values = ["产出", "数量", "办件量", "≥30000件", "32000件", 60, 60];
  ws.getRow(5).values = ["效益", "满意度", "满意度", "≥95%", "98%", 40, 40];
  ws.getRow(6).values = ["总分", null, null, null, null, 100, 100];
  ws.getRow(7).values = ["评价等级", null, null, null, null, "优"];
  const r = await checkWorkbook(wb);
  expect(r.findings.map((f) => [f.code, f.cell, f.sheet])).toEqual([
    ["NARRATIVE_SCORE_MISMATCH", "A1", "自评表"],
    ["NARRATIVE_GRADE_MISMATCH", "A1", "自评表"],
  ]);
  // On the table's sheet the narrative cell is flagged through the plan's ordinary writes.
  expect(r.plan.writes.filter((w) => w.purpose === "flag").map((w) => [w.row, w.col, w.fill])).toEqual([[1, 1, "FFC7CE"]]);
  expect(r.plan.narrativeMarks).toBeUndefined();
});

describe("the rules on hand-built contexts", () => {
  test("a stated execution rate against the table's 预算执行率 row", () => {
    const budget = { row: 4, budget: 100, spent: 95, weight: 10, rate: 0.95, score: 9.5, rateCol: 7, scoreCol: 8 };
    expect(NARRATIVE_RATE_MISMATCH.check(context({ budget, narrative: ["全年预算执行率为 95%。"] }))).toEqual([]);
    expect(NARRATIVE_RATE_MISMATCH.check(context({ budget, narrative: ["全年预算执行率为 95.004%。"] }))).toEqual([]);
    const [f, ...rest] = NARRATIVE_RATE_MISMATCH.check(context({ budget, narrative: ["全年预算执行率为 96.5%。"] }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ sheet: "自评价表", row: 3, cell: "B3", quote: "全年预算执行率为96.5%。", data: { stated: 96.5, table: 95, row: 4 } });
  });

  test("the execution rate of a 预算执行率 indicator read as a plain percent, when there is no budget row", () => {
    const rows = [row(5, { indicator: "预算执行率", target: "100%", actual: "92%" })];
    rows[0].actual = { text: "92%", kind: "number", value: 92, values: [92], percent: true };
    expect(NARRATIVE_RATE_MISMATCH.check(context({ rows, narrative: ["预算执行率 92%"] }))).toEqual([]);
    expect(NARRATIVE_RATE_MISMATCH.check(context({ rows, narrative: ["预算执行率 93%"] }))).toHaveLength(1);
    // A target is not a statement of the rate reached.
    expect(NARRATIVE_RATE_MISMATCH.check(context({ rows, narrative: ["年度目标：预算执行率达到 100%。"] }))).toEqual([]);
    // No rate in the table: nothing to compare.
    expect(NARRATIVE_RATE_MISMATCH.check(context({ narrative: ["预算执行率 93%"] }))).toEqual([]);
  });

  test("a rate written to a whole percent is read to its precision: 19 % for 19.23 % holds, 20 % does not", () => {
    const at = (rate: string) => NARRATIVE_GROWTH_MISMATCH.check(context({ narrative: [`收入 3625.29 万元，与上年相比增加 584.58 万元，增长 ${rate}。`] }));
    expect(at("19%")).toEqual([]);
    expect(at("20%")).toHaveLength(1);
  });

  test("no rate to check when last year was 0 (增加 45，上年决算数为 0 万元，无法计算比率)", () => {
    const n = readFigures([{ text: "城乡社区（类）支出 45 万元。与上年相比增加 45 万元，上年决算数为 0 万元，无法计算比率。", source: { kind: "report", paragraph: 1 } }]);
    expect(n.changes).toHaveLength(1);
    expect(n.changes[0].rate).toBeUndefined();
    expect(n.changes[0].noRate!.text).toContain("无法计算比率");
  });
});
