/**
 * The browser page's host: the Host interface over an .xlsx held in memory as an
 * exceljs Workbook. The user's file is never touched: marks go to this in-memory
 * copy, and a download is a new file written from it.
 *
 * A copy annotated by an earlier check is cleaned as it is opened (the check reads the
 * user's data); its earlier marks are kept as set aside (src/core/setAsideMarks.ts), so that
 * 清除标记 reports them as Excel and WPS, where they are still in the cells, would.
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
import { applyPlan, clearMarks, markedCells } from "../xlsx/write";
import type { RecordEntry } from "../core/record";
import { setAsideAfterPlan, setAsideCells } from "../core/setAsideMarks";
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
    /** The earlier marks the file carried, restored on opening and not yet replaced or cleared. */
    private setAside: RecordEntry[],
  ) {}

  /** Reads an .xlsx, .xls, .et or .ods (held as .xlsx from then on); throws InputError (one clear bilingual line) when it cannot. */
  static async open(data: Uint8Array, options: XlsxHostOptions = {}, load: LoadOptions = {}): Promise<XlsxHost> {
    const { workbook, sheets, earlierMarks } = await loadWorkbook(data, load);
    return new XlsxHost(workbook, sheets, options, earlierMarks);
  }

  /** Cells marked by an earlier check that the opened file carries and that no check here has replaced yet. */
  get setAsideCells(): number {
    return setAsideCells(this.setAside);
  }

  /** The cells 清除标记 would restore now (clearFlags' count): this host's marks and the earlier ones set aside. */
  get marksToClear(): number {
    return markedCells(this.workbook) + setAsideCells(this.setAside);
  }

  async readWorkbook(onProgress?: (fraction: number) => void): Promise<SheetSnapshot[]> {
    onProgress?.(1);
    return this.sheets;
  }

  async applyPlan(plan: WritePlan, _result?: CheckResult): Promise<void> {
    applyPlan(this.workbook, plan);
    this.setAside = setAsideAfterPlan(this.setAside, plan);
  }

  /** The marks this host wrote, and the earlier marks set aside on opening: what 清除标记 in Excel or WPS would restore. */
  async clearFlags(): Promise<number> {
    const cells = clearMarks(this.workbook) + setAsideCells(this.setAside);
    this.setAside = [];
    return cells;
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
