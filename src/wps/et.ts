/**
 * The part of WPS 表格's ET object model (the JS API of WPS加载项) this host uses, typed
 * narrowly. ET is VBA's object model in JavaScript: synchronous, collections 1-based,
 * colours BGR integers (r + g·256 + b·65536). Every property get or set and every method
 * call crosses into the WPS process, so the host keeps them few (see read.ts, write.ts).
 *
 * Names follow the official declarations (npm et-jsapi-declare, a devDependency only:
 * its licence forbids changing it, and it declares globals); src/wps/declare/conformance.ts,
 * compiled by tsconfig.wps.json, checks every member named here exists there.
 */

/** xlSheetVisibility: −1 visible, 0 hidden, 2 very hidden (only code can show it again). */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlNone / xlColorIndexNone: no fill. */
export const XL_NONE = -4142;
/** Alignment constants (XlHAlign / XlVAlign). */
export const XL_H_ALIGN = { left: -4131, center: -4108, right: -4152 } as const;
export const XL_V_ALIGN = { top: -4160, middle: -4108, bottom: -4107 } as const;
/** xlContinuous, for Borders.LineStyle. */
export const XL_CONTINUOUS = 1;

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  ScreenUpdating: boolean;
  /** Off while deleting the record sheet: WPS asks before deleting a sheet. */
  DisplayAlerts: boolean;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
  /** True while 审阅 → 保护工作簿 locks the structure: no sheet may be added, deleted, renamed, hidden or shown. */
  readonly ProtectStructure: boolean;
  /** Workbook-level defined names (allowed under a protected structure). */
  readonly Names: EtNames;
}

export interface EtNames {
  readonly Count: number;
  Item(index: number | string): EtName;
  /** RefersTo a formula ("=…"); Visible false hides the name from 名称管理器. */
  Add(Name: string, RefersTo: string, Visible?: boolean): EtName;
}

export interface EtName {
  readonly Name: string;
  /** The formula, with its "=". */
  readonly RefersTo: unknown;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  /** Adds a worksheet after `after` (or before the active one); WPS makes it the active sheet. */
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorksheet {
  Name: string;
  Visible: number;
  /** 审阅 → 保护工作表: its locked cells (all, unless unlocked first) cannot be changed. */
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  readonly Comments: EtComments;
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): unknown;
}

/** A multi-cell Value2 / Formula read: a 2-D array, or (seen in WPS) an object answering Item(r, c). */
export type EtBlock = unknown;

export interface EtRange {
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtCount;
  readonly Columns: EtCount;
  Value2: EtBlock;
  Formula: EtBlock;
  /** Value(11), xlRangeValueXMLSpreadsheet: the range as an XML Spreadsheet 2003 document (formats, merges). */
  Value(type?: number): unknown;
  /** One format when every cell shares it, null when they differ. */
  NumberFormat: unknown;
  /** True when every cell is merged, false when none, null when some. */
  MergeCells: unknown;
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  /** True / false when every cell agrees, null when they differ. */
  WrapText: unknown;
  /** In characters of the default font. */
  ColumnWidth: unknown;
  RowHeight: unknown;
  HorizontalAlignment: unknown;
  VerticalAlignment: unknown;
  readonly Font: EtFont;
  readonly Borders: EtBorders;
  readonly Comment: EtComment | null;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  AddComment(text: string): EtComment;
  ClearComments(): void;
  ClearContents(): unknown;
  Merge(across?: boolean): void;
  Select(): unknown;
}

export interface EtCount {
  readonly Count: number;
}

export interface EtInterior {
  /** BGR integer; white (16777215) also when there is no fill, null when the cells differ. */
  Color: unknown;
  /** XL_NONE when there is no fill, null when the cells differ. */
  ColorIndex: unknown;
}

export interface EtFont {
  Bold: unknown;
  Size: unknown;
}

export interface EtBorders {
  LineStyle: unknown;
}

export interface EtComment {
  Text(text?: string): string;
}

export interface EtComments {
  readonly Count: number;
}

/** What the add-in's pages use beyond the spreadsheet: the task pane and storage shared by its pages. */
export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
}

export interface EtPluginStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string | number | boolean): void;
}

export interface EtAddinApplication extends EtApplication {
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane | null;
  readonly PluginStorage: EtPluginStorage;
}

/** The running WPS's Application (a global in an add-in's pages), or undefined outside WPS. */
export function etApplication(): EtAddinApplication | undefined {
  const g = globalThis as unknown as { Application?: EtAddinApplication; wps?: EtAddinApplication };
  return g.Application ?? g.wps;
}
