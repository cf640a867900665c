import fs from "node:fs";
import type { CheckOptions, CheckResult, Message } from "../core/types";
import { check } from "../core/check";
import type { SheetSnapshot } from "../core/types";
import { InputError, type LoadOptions } from "../xlsx/load";
import { readXlsxWorkbook } from "../xlsx/stream";
import { readRuleSheet } from "../xlsx/ruleSheet";
import type { ChosenRules } from "./ruleConfig";
import { nodeInflate } from "../xlsx/nodeInflate";
import { loadWorkbook, readWorkbookSheets, type OpenedWorkbook } from "../xlsx/open";
import type { WorkbookFormat } from "../xlsx/format";

export type FileOutcome =
  /** `loaded` is there when the caller asked to keep the workbook (to write an annotated copy). */
  | { ok: true; file: string; format: WorkbookFormat; result: CheckResult; loaded?: OpenedWorkbook; /** With `chooseRules`: the rules it was checked with. */ rules?: ChosenRules }
  | { ok: false; file: string; code: string; message: Message };

/** How the CLI's refusal of a too-large package tells the user to raise the limit. */
export const RAISE_LIMIT_HINT = {
  zh: "如确需检查，可用 --max-xml-mb 提高上限",
  en: "to check it anyway, raise the limit with --max-xml-mb",
};

export interface CheckFileOptions extends LoadOptions {
  /**
   * Load the whole workbook and return it, for a write-back (--out). Without it the
   * cells are read by the streaming reader (src/xlsx/stream.ts): the same snapshots
   * at a fraction of the time and memory, as nothing is written.
   */
  keepWorkbook?: boolean;
}

/**
 * Reads and checks one file; every failure comes back as a bilingual message, never a throw.
 * `chooseRules`, when given, picks the rules once the workbook's stored rules are known.
 */
export async function checkFile(
  file: string,
  options: CheckOptions,
  load: CheckFileOptions = {},
  chooseRules?: (storedRules: string | undefined) => ChosenRules,
): Promise<FileOutcome> {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const isDir = code === "EISDIR";
    return {
      ok: false,
      file,
      code: "NOT_FOUND",
      message: isDir
        ? { zh: `${file} 是文件夹`, en: `${file} is a folder` }
        : { zh: `找不到或无法打开文件：${file}`, en: `Cannot open the file: ${file}` },
    };
  }
  const { keepWorkbook, ...loadOptions } = load;
  let loaded: OpenedWorkbook | undefined;
  let sheets: SheetSnapshot[];
  let format: WorkbookFormat;
  let storedRules: string | undefined;
  try {
    if (keepWorkbook) {
      loaded = await loadWorkbook(data, { raiseLimitHint: RAISE_LIMIT_HINT, inflate: nodeInflate, ...loadOptions });
      ({ sheets, format } = loaded);
      storedRules = readRuleSheet(loaded.workbook);
    } else {
      ({ sheets, format, storedRules } = await readWorkbookSheets(data, { raiseLimitHint: RAISE_LIMIT_HINT, ...loadOptions }, readXlsxWorkbook));
    }
  } catch (e) {
    if (e instanceof InputError) return { ok: false, file, code: e.code, message: e.bilingual };
    const m = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { ok: false, file, code: "CORRUPT", message: { zh: `无法读取该工作簿：${m}`, en: `Cannot read the workbook: ${m}` } };
  }
  const rules = chooseRules?.(storedRules);
  const out = check(sheets, rules ? { ...options, profile: rules.profile } : options);
  if (!out.ok) return { ok: false, file, code: out.error.code, message: out.error.message };
  return { ok: true, file, format, result: out.result, ...(loaded ? { loaded } : {}), ...(rules ? { rules } : {}) };
}
