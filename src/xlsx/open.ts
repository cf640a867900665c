/**
 * Opens a workbook of any format we read, chosen by its content (src/xlsx/format.ts):
 * .xlsx through the zip guard and our readers, .xls / .et / .ods through SheetJS
 * (src/xlsx/legacyRead.ts). Either way the result is the same snapshots; a
 * write-back always gets an exceljs workbook, so an annotated copy is an .xlsx.
 */
import type { SheetSnapshot } from "../core/types";
import { detectFormat, type WorkbookFormat } from "./format";
import { guardPackage, loadXlsx, tooLarge, type LoadedWorkbook, type LoadOptions } from "./load";
import { readLegacyWorkbook, type LegacyWorkbook } from "./legacyRead";
import { DEFAULT_MAX_UNCOMPRESSED_MB } from "./zipGuard";

export interface OpenedSheets {
  format: WorkbookFormat;
  sheets: SheetSnapshot[];
  /** The rules the workbook stores (src/core/config/stored.ts), if any. */
  storedRules?: string;
}

export interface OpenedWorkbook extends LoadedWorkbook {
  format: WorkbookFormat;
}

/** Guards the bytes of a non-.xlsx workbook as an .xlsx is guarded, then parses them. */
async function readLegacy(data: Uint8Array, format: WorkbookFormat, options: LoadOptions): Promise<LegacyWorkbook> {
  if (format === "ods") {
    await guardPackage(data, options, undefined, "content.xml");
  } else if (data.length > (options.maxUncompressedMB ?? DEFAULT_MAX_UNCOMPRESSED_MB) * 1024 * 1024) {
    throw tooLarge(data.length, options);
  }
  return readLegacyWorkbook(data);
}

/**
 * The snapshots of a workbook that nothing will be written to. `readXlsx` is the
 * host's .xlsx reader (the CLI's streaming one, or the full load).
 */
export async function readWorkbookSheets(
  data: Uint8Array,
  options: LoadOptions,
  readXlsx: (data: Uint8Array, options: LoadOptions) => Promise<{ sheets: SheetSnapshot[]; storedRules?: string }>,
): Promise<OpenedSheets> {
  const format = detectFormat(data);
  if (format === "xlsx") return { format, ...(await readXlsx(data, options)) };
  const legacy = await readLegacy(data, format, options);
  const stored = legacy.storedRules === undefined ? {} : { storedRules: legacy.storedRules };
  // A copy annotated earlier and saved back in this format: the .xlsx load restores its marks first.
  if (legacy.hasRecord) return { format, sheets: (await loadXlsx(legacy.toXlsx(), options)).sheets, ...stored };
  return { format, sheets: legacy.sheets, ...stored };
}

/** A workbook to write marks to: an .xlsx as loaded, any other format converted to .xlsx in memory first. */
export async function loadWorkbook(data: Uint8Array, options: LoadOptions = {}): Promise<OpenedWorkbook> {
  const format = detectFormat(data);
  if (format === "xlsx") return { format, ...(await loadXlsx(data, options)) };
  const legacy = await readLegacy(data, format, options);
  return { format, ...(await loadXlsx(legacy.toXlsx(), { ...options, maxUncompressedMB: Infinity })) };
}
