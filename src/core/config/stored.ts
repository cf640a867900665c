/**
 * The rules a workbook carries, so that everyone who checks it uses the same ones:
 * the config's JSON text (a preset is `{"extends":"ratio"}`), stored by the host
 * (the add-in in the document's settings, the exceljs host in a very hidden sheet)
 * and left alone by 清除标记.
 */
import type { ScoringProfile } from "../types";
import { PROFILES } from "../profile";
import { parseRuleConfig, type ParsedRuleConfig } from "./parse";

/** Key of the add-in's document setting. */
export const RULES_SETTING = "scorecheck.rules";
/** Very hidden sheet of the exceljs host (page, CLI --out); its A1 holds the JSON text. */
export const RULES_SHEET = "_scorecheck_rules";

/** How a workbook's stored rules are named in reports, when the config has no name. */
export const STORED_RULES_SOURCE = "工作簿中的规则配置 / rules stored in the workbook";

/** The stored text of a preset choice. */
export function presetRulesText(name: string): string {
  return JSON.stringify({ extends: name });
}

/** The profile of a workbook's stored rules; a preset stored alone is the preset itself (its own name). */
export function profileOfStoredRules(text: string): ParsedRuleConfig {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const preset = PROFILES.find((p) => p.name === (value as { extends?: unknown }).extends);
      if (preset && keys.length === 1) return { ok: true, profile: preset as ScoringProfile };
    }
  } catch {
    // parseRuleConfig says what is wrong.
  }
  return parseRuleConfig(text, STORED_RULES_SOURCE);
}
