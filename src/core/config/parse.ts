import type { ScoringProfile } from "../types";
import { validateRuleConfig, type ConfigProblem } from "./validate";
import { profileFromConfig } from "./resolve";

export type ParsedRuleConfig = { ok: true; profile: ScoringProfile } | { ok: false; problems: ConfigProblem[] };

/** A config file's text to the profile it describes, or its problems (bad JSON included), each with its path. */
export function parseRuleConfig(text: string, source: string): ParsedRuleConfig {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ path: "", message: { zh: `不是有效的 JSON：${reason}`, en: `not valid JSON: ${reason}` } }] };
  }
  const checked = validateRuleConfig(value);
  return checked.ok ? { ok: true, profile: profileFromConfig(checked.config, source) } : checked;
}

/** The problems as one bilingual message: "scorecheck.config.json: grades[1].min: …; rules.FOO: …". */
export function describeProblems(source: string, problems: ConfigProblem[]): { zh: string; en: string } {
  const at = (p: ConfigProblem) => (p.path ? `${p.path}：` : "");
  const atEn = (p: ConfigProblem) => (p.path ? `${p.path}: ` : "");
  return {
    zh: `规则配置 ${source} 有误：${problems.map((p) => at(p) + p.message.zh).join("；")}`,
    en: `The rule config ${source} is invalid: ${problems.map((p) => atEn(p) + p.message.en).join("; ")}`,
  };
}
