import type { ScoringProfile } from "../types";
import { NATIONAL_PROFILE, profileByName } from "../profile";
import type { RuleConfig } from "./ruleConfig";

/**
 * The scoring profile a valid config describes: its preset (national by default) with the
 * config's overrides on top; severities merge code by code, as ESLint's rules do.
 * `source` names the config in reports when it has no name of its own (its file name).
 */
export function profileFromConfig(config: RuleConfig, source: string): ScoringProfile {
  const preset = profileByName(config.extends) ?? NATIONAL_PROFILE;
  const name = config.name ?? source;
  const profile: ScoringProfile = {
    ...preset,
    name,
    label: { zh: `${name}（基于 ${preset.label.zh}）`, en: `${name} (based on ${preset.label.en})` },
    severities: { ...preset.severities, ...config.rules },
    executionRate: { ...preset.executionRate, ...config.executionRate },
  };
  if (config.grades) {
    profile.grades = config.grades.map((g, i, all) => ({ grade: g.name, min: i === all.length - 1 ? -Infinity : (g.min as number) }));
  }
  if (config.qualitativeBands) profile.qualitativeBands = config.qualitativeBands;
  if (config.reverseFormula) profile.reverseFormula = config.reverseFormula;
  if (config.totalWeight !== undefined) profile.totalWeight = config.totalWeight;
  if (config.tolerance !== undefined) profile.tolerance = config.tolerance;
  if (config.proportionalGap !== undefined) profile.proportionalGap = config.proportionalGap;
  return profile;
}
