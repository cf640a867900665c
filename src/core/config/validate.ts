/**
 * Validation of a rule config (pure: a parsed JSON value in, the config or every
 * problem out). Each problem names the key's path (grades[2].min) and says what is
 * wrong in Chinese and English. What JSON Schema can say is also in
 * schema/scorecheck.config.schema.json (a test keeps the two in step); the orders
 * (thresholds descending, bands rising) only here.
 */
import type { Message } from "../types";
import { PROFILES } from "../profile";
import { RULES } from "../rules";
import { CONFIG_KEYS, SEVERITY_SETTINGS, type RuleConfig } from "./ruleConfig";

export interface ConfigProblem {
  /** Where in the file: "" for the whole file, "grades[1].min", "rules.FOO". */
  path: string;
  message: Message;
}

export type ConfigValidation = { ok: true; config: RuleConfig } | { ok: false, problems: ConfigProblem[] };

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: Json): v is number => typeof v === "number" && Number.isFinite(v);
const join = (path: string, key: string | number) => (typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key);

class Problems {
  readonly list: ConfigProblem[] = [];
  add(path: string, zh: string, en: string): void {
    this.list.push({ path, message: { zh, en } });
  }
  /** An object with only these keys; reports the others. */
  keys(path: string, value: Record<string, Json>, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(join(path, key), `未知的配置项“${key}”，可用：${allowed.join("、")}`, `unknown key "${key}"; known keys: ${allowed.join(", ")}`);
    }
  }
  object(path: string, value: Json): value is Record<string, Json> {
    if (isObject(value)) return true;
    this.add(path, "应为对象 {…}", "must be an object {…}");
    return false;
  }
  number(path: string, value: Json, min: number, max: number): value is number {
    if (isNumber(value) && value >= min && value <= max) return true;
    this.add(
      path,
      isNumber(value) ? `应在 ${min} 到 ${max} 之间，而不是 ${value}` : `应为数字，而不是 ${JSON.stringify(value)}`,
      isNumber(value) ? `must be between ${min} and ${max}, not ${value}` : `must be a number, not ${JSON.stringify(value)}`,
    );
    return false;
  }
  oneOf(path: string, value: Json, choices: readonly string[]): void {
    if (typeof value === "string" && choices.includes(value)) return;
    this.add(path, `应为 ${choices.map((c) => `"${c}"`).join("、")} 之一，而不是 ${JSON.stringify(value)}`, `must be one of ${choices.map((c) => `"${c}"`).join(", ")}, not ${JSON.stringify(value)}`);
  }
  text(path: string, value: Json, maxLength: number): value is string {
    if (typeof value === "string" && value.trim() !== "" && value.length <= maxLength) return true;
    this.add(path, `应为不超过 ${maxLength} 个字的非空文字`, `must be a non-empty text of at most ${maxLength} characters`);
    return false;
  }
}

function grades(p: Problems, path: string, value: Json): void {
  if (!Array.isArray(value) || value.length < 2 || value.length > 10) {
    p.add(path, "应为 2 到 10 个等级的数组（从高到低）", "must be an array of 2 to 10 grades (best first)");
    return;
  }
  const names = new Set<string>();
  let previous: number | undefined;
  value.forEach((g, i) => {
    const at = join(path, i);
    if (!p.object(at, g)) return;
    p.keys(at, g, ["name", "min"]);
    if (p.text(join(at, "name"), g.name, 10)) {
      if (names.has(g.name as string)) p.add(join(at, "name"), `等级名称“${g.name}”重复`, `the grade name "${g.name}" is used twice`);
      names.add(g.name as string);
    }
    const last = i === value.length - 1;
    if (last) {
      if (g.min !== undefined) p.add(join(at, "min"), "最后一个等级包括其余所有分数，不能设 min", "the last grade takes every lower score: it has no min");
      return;
    }
    if (g.min === undefined) {
      p.add(join(at, "min"), "缺少 min（获得该等级的最低总分）", "missing min (the lowest total score that earns this grade)");
      return;
    }
    if (!p.number(join(at, "min"), g.min, -1000, 1000)) return;
    if (previous !== undefined && (g.min as number) >= previous) {
      p.add(join(at, "min"), `等级分数线应从高到低：${g.min} 不低于上一等级的 ${previous}`, `grade thresholds must descend: ${g.min} is not below the previous ${previous}`);
    }
    previous = g.min as number;
  });
}

const BANDS = ["unmet", "partial", "met"] as const;

function bands(p: Problems, path: string, value: Json): void {
  if (!p.object(path, value)) return;
  p.keys(path, value, BANDS);
  let previousHigh: number | undefined;
  for (const band of BANDS) {
    const at = join(path, band);
    const pair = value[band];
    if (pair === undefined) {
      p.add(at, `缺少“${band}”区间`, `missing the "${band}" band`);
      continue;
    }
    if (!Array.isArray(pair) || pair.length !== 2) {
      p.add(at, "应为 [下限, 上限]，以分值的比例表示（0 到 1）", "must be [low, high], as fractions of the weight (0 to 1)");
      continue;
    }
    const ok = [0, 1].map((k) => p.number(join(at, k), pair[k], 0, 1));
    if (!ok[0] || !ok[1]) continue;
    const [low, high] = pair as [number, number];
    if (low > high) p.add(at, `下限 ${low} 高于上限 ${high}`, `low ${low} is above high ${high}`);
    if (previousHigh !== undefined && low < previousHigh) {
      p.add(join(at, 0), `区间应依次为 unmet ≤ partial ≤ met：${low} 低于前一区间的上限 ${previousHigh}`, `bands must rise unmet ≤ partial ≤ met: ${low} is below the previous band's high ${previousHigh}`);
    }
    previousHigh = high;
  }
}

/** Validates a parsed scorecheck.config.json; every problem is reported, not only the first. */
export function validateRuleConfig(value: Json): ConfigValidation {
  const p = new Problems();
  if (!isObject(value)) {
    p.add("", "配置文件应为 JSON 对象 {…}", "the config must be a JSON object {…}");
    return { ok: false, problems: p.list };
  }
  p.keys("", value, CONFIG_KEYS);
  if (value.$schema !== undefined && typeof value.$schema !== "string") p.add("$schema", "应为文字", "must be a text");
  if (value.name !== undefined) p.text("name", value.name, 60);
  if (value.extends !== undefined) p.oneOf("extends", value.extends, PROFILES.map((x) => x.name));
  if (value.grades !== undefined) grades(p, "grades", value.grades);
  if (value.qualitativeBands !== undefined) bands(p, "qualitativeBands", value.qualitativeBands);
  if (value.reverseFormula !== undefined) p.oneOf("reverseFormula", value.reverseFormula, ["linear", "ratio"]);
  if (value.totalWeight !== undefined) p.number("totalWeight", value.totalWeight, 1, 1000);
  if (value.tolerance !== undefined) p.number("tolerance", value.tolerance, 0, 10);
  if (value.proportionalGap !== undefined) p.number("proportionalGap", value.proportionalGap, 0, 100);
  if (value.executionRate !== undefined && p.object("executionRate", value.executionRate)) {
    p.keys("executionRate", value.executionRate, ["fullScoreAt"]);
    if (value.executionRate.fullScoreAt !== undefined) p.number("executionRate.fullScoreAt", value.executionRate.fullScoreAt, 0.01, 1);
  }
  if (value.rules !== undefined && p.object("rules", value.rules)) {
    const codes = RULES.map((r) => r.code);
    for (const [code, severity] of Object.entries(value.rules)) {
      if (!codes.includes(code)) p.add(join("rules", code), `未知的检查代码“${code}”（见 docs/rules.md）`, `unknown finding code "${code}" (see docs/rules.md)`);
      else p.oneOf(join("rules", code), severity, SEVERITY_SETTINGS);
    }
  }
  return p.list.length > 0 ? { ok: false, problems: p.list } : { ok: true, config: value as RuleConfig };
}
