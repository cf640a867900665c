import type { Grade, ScoringProfile, Severity } from "./types";

/** Default severity of every finding code (SPEC §4); a profile may override any of them. */
export const DEFAULT_SEVERITIES: Record<string, Severity> = {
  SCORE_EXCEEDS_WEIGHT: "error",
  SCORE_NEGATIVE: "error",
  SCORE_MISSING: "error",
  WEIGHT_MISSING: "error",
  NOT_A_NUMBER: "error",
  UNMET_FULL_SCORE: "error",
  MET_BUT_DEDUCTED: "warning",
  SCORE_OUT_OF_BAND: "warning",
  SCORE_NOT_PROPORTIONAL: "info",
  DEVIATION_REASON_MISSING: "warning",
  EXECUTION_RATE_MISMATCH: "error",
  TARGET_MISSING: "warning",
  ACTUAL_MISSING: "warning",
  VALUE_UNREADABLE: "info",
  WEIGHT_TOTAL_NOT_100: "error",
  TOTAL_WEIGHT_MISMATCH: "error",
  TOTAL_SCORE_MISMATCH: "error",
  TOTAL_FORMULA_RANGE: "warning",
  GRADE_MISMATCH: "error",
  DUPLICATE_INDICATOR: "warning",
  INDICATOR_NAME_MISSING: "warning",
  NO_ROW_WEIGHTS: "info",
  BLOCK_SCORE_EXCEEDS_WEIGHT: "error",
  LABEL_WEIGHT_MISMATCH: "warning",
  NARRATIVE_SCORE_MISMATCH: "error",
  NARRATIVE_GRADE_MISMATCH: "error",
  NARRATIVE_SUM_MISMATCH: "warning",
  NARRATIVE_GROWTH_MISMATCH: "warning",
  NARRATIVE_RATE_MISMATCH: "warning",
};

/** 财政部《项目支出绩效评价管理办法》财预〔2020〕10号: the national default. */
export const NATIONAL_PROFILE: ScoringProfile = {
  name: "national",
  label: { zh: "全国通用（财预〔2020〕10号）", en: "National (MoF 2020 No.10)" },
  severities: { ...DEFAULT_SEVERITIES },
  totalWeight: 100,
  grades: [
    { min: 90, grade: "优" },
    { min: 80, grade: "良" },
    { min: 60, grade: "中" },
    { min: -Infinity, grade: "差" },
  ],
  qualitativeBands: { met: [0.8, 1], partial: [0.6, 0.8], unmet: [0, 0.6] },
  reverseFormula: "linear",
  tolerance: 0.01,
  proportionalGap: 0.5,
  executionRate: { fullScoreAt: 1 },
};

/** The same rules, with the at-most formula target/actual × weight used by some provinces. */
export const RATIO_PROFILE: ScoringProfile = {
  ...NATIONAL_PROFILE,
  name: "ratio",
  label: { zh: "反向指标按比值计分", en: "Reverse indicators scored by ratio" },
  severities: { ...DEFAULT_SEVERITIES },
  reverseFormula: "ratio",
};

export const PROFILES: ScoringProfile[] = [NATIONAL_PROFILE, RATIO_PROFILE];

export function profileByName(name: string | undefined): ScoringProfile | undefined {
  if (!name) return NATIONAL_PROFILE;
  return PROFILES.find((p) => p.name === name);
}

export function gradeOf(score: number, profile: ScoringProfile): Grade {
  // Round to cents first so that 89.995 typed as 90 is not a 良 by float noise.
  const s = Math.round(score * 100) / 100;
  for (const g of profile.grades) if (s >= g.min) return g.grade;
  return profile.grades[profile.grades.length - 1].grade;
}

/** A grade label: 等级, 评价等级, 自评等级, 评价结论, 评定等级, 评价等次 … (also what locate looks for). */
export const GRADE_LABEL = "(?:评价|绩效|自评|综合|考核)?(?:等级|等次|结论|评价结论|评定等级|评价等次)";
const GRADE_LABEL_PREFIX = new RegExp(`^${GRADE_LABEL}[:：]?`);

/** The words of the four-level scale, best first: 优 良 中 差 and what forms write for them. */
const GRADE_WORDS: RegExp[] = [/^(优|优秀|优等)$/, /^(良|良好)$/, /^(中|中等|合格|一般)$/, /^(差|较差|不合格)$/];

function bareGrade(text: string): string {
  return text.replace(/\s+/g, "").replace(GRADE_LABEL_PREFIX, "").replace(/[“”"'。]/g, "");
}

/** Whether a cell's text reads as a grade of the usual four-level scale (what locate looks for). */
export function isGradeWord(text: string): boolean {
  const t = bareGrade(text);
  return GRADE_WORDS.some((re) => re.test(t));
}

/**
 * Reads a stated grade (优秀, 良好, 合格 …, optionally after 等级：) as one of the profile's grades:
 * its own name, or, for a four-grade profile, the word of the same rank (优秀 → 优, or 优 → 优秀
 * when the profile names its grades 优秀 良好 合格 不合格).
 */
export function readGrade(text: string, profile: ScoringProfile = NATIONAL_PROFILE): Grade | undefined {
  const t = bareGrade(text);
  const own = profile.grades.find((g) => g.grade === t);
  if (own) return own.grade;
  if (profile.grades.length !== GRADE_WORDS.length) return undefined;
  const rank = GRADE_WORDS.findIndex((re) => re.test(t));
  return rank < 0 ? undefined : profile.grades[rank].grade;
}
