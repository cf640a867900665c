/**
 * The WPS 表格 host: the Host interface the pane and the ribbon's 一键核分 use, over the ET
 * API (the Application global of a WPS加载项's pages). ET is synchronous; the methods are
 * async only because the Host interface is.
 */
import type { CheckResult, SheetSnapshot, WritePlan } from "../core/types";
import type { Host, TemplateKind } from "../host";
import { buildTemplate, type TemplateOptions } from "../core/template";
import type { EtApplication, EtWorkbook } from "./et";
import { NoWorkbookError, readBookState, readWorkbook } from "./read";
import { writeBack } from "./write";
import { insertTemplateSheet } from "./template";
import { narrativeSheetPlans } from "../core/narrative/plans";
import { readRuleSheet, writeRuleSheet } from "./ruleSheet";

function isProtectedSheet(book: EtWorkbook, sheet: string): boolean {
  return book.Worksheets.Item(sheet).ProtectContents === true;
}

export interface WpsHostOptions {
  templateLang?: TemplateOptions["lang"];
}

export class WpsHost implements Host {
  readonly kind = "wps";

  constructor(
    private readonly app: EtApplication,
    private readonly options: WpsHostOptions = {},
  ) {}

  private book(): EtWorkbook {
    const book = this.app.ActiveWorkbook;
    if (!book) throw new NoWorkbookError();
    return book;
  }

  async readWorkbook(onProgress?: (fraction: number) => void): Promise<SheetSnapshot[]> {
    const book = this.book();
    return readWorkbook(book, readBookState(book), onProgress);
  }

  async applyPlan(plan: WritePlan, _result?: CheckResult): Promise<void> {
    const book = this.book();
    writeBack(this.app, book, readBookState(book), plan);
    // Each narrative sheet beside the table: its flags now, its earlier ones restored (the state read again: the record
    // changed); a protected one is left as it is, as in Excel.
    for (const sheetPlan of narrativeSheetPlans(plan)) {
      const state = readBookState(book);
      if (state.sheets.some((s) => s.name === sheetPlan.sheet) && !isProtectedSheet(book, sheetPlan.sheet)) writeBack(this.app, book, state, sheetPlan);
    }
  }

  async clearFlags(): Promise<number> {
    const book = this.book();
    return writeBack(this.app, book, readBookState(book), null).restored;
  }

  async insertTemplate(kind: TemplateKind): Promise<string> {
    return insertTemplateSheet(this.app, this.book(), buildTemplate(kind, { lang: this.options.templateLang }));
  }

  /**
   * False on a protected sheet (its cells cannot be changed), and while the workbook's structure is
   * protected: the marks need the record sheet (to be cleared again), and that protection forbids
   * adding or deleting it. The check still reports.
   */
  async canWrite(sheet: string): Promise<boolean> {
    const book = this.book();
    return !book.ProtectStructure && !isProtectedSheet(book, sheet);
  }

  /** The rules stored in the workbook (they travel with the file, whoever opens it, in whichever host). */
  async loadRuleConfig(): Promise<string | undefined> {
    return readRuleSheet(this.book());
  }

  async storeRuleConfig(text: string | undefined): Promise<void> {
    writeRuleSheet(this.app, this.book(), text);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const ws = this.book().Worksheets.Item(sheet);
    ws.Activate();
    ws.Range(address).Select();
  }
}

export function createWpsHost(app: EtApplication, options?: WpsHostOptions): WpsHost {
  return new WpsHost(app, options);
}
