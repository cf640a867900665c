/**
 * The seed form's own sentences (部门收支基本情况 and 评价结论), each check holding or
 * failing as it does in the seed: 3557.93 + 45 + 22.36 = 3625.29 holds; 584.58 ÷ (3625.29 −
 * 584.58) = 19.23 % holds (and 18.05 %, 18.49 %); 45 with last year 0 has no rate to check;
 * 98 分 and 优秀 match the table; the listed 收入 components 3542.32 + 45 = 3587.32 fall
 * 37.97 short of 收入总计 3625.29.
 */
import { checkWorkbook, seedFormWorkbook, seedParagraphs } from "../../builders/narrative";
import type { CheckResult } from "../../../src/core/types";

let result: CheckResult;
beforeAll(async () => {
  result = await checkWorkbook(seedFormWorkbook());
});

const rowOf = (needle: string) => 3 + seedParagraphs().findIndex((p) => p.includes(needle));

test("the narrative is found on its own sheet, the table on its sheet", () => {
  expect(result.layout.sheet).toBe("Sheet1");
  expect(result.narrative).toBeDefined();
  const sheets = new Set(result.narrative!.blocks.map((b) => (b.source.kind === "cell" ? b.source.sheet : "")));
  expect([...sheets]).toEqual(["自评价表"]);
});

test("the two totals and their listed components", () => {
  const sums = result.narrative!.sums.map((s) => [s.total.label, s.total.value, s.components.map((c) => [c.label, c.value])]);
  expect(sums).toEqual([
    ["收入总计", 3625.29, [["一般公共预算财政拨款收入", 3542.32], ["政府性基金预算财政拨款收入", 45]]],
    ["支出总计", 3625.29, [["一般公共服务（类）支出", 3557.93], ["城乡社区（类）支出", 45], ["年末结转和结余", 22.36]]],
  ]);
});

test("the five changes on last year, with their rates or none", () => {
  const changes = result.narrative!.changes.map((c) => [c.base.value, c.change.role, c.change.value, c.rate?.value ?? (c.noRate ? "none" : undefined)]);
  expect(changes).toEqual([
    [3625.29, "increase", 584.58, 19.23],
    [3542.32, "increase", 541.58, 18.05],
    [45, "increase", 45, "none"],
    [3557.93, "increase", 555.19, 18.49],
    [45, "increase", 45, "none"],
  ]);
});

test("the composite score and grade of 评价结论", () => {
  expect(result.narrative!.scores.map((s) => s.value)).toEqual([98]);
  expect(result.narrative!.grades.map((g) => [g.text, g.grade])).toEqual([["优秀", "优"]]);
  expect(result.narrative!.scores[0].source).toEqual({ kind: "cell", sheet: "自评价表", row: rowOf("综合得分"), col: 2 });
});

test("exactly one narrative finding: 收入 components fall 37.97 short, on the 收入总计 cell, quoting its sentence", () => {
  const narrative = result.findings.filter((f) => f.code.startsWith("NARRATIVE_"));
  expect(narrative).toHaveLength(1);
  const [f] = narrative;
  expect(f).toMatchObject({ code: "NARRATIVE_SUM_MISMATCH", severity: "warning", sheet: "自评价表", row: rowOf("（一）收入总计"), cell: `B${rowOf("（一）收入总计")}` });
  expect(f.message.zh).toContain("3587.32");
  expect(f.message.zh).toContain("相差 37.97万元");
  expect(f.message.en).toContain("37.97");
  expect(f.quote).toBe("（一）收入总计3625.29万元。");
  expect(result.findings.filter((x) => x.severity === "error")).toEqual([]);
});

test("what holds, what does not, what cannot be checked", () => {
  const checks = result.narrative!.checks!.map((c) => [c.code, c.status]);
  expect(checks).toEqual([
    ["NARRATIVE_SUM_MISMATCH", "fails"],
    ["NARRATIVE_SUM_MISMATCH", "holds"],
    ["NARRATIVE_GROWTH_MISMATCH", "holds"],
    ["NARRATIVE_GROWTH_MISMATCH", "holds"],
    ["NARRATIVE_GROWTH_MISMATCH", "unchecked"],
    ["NARRATIVE_GROWTH_MISMATCH", "holds"],
    ["NARRATIVE_GROWTH_MISMATCH", "unchecked"],
    ["NARRATIVE_SCORE_MISMATCH", "holds"],
    ["NARRATIVE_GRADE_MISMATCH", "holds"],
  ]);
});

test("the write plan flags the 收入总计 cell on the narrative sheet, and nothing else there", () => {
  const marks = result.plan.narrativeMarks ?? [];
  expect(marks).toEqual([
    { sheet: "自评价表", row: rowOf("（一）收入总计"), col: 2, fill: "FFEB9C", note: expect.stringContaining("NARRATIVE_SUM_MISMATCH") },
  ]);
  // Not on the table's sheet: no write lands on B5 of Sheet1 for it.
  expect(result.plan.writes.filter((w) => w.purpose === "flag")).toEqual([]);
  // The table's summary cell lists it.
  expect(result.plan.writes.some((w) => typeof w.value === "string" && w.value.includes("37.97"))).toBe(true);
});
