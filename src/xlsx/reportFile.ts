/**
 * A report file given beside the workbook (自评报告): its paragraphs, as the narrative
 * reader takes them. .docx is read with mammoth (its raw text, one paragraph a line),
 * .txt as UTF-8 (or UTF-16 with its byte-order mark). Anything else is refused.
 */
import mammoth from "mammoth";
import { InputError } from "./load";

function extensionOf(name: string): string {
  const m = /\.[^.\\/]+$/.exec(name);
  return m ? m[0].toLowerCase() : "";
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

/** The report's paragraphs (lines of its text); throws an InputError with a bilingual message when it cannot be read. */
export async function readReportFile(name: string, bytes: Uint8Array): Promise<string[]> {
  const ext = extensionOf(name);
  if (ext === ".txt") return decodeText(bytes).split(/\r\n|\r|\n/);
  if (ext !== ".docx") {
    throw new InputError("REPORT_TYPE", {
      zh: `报告文件应为 .docx 或 .txt：${name}`,
      en: `The report file must be .docx or .txt: ${name}`,
    });
  }
  try {
    const input =
      typeof Buffer !== "undefined" ? { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) } : { arrayBuffer: bytes.slice().buffer };
    const { value } = await mammoth.extractRawText(input as Parameters<typeof mammoth.extractRawText>[0]);
    return value.split(/\r\n|\r|\n/);
  } catch (e) {
    const m = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new InputError("REPORT_CORRUPT", { zh: `无法读取报告文件 ${name}：${m}`, en: `Cannot read the report file ${name}: ${m}` });
  }
}
