/**
 * What the Office.js host needs from its surroundings: a way to run a batch
 * (Excel.run) and to ask which ExcelApi requirement sets the running Excel has.
 * Injected, so that tests and the benchmark run the same code over a fake.
 */

/** Options for one Excel.run; only passed on when the running Excel knows them. */
export interface RunOptions {
  /** ExcelApi 1.20: every sync of the run becomes one undo step. */
  mergeUndoGroup?: boolean;
}

export type ExcelRun = <T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Office.context.document.settings: what the add-in stores in the workbook file itself. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

export interface ExcelEnv {
  run: ExcelRun;
  /** The document's settings; absent where the host has none (then rules are not stored). */
  settings?: DocumentSettings;
  /** Office.context.requirements.isSetSupported("ExcelApi", version). */
  isSetSupported(name: string, version: string): boolean;
  /**
   * Largest request or response, in bytes, sent in one sync. Excel on the web refuses
   * payloads over 5 MB; desktop Excel has no such limit but the same budget keeps it responsive.
   */
  payloadLimit?: number;
}

/** Excel on the web: requests and responses over 5 MB fail (RequestPayloadSizeLimitExceeded). */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * The part of the limit the host plans to fill, leaving room for the request envelope and
 * for an estimate that fell short: requests are planned at up to 4.5 MB of data.
 */
export const PAYLOAD_BUDGET_SHARE = 0.9;

/**
 * The add-in declares ExcelApi 1.1 in its manifest (reading and writing values,
 * formulas, number formats and fills, a very hidden sheet, selecting a cell).
 * Everything above is used only where the running Excel has it.
 */
export interface ExcelFeatures {
  /** 1.2: getUsedRange(valuesOnly), so stray formatting does not widen what is read. */
  usedRangeValuesOnly: boolean;
  /** 1.2: merge cells, column widths, row heights, worksheet protection state. */
  formatting12: boolean;
  /** 1.6: suspendApiCalculationUntilNextSync. */
  suspendCalculation: boolean;
  /** 1.7: workbook structure protection, freeze panes. */
  structure17: boolean;
  /** 1.8: data validation (template). */
  dataValidation: boolean;
  /** 1.9: getCellProperties (fills read in one call), suspendScreenUpdatingUntilNextSync, page layout. */
  cellProperties: boolean;
  /** 1.9: getSpecialCellsOrNullObject (where the constants and formulas are, so a stray far cell is not read as a box). */
  specialCells: boolean;
  /** 1.13: getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** 1.18: cell notes. */
  notes: boolean;
  /** 1.20: Excel.run({ mergeUndoGroup }). */
  mergeUndoGroup: boolean;
}

export function detectFeatures(env: Pick<ExcelEnv, "isSetSupported">): ExcelFeatures {
  const has = (v: string) => {
    try {
      return env.isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  return {
    usedRangeValuesOnly: has("1.2"),
    formatting12: has("1.2"),
    suspendCalculation: has("1.6"),
    structure17: has("1.7"),
    dataValidation: has("1.8"),
    cellProperties: has("1.9"),
    specialCells: has("1.9"),
    mergedAreas: has("1.13"),
    notes: has("1.18"),
    mergeUndoGroup: has("1.20"),
  };
}

/** The error code of an Office.js error (OfficeExtension.Error.code), or "". */
export function errorCode(e: unknown): string {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") {
    return (e as { code: string }).code;
  }
  return "";
}

export function isPayloadTooLarge(e: unknown): boolean {
  const code = errorCode(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || code === "PayloadTooLarge";
}

export function isItemNotFound(e: unknown): boolean {
  return errorCode(e) === "ItemNotFound";
}
