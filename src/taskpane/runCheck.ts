/**
 * One check, as the pane's 检查评分 and the ribbon's 一键核分 run it: read the workbook
 * through the host, run the engine, and write the marks back where the sheet allows it.
 */
import type { Host } from "../host";
import { check } from "../core/check";
import type { CheckFailure, CheckResult, Message, ScoringProfile } from "../core/types";
import { NATIONAL_PROFILE } from "../core/profile";
import { profileOfStoredRules, STORED_RULES_SOURCE } from "../core/config/stored";
import { describeProblems } from "../core/config/parse";
import type { PaneOptions } from "./options";
import type { Lang } from "./i18n";

export type CheckRun =
  | { kind: "result"; result: CheckResult; written: boolean; canWrite: boolean; rules: ScoringProfile }
  | { kind: "noTable"; error: CheckFailure };

/** The rules the workbook carries, else the national preset; stored rules that no longer validate fail loudly. */
export async function workbookRules(host: Host): Promise<ScoringProfile> {
  const text = await host.loadRuleConfig?.();
  if (text === undefined) return NATIONAL_PROFILE;
  const parsed = profileOfStoredRules(text);
  if (!parsed.ok) throw new RulesError(describeProblems(STORED_RULES_SOURCE, parsed.problems));
  return parsed.profile;
}

/** The workbook's stored rules are invalid: the check does not run under other rules than the ones chosen. */
export class RulesError extends Error {
  constructor(readonly bilingual: Message) {
    super(`${bilingual.zh} / ${bilingual.en}`);
  }
}

export async function runCheck(host: Host, options: PaneOptions & { lang: Lang }, onProgress?: (fraction: number) => void): Promise<CheckRun> {
  const rules = await workbookRules(host);
  const sheets = await host.readWorkbook(onProgress);
  const outcome = check(sheets, {
    profile: rules,
    writeFlags: options.writeFlags,
    fixTotals: options.fixTotals,
    writeGrade: options.writeGrade,
    lang: options.lang,
  });
  if (!outcome.ok) return { kind: "noTable", error: outcome.error };
  const { result } = outcome;
  const canWrite = host.canWrite ? await host.canWrite(result.layout.sheet) : true;
  // Applied even when the plan is empty: it replaces the marks of an earlier check.
  if (canWrite) await host.applyPlan(result.plan, result);
  return { kind: "result", result, written: canWrite && result.plan.writes.length > 0, canWrite, rules };
}
