/**
 * One check, as the pane's 检查评分 and the ribbon's 一键核分 run it: read the workbook
 * through the host, run the engine, and write the marks back where the sheet allows it.
 */
import type { Host } from "../host";
import { check } from "../core/check";
import type { CheckFailure, CheckResult } from "../core/types";
import type { PaneOptions } from "./options";
import type { Lang } from "./i18n";

export type CheckRun =
  | { kind: "result"; result: CheckResult; written: boolean; canWrite: boolean }
  | { kind: "noTable"; error: CheckFailure };

export async function runCheck(host: Host, options: PaneOptions & { lang: Lang }, onProgress?: (fraction: number) => void): Promise<CheckRun> {
  const sheets = await host.readWorkbook(onProgress);
  const outcome = check(sheets, {
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
  return { kind: "result", result, written: canWrite && result.plan.writes.length > 0, canWrite };
}
