import ExcelJS from "exceljs";
import type { Message, SheetSnapshot } from "../core/types";
import { snapshotsFromWorkbook } from "./read";
import { RECORD_SHEET } from "./record";
import { clearMarks } from "./write";

/** An input the user gave that cannot be read: always reported as one clear line, never a stack trace. */
export class InputError extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "NOT_XLSX" | "OLE2" | "CORRUPT" | "TOO_LARGE",
    readonly bilingual: Message,
  ) {
    super(bilingual.en);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return data.length >= magic.length && magic.every((b, i) => data[i] === b);
}

/** Refuses what is not an .xlsx before exceljs sees it. */
export function sniffXlsx(data: Uint8Array): void {
  if (data.length === 0) {
    throw new InputError("NOT_XLSX", { zh: "文件为空，不是 .xlsx 工作簿", en: "The file is empty, not an .xlsx workbook" });
  }
  if (startsWith(data, OLE2_MAGIC)) {
    throw new InputError("OLE2", {
      zh: "这是旧版 .xls 文件或加密（设了打开密码）的工作簿，无法读取；请在 Excel 中另存为未加密的 .xlsx 后再试",
      en: "This is an old .xls file or a password-protected workbook; save it from Excel as an unprotected .xlsx and try again",
    });
  }
  if (!startsWith(data, ZIP_MAGIC)) {
    throw new InputError("NOT_XLSX", {
      zh: "不是 .xlsx 工作簿（文件内容不是 Excel 的 Office Open XML 格式）",
      en: "Not an .xlsx workbook (the content is not Office Open XML)",
    });
  }
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  /** Every sheet but our own record, as the user's data stood before any earlier marks. */
  sheets: SheetSnapshot[];
}

/** Loads an .xlsx from bytes; restores any earlier scorecheck marks in memory so the check sees the user's data. */
export async function loadXlsx(data: Uint8Array): Promise<LoadedWorkbook> {
  sniffXlsx(data);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError("CORRUPT", {
      zh: `无法读取该工作簿（文件已损坏、不完整，或不是 Excel 工作簿）：${shortReason(e)}`,
      en: `Cannot read the workbook (damaged, truncated, or not an Excel workbook): ${shortReason(e)}`,
    });
  }
  if (workbook.worksheets.length === 0) {
    throw new InputError("CORRUPT", { zh: "工作簿中没有工作表", en: "The workbook has no worksheets" });
  }
  clearMarks(workbook);
  const sheets = snapshotsFromWorkbook(workbook).filter((s) => s.name !== RECORD_SHEET);
  return { workbook, sheets };
}

function shortReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split("\n")[0].slice(0, 120);
}
