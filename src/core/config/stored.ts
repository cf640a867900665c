/**
 * The rules a workbook carries, so that everyone who checks it uses the same ones:
 * the config's JSON text (a preset is `{"extends":"ratio"}`), stored by every host in the
 * same place (RULES_SHEET's RULES_CELL), so rules chosen in the add-in, on the page or in
 * WPS are the rules of the others too; never read as data, left alone by 清除标记.
 */
import type { Message, ScoringProfile } from "../types";
import { PROFILES } from "../profile";
import { parseRuleConfig, type ParsedRuleConfig } from "./parse";

/** Key of the document setting where the add-in stored the rules before the sheet (still read, moved on the next store). */
export const RULES_SETTING = "scorecheck.rules";
/** Very hidden sheet every host keeps the rules in. */
export const RULES_SHEET = "_scorecheck_rules";
/** The one cell of RULES_SHEET that holds the config's JSON text. */
export const RULES_CELL = "A1";

export function isRulesSheet(name: string): boolean {
  return name.toLowerCase() === RULES_SHEET;
}

/** The stored text in what RULES_CELL holds; undefined when it holds no text. */
export function rulesTextOf(cell: unknown): string | undefined {
  return typeof cell === "string" && cell.trim() !== "" ? cell : undefined;
}

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

/** How reports name a workbook's stored rules: a preset stored alone by its name, anything else as the workbook's (with the config's name). */
export function storedRulesSource(profile: ScoringProfile): string {
  if (PROFILES.includes(profile)) return profile.name;
  if (profile.name === STORED_RULES_SOURCE) return STORED_RULES_SOURCE;
  return `工作簿中的规则配置“${profile.name}” / rules stored in the workbook "${profile.name}"`;
}

/** When a host cannot keep the rules in the workbook: the chosen rules still check, for this session. */
export const RULES_NOT_STORED: Message = {
  zh: "工作簿结构受保护，规则未保存到工作簿；本次核查仍按所选规则",
  en: "The workbook's structure is protected: the rules were not stored in the workbook; this session's checks still use the chosen rules",
};

export class RulesNotStoredError extends Error {
  readonly bilingual = RULES_NOT_STORED;
  constructor() {
    super(`${RULES_NOT_STORED.zh} / ${RULES_NOT_STORED.en}`);
    this.name = "RulesNotStoredError";
  }
}
