/**
 * The browser page's host: the Host interface over an .xlsx held in memory as an
 * exceljs Workbook. The user's file is never touched: marks go to this in-memory
 * copy, and a download is a new file written from it.
 *
 * It runs where exceljs runs (the page's worker, or Node in tests); selecting a
 * cell is the page's business, so it is passed in.
 */
import type ExcelJS from "exceljs";
import type { CheckResult, SheetSnapshot, WritePlan } from "../core/types";
import type { Host, TemplateKind } from "../host";
import { buildTemplate, type TemplateOptions } from "../core/template";
import type { LoadOptions } from "../xlsx/load";
import { loadWorkbook } from "../xlsx/open";
import { applyPlan, clearMarks } from "../xlsx/write";
import { addTemplateSheet } from "../xlsx/template";
import { readRuleSheet, writeRuleSheet } from "../xlsx/ruleSheet";
import { isStructureLocked, xlsxBytesOf } from "../xlsx/workbookExtras";

export interface XlsxHostOptions {
  /** Where a click on a finding goes (the page scrolls its grid there). */
  onSelectCell?(sheet: string, address: string): void;
  templateLang?: TemplateOptions["lang"];
}

export class XlsxHost implements Host {
  readonly kind = "web";

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** The sheets as the user's data stood when the file was opened (earlier marks restored). */
    private readonly sheets: SheetSnapshot[],
    private readonly options: XlsxHostOptions,
  ) {}

  /** Reads an .xlsx, .xls, .et or .ods (held as .xlsx from then on); throws InputError (one clear bilingual line) when it cannot. */
  static async open(data: Uint8Array, options: XlsxHostOptions = {}, load: LoadOptions = {}): Promise<XlsxHost> {
    const { workbook, sheets } = await loadWorkbook(data, load);
    return new XlsxHost(workbook, sheets, options);
  }

  async readWorkbook(onProgress?: (fraction: number) => void): Promise<SheetSnapshot[]> {
    onProgress?.(1);
    return this.sheets;
  }

  async applyPlan(plan: WritePlan, _result?: CheckResult): Promise<void> {
    applyPlan(this.workbook, plan);
  }

  async clearFlags(): Promise<number> {
    return clearMarks(this.workbook);
  }

  /** Refused, as Excel and WPS refuse it, while the workbook's structure is protected. */
  async insertTemplate(kind: TemplateKind): Promise<string> {
    if (isStructureLocked(this.workbook)) throw new Error("工作簿结构受保护，不能插入工作表 / The workbook's structure is protected: no sheet can be inserted");
    return addTemplateSheet(this.workbook, buildTemplate(kind, { lang: this.options.templateLang })).name;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.options.onSelectCell?.(sheet, address);
  }

  async loadRuleConfig(): Promise<string | undefined> {
    return readRuleSheet(this.workbook);
  }

  async storeRuleConfig(text: string | undefined): Promise<void> {
    writeRuleSheet(this.workbook, text);
  }

  /** The workbook as it stands now (with the marks applied), as new .xlsx bytes; the user's workbook protection kept. */
  async toBytes(): Promise<Uint8Array> {
    return xlsxBytesOf(this.workbook);
  }

  /** Column widths of a sheet in Excel's character units (undefined where the sheet sets none). */
  columnWidths(sheet: string, columns: number): (number | undefined)[] {
    const ws = this.workbook.getWorksheet(sheet);
    return Array.from({ length: columns }, (_, i) => ws?.getColumn(i + 1).width);
  }
}
