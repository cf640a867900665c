/**
 * The Office.js host: the Host interface the task pane and the ribbon command use,
 * over Excel.run. It keeps what the last read learnt about the workbook (its sheets,
 * the record of earlier marks) so that a write-back right after a check needs two syncs;
 * when the workbook changed in between it re-reads and tries again.
 */
import type { CheckResult, SheetSnapshot, WritePlan } from "../core/types";
import type { Host, TemplateKind } from "../host";
import { buildTemplate, type TemplateOptions } from "../core/template";
import { type ExcelEnv, type ExcelFeatures, detectFeatures } from "./env";
import { type WorkbookState, loadRecords, readWorkbook, readWorkbookState } from "./read";
import { StaleStateError, type WriteOutcome, writeBack } from "./write";
import { insertTemplateSheet } from "./template";
import { narrativeSheetPlans } from "../core/narrative/plans";
import { loadRuleSheet, storeRuleSheet } from "./ruleSheet";
import { RulesNotStoredError } from "../core/config/stored";

/** Syncs of the last operation of each kind, for the benchmark and the tests. */
export interface HostStats {
  readSyncs: number;
  writeSyncs: number;
  clearSyncs: number;
}

export interface ExcelHostOptions {
  /** Language of the template's prompts and note. */
  templateLang?: TemplateOptions["lang"];
}

export class ExcelHost implements Host {
  readonly kind = "excel";
  readonly features: ExcelFeatures;
  readonly stats: HostStats = { readSyncs: 0, writeSyncs: 0, clearSyncs: 0 };
  private state: WorkbookState | undefined;

  constructor(
    private readonly env: ExcelEnv,
    private readonly options: ExcelHostOptions = {},
  ) {
    this.features = detectFeatures(env);
  }

  async readWorkbook(onProgress?: (fraction: number) => void): Promise<SheetSnapshot[]> {
    const out = await this.env.run({}, (context) => readWorkbook(context, this.env, this.features, onProgress));
    this.state = out.state;
    this.stats.readSyncs = out.syncs;
    return out.sheets;
  }

  async applyPlan(plan: WritePlan, _result?: CheckResult): Promise<void> {
    const out = await this.write(plan);
    let syncs = out.syncs;
    // Each narrative sheet beside the table: its flags now, its earlier ones restored (one write-back a sheet).
    for (const sheetPlan of await this.narrativeSheetPlans(plan)) syncs += (await this.write(sheetPlan)).syncs;
    this.stats.writeSyncs = syncs;
  }

  /** The narrative sheets' flag-only plans (see narrativeSheetPlans), but for protected sheets and those with nothing to write or restore. */
  private async narrativeSheetPlans(plan: WritePlan): Promise<WritePlan[]> {
    const plans = narrativeSheetPlans(plan);
    if (plans.length === 0) return [];
    const state = this.state ?? (this.state = await this.env.run({}, (context) => this.refresh(context)));
    return plans.filter(
      (p) =>
        state.sheetNames.includes(p.sheet) &&
        !state.protectedSheets.has(p.sheet) &&
        (p.writes.length > 0 || state.record.some((e) => e.sheet === p.sheet)),
    );
  }

  async clearFlags(): Promise<number> {
    const out = await this.write(null);
    this.stats.clearSyncs = out.syncs;
    return out.restored;
  }

  async insertTemplate(kind: TemplateKind): Promise<string> {
    const template = buildTemplate(kind, { lang: this.options.templateLang });
    const out = await this.env.run({}, (context) => insertTemplateSheet(context, this.features, template));
    this.state = undefined;
    return out.name;
  }

  /** The rules stored in the workbook (they travel with the file, whoever opens it, in whichever host). */
  async loadRuleConfig(): Promise<string | undefined> {
    return this.unstored ? this.unstored.text : loadRuleSheet(this.env);
  }

  /** Rules chosen that this Excel could not store in the workbook: they still check, until the pane closes. */
  private unstored: { text: string | undefined } | undefined;

  async storeRuleConfig(text: string | undefined): Promise<void> {
    try {
      await storeRuleSheet(this.env, text);
      this.unstored = undefined;
    } catch (e) {
      if (e instanceof RulesNotStoredError) this.unstored = { text };
      throw e;
    } finally {
      // A sheet added or removed: what the last read learnt of the sheets is read again.
      this.state = undefined;
    }
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.env.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async canWrite(sheet: string): Promise<boolean> {
    const s = this.state ?? (this.state = await this.env.run({}, (context) => this.refresh(context)));
    if (s.protectedSheets.has(sheet)) return false;
    // Without the record sheet nothing written could be cleared again; a protected structure forbids adding it.
    if (s.structureProtected && (!s.recordExists || s.cliRecordExists)) return false;
    return true;
  }

  private async write(plan: WritePlan | null): Promise<WriteOutcome> {
    const options = this.features.mergeUndoGroup ? { mergeUndoGroup: true } : {};
    return this.env.run(options, async (context) => {
      let extra = 0;
      for (let attempt = 0; ; attempt++) {
        if (!this.state) {
          this.state = await this.refresh(context);
          extra += 2;
        }
        try {
          const out = await writeBack(context, this.env, this.features, this.state, plan);
          this.state = {
            ...this.state,
            recordExists: out.recordRows > 0,
            cliRecordExists: false,
            record: out.record,
            recordFingerprint: out.recordFingerprint,
            recordRows: out.recordRows,
          };
          return { ...out, syncs: out.syncs + extra };
        } catch (e) {
          if (!(e instanceof StaleStateError) || attempt > 0) throw e;
          this.state = undefined;
        }
      }
    });
  }

  /** Two syncs: the sheets, then the record. */
  private async refresh(context: Excel.RequestContext): Promise<WorkbookState> {
    const book = await readWorkbookState(context, this.features);
    const names = book.sheets.map((s) => s.name);
    const records = loadRecords(context, names);
    const protections = this.features.formatting12
      ? names.map((n) => ({ name: n, p: context.workbook.worksheets.getItem(n).protection.load("protected") }))
      : [];
    await context.sync();
    return {
      sheetNames: names,
      activeSheet: book.activeSheet,
      ...records(),
      structureProtected: book.structureProtected,
      protectedSheets: new Set(protections.filter((x) => x.p.protected).map((x) => x.name)),
    };
  }
}

export function createExcelHost(env: ExcelEnv, options?: ExcelHostOptions): ExcelHost {
  return new ExcelHost(env, options);
}
