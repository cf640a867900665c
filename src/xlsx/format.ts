/**
 * What a file is, from its bytes, never from its name: an `.xls` that is really
 * an `.xlsx` is read as one, an `.xlsx` that is really CSV is refused as text.
 *
 * - zip: an Office Open XML workbook (xl/workbook.xml) or an OpenDocument
 *   spreadsheet (its `mimetype` entry, else content.xml with a spreadsheet body);
 * - OLE2 compound file: an Excel 97–2003 workbook (a `Workbook` or `Book`
 *   stream; WPS saves its .et so when it keeps Excel's format), walked by the
 *   compound-file guard first; an encrypted package, a Word file, or a WPS
 *   file in its own format are named and refused;
 * - a bare BIFF2–4 stream (Excel 2.x–4.0 .xls, no compound file);
 * - anything else is refused, with what it looks like (HTML, XML, text).
 */
import type { Message } from "../core/types";
import { CompoundFileError, OLE2_MAGIC, readCompoundDirectory } from "./compoundFile";
import { entryBytes, readZipDirectory, ZipStructureError, type ZipEntry } from "./zipGuard";
import { InputError } from "./load";

export type WorkbookFormat = "xlsx" | "ods" | "xls";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return data.length >= magic.length && magic.every((b, i) => data[i] === b);
}

/** Names people know each format by, for messages. */
const SAVE_AS = { zh: "请用 Excel 或 WPS 打开并另存为 .xlsx 后再试", en: "open it in Excel or WPS, save it as .xlsx and try again" };

function refuse(code: InputError["code"], zh: string, en: string): InputError {
  return new InputError(code, { zh: `${zh}，${SAVE_AS.zh}`, en: `${en}; ${SAVE_AS.en}` });
}

const COMPOUND_MESSAGES: Record<CompoundFileError["reason"], Message> = {
  truncated: {
    zh: "无法读取该 .xls 工作簿：文件不完整（被截断，可能是下载或复制没有完成），请重新获取原文件",
    en: "Cannot read the .xls workbook: the file is incomplete (cut short, perhaps an unfinished download or copy); get the original file again",
  },
  damaged: {
    zh: "无法读取该 .xls 工作簿：文件结构已损坏，请重新获取原文件，或在 Excel 中打开并另存为 .xlsx",
    en: "Cannot read the .xls workbook: its structure is damaged; get the original file again, or open it in Excel and save it as .xlsx",
  },
  loop: {
    zh: "无法读取该 .xls 工作簿：文件内部的扇区链成环（文件已损坏或被恶意构造），未读取",
    en: "Cannot read the .xls workbook: a sector chain inside it loops (damaged or crafted); not read",
  },
  size: {
    zh: "无法读取该 .xls 工作簿：其中声明的大小远超文件本身（文件已损坏或被恶意构造），未读取",
    en: "Cannot read the .xls workbook: it declares sizes far beyond the file itself (damaged or crafted); not read",
  },
};

function zipFormat(data: Uint8Array): WorkbookFormat {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(data);
  } catch (e) {
    // The xlsx guard names what is wrong with the package (cut short, damaged …).
    if (e instanceof ZipStructureError) return "xlsx";
    throw e;
  }
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ""), e]));
  if (byName.has("xl/workbook.xml")) return "xlsx";
  const mimetype = byName.get("mimetype");
  if (mimetype && mimetype.method === 0 && mimetype.compressedSize < 200) {
    const text = new TextDecoder().decode(entryBytes(data, mimetype)).trim();
    if (text === ODS_MIMETYPE || text === `${ODS_MIMETYPE}-template`) return "ods";
    if (text.startsWith("application/vnd.oasis.opendocument.")) {
      throw refuse("NOT_XLSX", `不是电子表格：这是 OpenDocument 文档（${text.slice(35)}），不是 .ods 表格`, `Not a spreadsheet: this is an OpenDocument ${text.slice(35)}, not an .ods spreadsheet`);
    }
  }
  if (!mimetype && byName.has("content.xml") && byName.has("META-INF/manifest.xml")) return "ods";
  if (byName.has("xl/workbook.bin")) {
    throw refuse("NOT_XLSX", "这是 Excel 二进制工作簿（.xlsb），暂不支持", "This is an Excel binary workbook (.xlsb), which is not supported");
  }
  // Not a workbook: the xlsx guard says what kind of zip it is.
  return "xlsx";
}

function compoundFormat(data: Uint8Array): WorkbookFormat {
  let streams: { name: string }[];
  try {
    streams = readCompoundDirectory(data).streams;
  } catch (e) {
    if (e instanceof CompoundFileError) throw new InputError("CORRUPT", COMPOUND_MESSAGES[e.reason]);
    throw e;
  }
  const names = new Set(streams.map((s) => s.name.toLowerCase()));
  if (names.has("workbook") || names.has("book")) return "xls";
  if (names.has("encryptedpackage") || names.has("encryptioninfo")) {
    throw new InputError("OLE2", {
      zh: "这是加密（设了打开密码）的工作簿，无法读取；请在 Excel 中另存为未加密的 .xlsx 后再试",
      en: "This is a password-protected workbook; save it from Excel as an unprotected .xlsx and try again",
    });
  }
  if (names.has("worddocument")) throw refuse("NOT_XLSX", "不是工作簿：这是 Word 文档（.doc）", "Not a workbook: this is a Word document (.doc)");
  if (names.has("powerpoint document")) throw refuse("NOT_XLSX", "不是工作簿：这是 PowerPoint 演示文稿（.ppt）", "Not a workbook: this is a PowerPoint presentation (.ppt)");
  throw new InputError("OLE2", {
    zh: "这是 OLE 复合文档，但其中没有 Excel 工作簿：可能是 WPS 表格以其专有格式保存的 .et 文件，无法读取；请在 WPS 中“另存为” Excel 格式（.xlsx）后再试",
    en: "This is an OLE compound file without an Excel workbook in it: perhaps a WPS Spreadsheets .et saved in WPS's own format, which cannot be read; in WPS, save it as an Excel workbook (.xlsx) and try again",
  });
}

/** A bare BIFF2–4 worksheet or workbook: a BOF record (09 00 / 09 02 / 09 04 / 09 08) of a sensible length. */
function isBareBiff(data: Uint8Array): boolean {
  if (data.length < 8 || data[0] !== 0x09 || ![0x00, 0x02, 0x04, 0x08].includes(data[1])) return false;
  const length = data[2] | (data[3] << 8);
  return length >= 4 && length <= 20;
}

function looksLikeText(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) if (b < 9 || (b > 13 && b < 32)) control++;
  return control === 0;
}

function otherFormat(data: Uint8Array): never {
  const head = data.subarray(0, 2048);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (/^<(!doctype html|html|table|meta|head)/.test(text) || /<html[\s>]/.test(text)) {
    throw refuse("NOT_XLSX", "不是真正的 Excel 工作簿：这是网页（HTML）表格，常见于业务系统导出的“.xls”", "Not a real Excel workbook: this is a web page (HTML) table, as some systems export under an .xls name");
  }
  if (text.startsWith("<?xml") && text.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
    throw refuse("NOT_XLSX", "这是 Excel 2003 XML 电子表格，暂不支持", "This is an Excel 2003 XML spreadsheet, which is not supported");
  }
  if (looksLikeText(head)) {
    throw refuse(
      "NOT_XLSX",
      "不是 .xlsx 工作簿（也不是 .xls / .et / .ods）：这是纯文本文件（如 CSV），没有公式、合并单元格和格式",
      "Not an .xlsx workbook (nor .xls / .et / .ods): this is a plain text file (CSV or similar), without formulas, merged cells or formats",
    );
  }
  throw new InputError("NOT_XLSX", {
    zh: "不是 .xlsx 工作簿（文件内容既不是 .xlsx、.xls、.et，也不是 .ods 格式）",
    en: "Not an .xlsx workbook (the content is neither .xlsx, .xls, .et nor .ods)",
  });
}

/**
 * The workbook format of these bytes, or an InputError that says what the file is instead.
 * A compound file is walked by the guard here, so what reaches the parser is sound.
 */
export function detectFormat(data: Uint8Array): WorkbookFormat {
  if (data.length === 0) {
    throw new InputError("NOT_XLSX", { zh: "文件为空，不是工作簿", en: "The file is empty, not a workbook" });
  }
  if (startsWith(data, ZIP_MAGIC)) return zipFormat(data);
  if (startsWith(data, OLE2_MAGIC)) return compoundFormat(data);
  if (isBareBiff(data)) return "xls";
  return otherFormat(data);
}
