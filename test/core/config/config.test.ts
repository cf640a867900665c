/**
 * Rule configs: each preset, each override changing a verdict on a table built in the
 * test, severities (off and changed), and every invalid config refused with its path.
 */
import ExcelJS from "exceljs";
import { check } from "../../../src/core/check";
import { parseRuleConfig } from "../../../src/core/config/parse";
import { validateRuleConfig } from "../../../src/core/config/validate";
import { NATIONAL_PROFILE, RATIO_PROFILE } from "../../../src/core/profile";
import type { CheckResult, ScoringProfile } from "../../../src/core/types";
import { readXlsxBuffer } from "../../../src/xlsx/read";
import { projectTable } from "../../builders/layouts";
import { validRows, type RowSpec, type TableSpec } from "../../builders/table";
import { checkTable, codes } from "../../helpers/check";
import { INVALID_CONFIGS } from "./samples";

function profileOf(config: unknown): ScoringProfile {
  const parsed = parseRuleConfig(JSON.stringify(config), "scorecheck.config.json");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.profile;
}

/** Ten rows of weight 10; `scores` replaces their scores (total = their sum). */
function table(scores: number[], extra: Partial<TableSpec> = {}): TableSpec {
  const rows: RowSpec[] = validRows(10).map((r, i) => ({ ...r, score: scores[i] ?? r.score }));
  return { rows, total: "number", ...extra };
}

const scoresTotalling = (total: number) => Array.from({ length: 10 }, (_, i) => (i === 0 ? 10 - (100 - total) : 10));

async function checkWorkbook(wb: ExcelJS.Workbook, profile: ScoringProfile): Promise<CheckResult> {
  const { sheets } = await readXlsxBuffer((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const out = check(sheets, { profile });
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

describe("presets", () => {
  test("an empty config is the national preset (财预〔2020〕10号) under the config's name", () => {
    const p = profileOf({});
    expect({ ...p, name: "", label: null }).toEqual({ ...NATIONAL_PROFILE, name: "", label: null });
    expect(p.name).toBe("scorecheck.config.json");
    expect(profileOf({ name: "某市财政局 2025" }).label.zh).toMatch(/^某市财政局 2025（基于 全国通用/);
  });

  test("extends ratio: a reverse indicator is scored target ÷ actual × weight, not linearly", async () => {
    expect(profileOf({ extends: "ratio" }).reverseFormula).toBe(RATIO_PROFILE.reverseFormula);
    const rows = validRows(10);
    rows[0] = { ...rows[0], indicator: "投诉率", target: "≤5%", actual: "8%", score: 4 };
    const spec = { rows, total: "number" as const };
    const linear = await checkTable(spec, { profile: profileOf({}) });
    const ratio = await checkTable(spec, { profile: profileOf({ extends: "ratio" }) });
    expect(linear.rows[0].suggestedScore).toBeCloseTo(4); // 1 − (8 − 5) ÷ 5 = 0.4
    expect(ratio.rows[0].suggestedScore).toBeCloseTo(6.25); // 5 ÷ 8
  });
});

describe("each override changes a verdict", () => {
  test("grade thresholds: with 优 from 95 and 良 from 85, a total of 92 is 良 (national: 优), and the stated 优 is a mismatch", async () => {
    const spec = table(scoresTotalling(92), { grade: "优" });
    const national = await checkTable(spec);
    expect(national.totals.grade).toBe("优");
    expect(codes(national)).not.toContain("GRADE_MISMATCH");
    const strict = await checkTable(spec, { profile: profileOf({ grades: [{ name: "优", min: 95 }, { name: "良", min: 85 }, { name: "中", min: 60 }, { name: "差" }] }) });
    expect(strict.totals.grade).toBe("良");
    expect(codes(strict)).toContain("GRADE_MISMATCH");
  });

  test("grade names 优秀/良好/合格/不合格: reports use them, and a stated 优 reads as 优秀", async () => {
    const profile = profileOf({ grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }, { name: "不合格" }] });
    const r = await checkTable(table(scoresTotalling(92), { grade: "优" }), { profile });
    expect(r.totals.grade).toBe("优秀");
    expect(r.totals.statedGrade).toBe("优秀");
    expect(codes(r)).not.toContain("GRADE_MISMATCH");
    const low = await checkTable(table(scoresTotalling(55), { grade: "合格" }), { profile });
    expect(low.totals).toMatchObject({ grade: "不合格", statedGrade: "合格" });
    expect(low.findings.find((f) => f.code === "GRADE_MISMATCH")?.message.zh).toMatch(/不合格/);
  });

  test("a three-grade scale reads only its own names", async () => {
    const profile = profileOf({ grades: [{ name: "达标", min: 80 }, { name: "基本达标", min: 60 }, { name: "不达标" }] });
    const r = await checkTable(table(scoresTotalling(70), { grade: "等级：达标" }), { profile });
    expect(r.totals).toMatchObject({ grade: "基本达标", statedGrade: "达标" });
    expect(codes(r)).toContain("GRADE_MISMATCH");
  });

  test("qualitative bands: 基本完成 at 7 of 10 is in the national partial band, out of a 0.4–0.6 band", async () => {
    const rows = validRows(10);
    rows[0] = { ...rows[0], target: "完成", actual: "基本完成", score: 7 };
    const spec = { rows, total: "number" as const };
    expect(codes(await checkTable(spec))).not.toContain("SCORE_OUT_OF_BAND");
    const bands = { met: [0.8, 1], partial: [0.4, 0.6], unmet: [0, 0.4] };
    expect(codes(await checkTable(spec, { profile: profileOf({ qualitativeBands: bands }) }))).toContain("SCORE_OUT_OF_BAND");
  });

  test("reverse formula as an override, without extends", () => {
    expect(profileOf({ reverseFormula: "ratio" }).reverseFormula).toBe("ratio");
  });

  test("expected total: weights adding up to 100 are wrong where the total is 90", async () => {
    const spec = table([]);
    expect(codes(await checkTable(spec))).not.toContain("WEIGHT_TOTAL_NOT_100");
    expect(codes(await checkTable(spec, { profile: profileOf({ totalWeight: 90 }) }))).toContain("WEIGHT_TOTAL_NOT_100");
  });

  test("tolerance: a stated total 0.5 off is a mismatch at 0.01, accepted at 1", async () => {
    const spec = table([], { total: { weight: 100, score: 99.5 } });
    expect(codes(await checkTable(spec))).toContain("TOTAL_SCORE_MISMATCH");
    expect(codes(await checkTable(spec, { profile: profileOf({ tolerance: 1 }) }))).not.toContain("TOTAL_SCORE_MISMATCH");
  });

  test("execution rate: 95 % scored 9.5 of 10 holds nationally; where 90 % earns full marks it should be 10", async () => {
    expect(codes(await checkWorkbook(projectTable(), profileOf({})))).not.toContain("EXECUTION_RATE_MISMATCH");
    const r = await checkWorkbook(projectTable(), profileOf({ executionRate: { fullScoreAt: 0.9 } }));
    const finding = r.findings.find((f) => f.code === "EXECUTION_RATE_MISMATCH");
    expect(finding?.cell).toBe("H6");
    expect(finding?.message.zh).toMatch(/9\.5 应为 10（执行率 95% 不低于 90%，得满分 10）/);
  });

  test("proportional gap", () => {
    expect(profileOf({ proportionalGap: 2 }).proportionalGap).toBe(2);
  });
});

describe("severities, ESLint-style", () => {
  const over = () => {
    const rows = validRows(10);
    rows[0] = { ...rows[0], score: 12 };
    return { rows, total: "number" as const };
  };

  test('"off" removes the finding; "info" and "warning" change its severity (and the exit status follows)', async () => {
    expect((await checkTable(over())).findings.find((f) => f.code === "SCORE_EXCEEDS_WEIGHT")?.severity).toBe("error");
    expect(codes(await checkTable(over(), { profile: profileOf({ rules: { SCORE_EXCEEDS_WEIGHT: "off" } }) }))).not.toContain("SCORE_EXCEEDS_WEIGHT");
    for (const severity of ["info", "warning"] as const) {
      const r = await checkTable(over(), { profile: profileOf({ rules: { SCORE_EXCEEDS_WEIGHT: severity } }) });
      expect(r.findings.find((f) => f.code === "SCORE_EXCEEDS_WEIGHT")?.severity).toBe(severity);
    }
  });

  test("severities merge with the preset's code by code", () => {
    const p = profileOf({ extends: "ratio", rules: { DUPLICATE_INDICATOR: "error" } });
    expect(p.severities).toEqual({ ...RATIO_PROFILE.severities, DUPLICATE_INDICATOR: "error" });
  });
});

describe("an invalid config is refused with the key's path and a bilingual message", () => {
  test.each(INVALID_CONFIGS)("%s → %s", (_what, config, path) => {
    const r = validateRuleConfig(config);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const problem = r.problems.find((p) => p.path === path);
    expect(problem).toBeDefined();
    expect(problem!.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(problem!.message.en).toMatch(/[a-z]{3}/);
  });

  test("every problem of a file is reported, not only the first", () => {
    const r = validateRuleConfig({ gardes: 1, tolerance: "x", rules: { NOPE: "off" } });
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(["gardes", "tolerance", "rules.NOPE"]);
  });

  test("text that is not JSON is refused as such", () => {
    const r = parseRuleConfig("{ grades: [ }", "scorecheck.config.json");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message.zh).toMatch(/不是有效的 JSON/);
  });
});
