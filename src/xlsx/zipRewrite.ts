/**
 * One part of a zip package read or replaced, the rest copied byte for byte: for the parts of
 * an .xlsx that exceljs writes without what we must keep (src/xlsx/workbookXml.ts). Only for
 * packages we have just written or already guarded (src/xlsx/zipGuard.ts); no zip64.
 */
import { crc32, entryBytes, readZipDirectory, type ZipEntry } from "./zipGuard";

function findEntry(entries: ZipEntry[], name: string): ZipEntry | undefined {
  return entries.find((e) => e.name.replace(/^\//, "") === name);
}

async function inflateRaw(raw: Uint8Array): Promise<Uint8Array> {
  const Ctor = (globalThis as { DecompressionStream?: new (format: string) => { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> } }).DecompressionStream;
  if (!Ctor) throw new Error("this platform cannot inflate (no DecompressionStream)");
  const stream = new Ctor("deflate-raw");
  const writer = stream.writable.getWriter();
  writer.write(raw).catch(() => undefined);
  writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The part's text (UTF-8), or undefined when the package has no such part. */
export async function zipPartText(data: Uint8Array, name: string): Promise<string | undefined> {
  const entry = findEntry(readZipDirectory(data), name);
  if (!entry) return undefined;
  const raw = entryBytes(data, entry);
  return new TextDecoder("utf-8").decode(entry.method === 0 ? raw : await inflateRaw(raw));
}

/** The package with the part `name` replaced by `text` (stored uncompressed), every other part as it was. */
export function replaceZipPart(data: Uint8Array, name: string, text: string): Uint8Array {
  const entries = readZipDirectory(data);
  if (!findEntry(entries, name)) throw new Error(`the package has no ${name}`);
  const encoder = new TextEncoder();
  const parts: { name: Uint8Array; method: number; crc: number; size: number; body: Uint8Array; offset: number }[] = [];
  let offset = 0;
  for (const e of entries) {
    const replaced = e.name.replace(/^\//, "") === name;
    const body = replaced ? encoder.encode(text) : entryBytes(data, e);
    const part = {
      name: encoder.encode(e.name),
      method: replaced ? 0 : e.method,
      crc: replaced ? crc32(body) : e.crc32,
      size: replaced ? body.length : e.uncompressedSize,
      body,
      offset,
    };
    parts.push(part);
    offset += 30 + part.name.length + body.length;
  }
  const directorySize = parts.reduce((n, p) => n + 46 + p.name.length, 0);
  const out = new Uint8Array(offset + directorySize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const common = (p: (typeof parts)[number], pos: number) => {
    view.setUint16(pos, 20, true); // version needed
    view.setUint16(pos + 2, 0x0800, true); // names in UTF-8
    view.setUint16(pos + 4, p.method, true);
    view.setUint32(pos + 6, 0x00210000, true); // 1980-01-01 00:00
    view.setUint32(pos + 10, p.crc, true);
    view.setUint32(pos + 14, p.body.length, true);
    view.setUint32(pos + 18, p.size, true);
    view.setUint16(pos + 22, p.name.length, true);
    view.setUint16(pos + 24, 0, true);
  };
  for (const p of parts) {
    view.setUint32(at, 0x04034b50, true);
    common(p, at + 4);
    out.set(p.name, at + 30);
    out.set(p.body, at + 30 + p.name.length);
    at += 30 + p.name.length + p.body.length;
  }
  const directoryAt = at;
  for (const p of parts) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // version made by
    common(p, at + 6);
    // comment length, disk, internal and external attributes: 0
    view.setUint32(at + 42, p.offset, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, directoryAt, true);
  return out;
}
