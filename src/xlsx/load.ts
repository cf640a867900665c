import type ExcelJS from "exceljs";
import { excelJs } from "./exceljs";
import type { Message, SheetSnapshot } from "../core/types";
import { ImpossibleCellError, snapshotsFromWorkbook } from "./read";
import { isRecordSheet, type RecordEntry } from "../core/record";
import { isRulesSheet } from "../core/config/stored";
import { restoreMarks } from "./write";
import { keepWorkbookExtras } from "./workbookExtras";
import {
  declaredUncompressedBytes,
  DEFAULT_MAX_UNCOMPRESSED_MB,
  readZipDirectory,
  verifyEntries,
  type HostInflate,
  ZipDataError,
  ZipSizeLieError,
  ZipStructureError,
  type ZipEntry,
} from "./zipGuard";

/** An input the user gave that cannot be read: always reported as one clear line, never a stack trace. */
export class InputError extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "NOT_XLSX" | "OLE2" | "CORRUPT" | "TOO_LARGE" | "REPORT_TYPE" | "REPORT_CORRUPT",
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

export interface LoadOptions {
  /** Refuse a package whose entries declare more than this many MB uncompressed (default DEFAULT_MAX_UNCOMPRESSED_MB). */
  maxUncompressedMB?: number;
  /** How the user can raise the limit, appended to the refusal (the CLI names its --max-xml-mb option). */
  raiseLimitHint?: Message;
  /** The host's own inflater (Node's zlib, src/xlsx/nodeInflate.ts); else a DecompressionStream. */
  inflate?: HostInflate;
}

const MB = 1024 * 1024;

function formatMB(bytes: number): string {
  if (!Number.isFinite(bytes)) return "∞";
  const mb = bytes / MB;
  return mb >= 10 ? String(Math.round(mb)) : String(Number(mb.toPrecision(2)));
}

const STRUCTURE_MESSAGES: Record<ZipStructureError["reason"], Message> = {
  truncated: {
    zh: "无法读取该工作簿：文件不完整（被截断，可能是下载或复制没有完成），请重新获取原文件",
    en: "Cannot read the workbook: the file is incomplete (cut short, perhaps an unfinished download or copy); get the original file again",
  },
  damaged: {
    zh: "无法读取该工作簿：文件已损坏（压缩包目录有误），请在 Excel 中打开并另存为 .xlsx 后再试",
    en: "Cannot read the workbook: the file is damaged (its zip directory is broken); open it in Excel, save it as .xlsx and try again",
  },
  encrypted: {
    zh: "无法读取该工作簿：压缩包内容已加密，请另存为未加密的 .xlsx 后再试",
    en: "Cannot read the workbook: the zip content is encrypted; save it as an unprotected .xlsx and try again",
  },
  unsupported: {
    zh: "无法读取该工作簿：压缩格式不受支持，请在 Excel 中另存为 .xlsx 后再试",
    en: "Cannot read the workbook: unsupported compression; save it from Excel as .xlsx and try again",
  },
};

/** The refusal of a workbook over the size limit (the zip's declared size, or an .xls file's own). */
export function tooLarge(bytes: number, options: LoadOptions): InputError {
  const limitMB = options.maxUncompressedMB ?? DEFAULT_MAX_UNCOMPRESSED_MB;
  const hint = options.raiseLimitHint;
  return new InputError("TOO_LARGE", {
    zh: `工作簿解压后共 ${formatMB(bytes)} MB，超过上限 ${formatMB(limitMB * MB)} MB（可能是恶意构造的“压缩炸弹”），未读取${hint ? `；${hint.zh}` : ""}`,
    en: `The workbook expands to ${formatMB(bytes)} MB, over the limit of ${formatMB(limitMB * MB)} MB (possibly a crafted decompression bomb); not read${hint ? `; ${hint.en}` : ""}`,
  });
}

/** What a zip that is not a workbook most likely is, from its entry names. */
function notAWorkbook(entries: ZipEntry[]): InputError {
  const names = entries.map((e) => e.name.replace(/^\//, ""));
  const kind = names.some((n) => n.startsWith("word/"))
    ? { zh: "Word 文档（.docx）", en: "a Word document (.docx)" }
    : names.some((n) => n.startsWith("ppt/"))
      ? { zh: "PowerPoint 演示文稿（.pptx）", en: "a PowerPoint presentation (.pptx)" }
      : { zh: "普通的 zip 压缩包", en: "a plain zip archive" };
  return new InputError("NOT_XLSX", {
    zh: `不是 .xlsx 工作簿：这是${kind.zh}，其中没有 Excel 工作簿（xl/workbook.xml）`,
    en: `Not an .xlsx workbook: this is ${kind.en} without an Excel workbook (xl/workbook.xml) in it`,
  });
}

/**
 * Reads the zip directory and refuses, before exceljs inflates anything: a cut-short
 * or damaged package, a zip that holds no workbook, and a package whose declared
 * uncompressed size is over the limit (a decompression flood); then checks, entry by
 * entry and stopping early, that nothing inflates beyond what it declares and that
 * every entry's data is sound (it inflates, to its size and checksum).
 */
export async function guardPackage(
  data: Uint8Array,
  options: LoadOptions = {},
  keep?: Map<string, Uint8Array>,
  /** The part without which the package is no workbook of its kind (content.xml for an .ods). */
  requiredPart = "xl/workbook.xml",
): Promise<void> {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(data);
  } catch (e) {
    if (e instanceof ZipStructureError) throw new InputError("CORRUPT", STRUCTURE_MESSAGES[e.reason]);
    throw e;
  }
  if (!entries.some((e) => e.name.replace(/^\//, "") === requiredPart)) throw notAWorkbook(entries);
  const limitMB = options.maxUncompressedMB ?? DEFAULT_MAX_UNCOMPRESSED_MB;
  const declared = declaredUncompressedBytes(entries);
  if (declared > limitMB * MB) throw tooLarge(declared, options);
  try {
    await verifyEntries(data, entries, { ...options.inflate, keep });
  } catch (e) {
    if (e instanceof ZipDataError) {
      throw new InputError("CORRUPT", {
        zh: `无法读取该工作簿：文件已损坏（其中“${e.entry}”的数据不完整或校验不符），请重新获取原文件，或在 Excel 中打开并另存为 .xlsx 后再试`,
        en: `Cannot read the workbook: the file is damaged (the data of "${e.entry}" is broken or fails its checksum); get the original file again, or open it in Excel and save it as .xlsx`,
      });
    }
    if (e instanceof ZipSizeLieError) {
      throw new InputError("CORRUPT", {
        zh: `无法读取该工作簿：其中的“${e.entry}”解压后超过它声明的大小（文件已损坏或被恶意构造），未读取`,
        en: `Cannot read the workbook: its entry "${e.entry}" expands beyond its declared size (damaged or crafted); not read`,
      });
    }
    if (e instanceof ZipStructureError) throw new InputError("CORRUPT", STRUCTURE_MESSAGES[e.reason]);
    throw e;
  }
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  /** Every sheet but our own record, as the user's data stood before any earlier marks. */
  sheets: SheetSnapshot[];
  /** The record of the earlier marks the load restored (the workbook was an annotated copy); empty for a clean one. */
  earlierMarks: RecordEntry[];
}

/** Loads an .xlsx from bytes; restores any earlier scorecheck marks in memory so the check sees the user's data. */
export async function loadXlsx(data: Uint8Array, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  sniffXlsx(data);
  await guardPackage(data, options);
  const workbook = new (excelJs().Workbook)();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw damaged(e);
  }
  await keepWorkbookExtras(workbook, data);
  if (workbook.worksheets.length === 0) {
    throw new InputError("CORRUPT", { zh: "工作簿中没有工作表", en: "The workbook has no worksheets" });
  }
  const earlierMarks = restoreMarks(workbook);
  let sheets: SheetSnapshot[];
  try {
    sheets = snapshotsFromWorkbook(workbook).filter((s) => !isRecordSheet(s.name) && !isRulesSheet(s.name));
  } catch (e) {
    if (e instanceof ImpossibleCellError) throw damaged(e);
    throw e;
  }
  return { workbook, sheets, earlierMarks };
}

/** The refusal of a workbook exceljs cannot read, or that holds what Excel cannot (the streaming reader gives the same). */
export function damaged(e: unknown): InputError {
  return new InputError("CORRUPT", {
    zh: `无法读取该工作簿（文件已损坏、不完整，或不是 Excel 工作簿）：${shortReason(e)}`,
    en: `Cannot read the workbook (damaged, truncated, or not an Excel workbook): ${shortReason(e)}`,
  });
}

function shortReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split("\n")[0].slice(0, 120);
}
