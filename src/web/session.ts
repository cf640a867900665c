/**
 * What the page's worker does, without the worker: the open workbook (an XlsxHost),
 * checks, downloads, templates, batch files and the batch summary. Plain async
 * methods, so that Node tests run them as they are.
 */
import { check } from "../core/check";
import { locateTable } from "../core/locate";
import type { Message, ScoringProfile, SheetSnapshot } from "../core/types";
import { NATIONAL_PROFILE } from "../core/profile";
import { profileOfStoredRules, STORED_RULES_SOURCE } from "../core/config/stored";
import { describeProblems } from "../core/config/parse";
import { resultJson } from "../cli/json";
import { InputError } from "../xlsx/load";
import { readReportFile } from "../xlsx/reportFile";
import { templateBuffer } from "../xlsx/template";
import { isSummaryWorkbook, summaryBuffer } from "../xlsx/summary";
import { XlsxHost } from "./host";
import { localizeSummaries, type BatchFile } from "./batchFiles";
import type { BatchReply, CheckReply, CheckSettings, Lang, OpenReply, SheetInfo, Stage } from "./protocol";
import type { TemplateKind } from "../host";

export type ProgressSink = (stage: Stage, fraction: number) => void;

/** The rules a workbook carries (each file of a batch its own), else the national preset. */
async function rulesOf(host: XlsxHost): Promise<{ profile: ScoringProfile; source: string }> {
  const text = await host.loadRuleConfig();
  if (text === undefined) return { profile: NATIONAL_PROFILE, source: NATIONAL_PROFILE.name };
  const parsed = profileOfStoredRules(text);
  if (!parsed.ok) throw new UserFacingError(describeProblems(STORED_RULES_SOURCE, parsed.problems));
  return { profile: parsed.profile, source: parsed.profile.name };
}

/** A failure the user caused (an unreadable file), as opposed to a bug. */
export class UserFacingError extends Error {
  constructor(readonly bilingual: Message) {
    super(bilingual.en);
  }
}

function copy(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

async function openHost(bytes: ArrayBuffer): Promise<XlsxHost> {
  try {
    return await XlsxHost.open(new Uint8Array(bytes));
  } catch (e) {
    if (e instanceof InputError) throw new UserFacingError(e.bilingual);
    const m = e instanceof Error ? e.message.split("\n")[0].slice(0, 120) : String(e);
    throw new UserFacingError({ zh: `无法读取该工作簿：${m}`, en: `Cannot read the workbook: ${m}` });
  }
}

/** Which sheets hold an indicator table on their own (the page offers those in its sheet picker). */
export function sheetInfos(sheets: SheetSnapshot[]): SheetInfo[] {
  return sheets.map((s) => ({
    name: s.name,
    hidden: s.hidden === true,
    hasTable: s.hidden !== true && locateTable([s], { sheet: s.name }).ok,
  }));
}

export class Session {
  private host: XlsxHost | undefined;
  private sheets: SheetSnapshot[] = [];
  private fileName = "";
  /** Paragraphs of the report file given with the open workbook. */
  private reportParagraphs: string[] | undefined;

  async open(name: string, bytes: ArrayBuffer, progress: ProgressSink = () => {}): Promise<OpenReply> {
    this.host = undefined;
    this.reportParagraphs = undefined;
    progress("parse", 0);
    const host = await openHost(bytes);
    this.sheets = await host.readWorkbook();
    this.host = host;
    this.fileName = name;
    const rules = await host.loadRuleConfig();
    const reply: OpenReply = { sheets: sheetInfos(this.sheets), earlierMarks: host.setAsideCells };
    return rules === undefined ? reply : { ...reply, rules };
  }

  /** 清除标记: the open workbook's copy without any of our marks; the cells restored, counted as Excel and WPS count them. */
  async clear(): Promise<{ cells: number }> {
    return { cells: await this.requireHost().clearFlags() };
  }

  /** Stores the rules in the open workbook (its download carries them); the next check uses them. */
  async setRules(text: string | undefined): Promise<{ ok: true }> {
    const host = this.requireHost();
    if (text !== undefined) {
      const parsed = profileOfStoredRules(text);
      if (!parsed.ok) throw new UserFacingError(describeProblems(STORED_RULES_SOURCE, parsed.problems));
    }
    await host.storeRuleConfig(text);
    return { ok: true };
  }

  /** Reads a report file (.docx / .txt) whose narrative the next checks of the open workbook read too. */
  async report(name: string, bytes: ArrayBuffer): Promise<{ paragraphs: number }> {
    this.requireHost();
    try {
      this.reportParagraphs = await readReportFile(name, new Uint8Array(bytes));
    } catch (e) {
      if (e instanceof InputError) throw new UserFacingError(e.bilingual);
      throw e;
    }
    return { paragraphs: this.reportParagraphs.filter((p) => p.trim() !== "").length };
  }

  /** Checks the open workbook and marks its in-memory copy (replacing earlier marks). */
  async check(sheet: string | undefined, settings: CheckSettings, progress: ProgressSink = () => {}): Promise<CheckReply> {
    const host = this.requireHost();
    progress("check", 0);
    const outcome = check(this.sheets, { sheet, ...settings, report: this.reportParagraphs, profile: (await rulesOf(host)).profile });
    // No table: the copy keeps what it holds, as a failed check in Excel or WPS leaves the cells.
    if (!outcome.ok) return { ok: false, error: outcome.error, marks: host.marksToClear };
    const { rows: _rows, ...result } = outcome.result;
    progress("write", 0);
    await host.applyPlan(result.plan, outcome.result);
    const snapshot = this.sheets.find((s) => s.name === result.layout.sheet) as SheetSnapshot;
    const width = Math.max(0, ...snapshot.values.map((r) => r.length)) + snapshot.left;
    const columns = Math.max(width, result.plan.resultColumn);
    return { ok: true, result, picture: { snapshot, widths: host.columnWidths(snapshot.name, columns) }, marks: host.marksToClear };
  }

  /** The annotated copy as new bytes; the user's file is never written. */
  async save(): Promise<{ bytes: ArrayBuffer }> {
    return { bytes: copy(await this.requireHost().toBytes()) };
  }

  get openFileName(): string {
    return this.fileName;
  }

  async template(kind: TemplateKind, lang: Lang): Promise<{ bytes: ArrayBuffer }> {
    return { bytes: copy(await templateBuffer(kind, { lang })) };
  }

  /** Reads and checks one file of a batch; it does not replace the open workbook. */
  async batchFile(name: string, bytes: ArrayBuffer, settings: CheckSettings, progress: ProgressSink = () => {}): Promise<BatchReply> {
    progress("parse", 0);
    let host: XlsxHost;
    try {
      host = await openHost(bytes);
    } catch (e) {
      if (!(e instanceof UserFacingError)) throw e;
      const failed: BatchFile = { file: name, error: e.bilingual[settings.lang], code: "UNREADABLE", messages: e.bilingual };
      return { kind: "file", summary: failed };
    }
    if (isSummaryWorkbook(host.workbook)) return { kind: "skipped", file: name };
    progress("check", 0);
    let rules: { profile: ScoringProfile; source: string };
    try {
      rules = await rulesOf(host);
    } catch (e) {
      if (!(e instanceof UserFacingError)) throw e;
      return { kind: "file", summary: { file: name, error: e.bilingual[settings.lang], code: "CONFIG_INVALID", messages: e.bilingual } };
    }
    const outcome = check(await host.readWorkbook(), { ...settings, profile: rules.profile });
    if (!outcome.ok) {
      const failed: BatchFile = { file: name, error: outcome.error.message[settings.lang], code: outcome.error.code, messages: outcome.error.message };
      return { kind: "file", summary: failed };
    }
    return { kind: "file", summary: { ...resultJson(name, outcome.result, settings.lang), config: rules.source } };
  }

  async summary(files: BatchFile[], lang: Lang): Promise<{ bytes: ArrayBuffer }> {
    return { bytes: copy(await summaryBuffer(localizeSummaries(files, lang), { lang })) };
  }

  private requireHost(): XlsxHost {
    if (!this.host) throw new Error("no workbook is open");
    return this.host;
  }
}
