/**
 * Which rules check a file: `--config FILE`, else `--profile NAME`, else the nearest
 * scorecheck.config.json in the file's folder or above it (as ESLint finds its config,
 * up to the filesystem root), else the rules the workbook stores (the add-in's, the page's
 * or WPS's choice), else the national preset. Stored rules set aside by an option or a
 * config file, or that do not validate, are said once (`note`). The reading and merging
 * are the core's (src/core/config/); finding the file on disk is the CLI's.
 */
import fs from "node:fs";
import path from "node:path";
import type { Message, ScoringProfile } from "../core/types";
import { NATIONAL_PROFILE, PROFILES, profileByName } from "../core/profile";
import { CONFIG_FILE_NAME } from "../core/config/ruleConfig";
import { describeProblems, parseRuleConfig } from "../core/config/parse";
import { profileOfStoredRules, STORED_RULES_SOURCE, storedRulesSource } from "../core/config/stored";

export interface RuleChoice {
  /** --config FILE */
  configFile?: string;
  /** --profile NAME */
  profile?: string;
}

export type FileRules =
  | {
      ok: true;
      profile: ScoringProfile;
      /** What reports name: a preset's name or the config file's path. */ source: string;
      /** Where they come from: an option, a config file found or named, or nothing (the default, which the workbook's own rules replace). */
      origin: "option" | "file" | "default";
    }
  | { ok: false; code: "CONFIG_INVALID" | "CONFIG_NOT_FOUND" | "UNKNOWN_PROFILE"; message: Message };

/** The nearest scorecheck.config.json from `dir` up to the root, or undefined. */
export function findConfigFile(dir: string, found: Map<string, string | undefined> = new Map()): string | undefined {
  const start = path.resolve(dir);
  const visited: string[] = [];
  let result: string | undefined;
  for (let d = start; ; d = path.dirname(d)) {
    if (found.has(d)) {
      result = found.get(d);
      break;
    }
    visited.push(d);
    const candidate = path.join(d, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      result = candidate;
      break;
    }
    if (path.dirname(d) === d) break;
  }
  for (const d of visited) found.set(d, result);
  return result;
}

/** How a config file is named in reports: relative to the working folder when inside it. */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

export function loadConfigFile(file: string): FileRules {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { ok: false, code: "CONFIG_NOT_FOUND", message: { zh: `找不到或无法打开规则配置：${file}`, en: `Cannot open the rule config: ${file}` } };
  }
  const source = displayPath(file);
  const parsed = parseRuleConfig(text, source);
  if (!parsed.ok) return { ok: false, code: "CONFIG_INVALID", message: describeProblems(source, parsed.problems) };
  return { ok: true, profile: parsed.profile, source, origin: "file" };
}

/** The rules a file is checked with, once its stored rules are known. */
export interface ChosenRules {
  profile: ScoringProfile;
  source: string;
  /** Said once when the workbook's stored rules were set aside or could not be used. */
  note?: Message;
}

/** Precedence: --config / --profile > scorecheck.config.json > the workbook's stored rules > national. */
export function withStoredRules(rules: FileRules & { ok: true }, stored: string | undefined): ChosenRules {
  if (stored === undefined) return { profile: rules.profile, source: rules.source };
  const parsed = profileOfStoredRules(stored);
  if (rules.origin !== "default") {
    const storedName = parsed.ok ? storedRulesSource(parsed.profile) : STORED_RULES_SOURCE;
    const why = rules.origin === "option" ? { zh: "命令行指定的规则优先", en: "the rules named on the command line take precedence" } : { zh: "规则配置文件优先于工作簿中的规则", en: "a rule config file takes precedence over the workbook's rules" };
    return {
      profile: rules.profile,
      source: rules.source,
      note: {
        zh: `未采用工作簿中保存的规则（${storedName}），按 ${rules.source} 核查：${why.zh}`,
        en: `The rules stored in the workbook (${storedName}) were set aside, checked with ${rules.source}: ${why.en}`,
      },
    };
  }
  if (parsed.ok) return { profile: parsed.profile, source: storedRulesSource(parsed.profile) };
  const problems = describeProblems(STORED_RULES_SOURCE, parsed.problems);
  return {
    profile: NATIONAL_PROFILE,
    source: NATIONAL_PROFILE.name,
    note: {
      zh: `工作簿中保存的规则配置无效，未采用，按 ${NATIONAL_PROFILE.name} 核查：${problems.zh}`,
      en: `The rules stored in the workbook are invalid and were not used; checked with ${NATIONAL_PROFILE.name}: ${problems.en}`,
    },
  };
}

/** Resolves the rules for each file of a run; configs are read once each. */
export class RuleResolver {
  private readonly found = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, FileRules>();

  constructor(private readonly choice: RuleChoice) {}

  forFile(file: string): FileRules {
    if (this.choice.configFile) {
      const rules = this.load(path.resolve(this.choice.configFile));
      return rules.ok ? { ...rules, origin: "option" } : rules;
    }
    if (this.choice.profile !== undefined) {
      const profile = profileByName(this.choice.profile);
      if (profile) return { ok: true, profile, source: profile.name, origin: "option" };
      return {
        ok: false,
        code: "UNKNOWN_PROFILE",
        message: {
          zh: `未知的评分规则“${this.choice.profile}”，可选：${PROFILES.map((p) => p.name).join("、")}`,
          en: `Unknown scoring profile "${this.choice.profile}"; choose one of ${PROFILES.map((p) => p.name).join(", ")}`,
        },
      };
    }
    const config = findConfigFile(path.dirname(path.resolve(file)), this.found);
    return config ? this.load(config) : { ok: true, profile: NATIONAL_PROFILE, source: NATIONAL_PROFILE.name, origin: "default" };
  }

  private load(file: string): FileRules {
    let rules = this.loaded.get(file);
    if (!rules) this.loaded.set(file, (rules = loadConfigFile(file)));
    return rules;
  }
}
