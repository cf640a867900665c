/**
 * Guards exceljs against hostile .xlsx packages before it inflates anything.
 *
 * An .xlsx is a zip. Its central directory (at the end of the file) declares
 * every entry's compressed and uncompressed size, so a decompression flood (a
 * small file whose XML expands to gigabytes) can be refused from the
 * directory alone, without inflating a byte. A file that lies in its directory
 * is caught by `checkInflatedSizes`, which inflates each entry as a stream,
 * counting, and stops at the first byte beyond the declared size (jszip, which
 * exceljs uses, would only notice after inflating the whole entry into memory);
 * the same pass refuses entries whose data is broken or fails its checksum.
 *
 * No Node or DOM imports beyond `DecompressionStream` (Node ≥ 18, browsers),
 * so the CLI and the browser page share it.
 */

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else exceljs cannot read. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** CRC-32 of the uncompressed data, as the directory records it. */
  crc32: number;
  /** Marked a folder (the DOS directory attribute, or a name ending in "/"): JSZip, under exceljs's full load, reads no part there. */
  directory: boolean;
}

/** Why the bytes are not a readable zip; `truncated` when the end of the file is missing. */
export class ZipStructureError extends Error {
  constructor(
    readonly reason: "truncated" | "damaged" | "encrypted" | "unsupported",
    detail: string,
  ) {
    super(detail);
  }
}

/** A 50,000-row indicator table is about 18 MB uncompressed; this leaves room for real forms and bounds memory (exceljs needs ~25× the XML). */
export const DEFAULT_MAX_UNCOMPRESSED_MB = 100;

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U16_SENTINEL = 0xffff;
const U32_SENTINEL = 0xffffffff;
const ZIP64_EXTRA_ID = 0x0001;

class Reader {
  private readonly view: DataView;
  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  has(offset: number, length: number): boolean {
    return Number.isInteger(offset) && offset >= 0 && offset + length <= this.data.length;
  }
  u16(offset: number): number {
    return this.view.getUint16(offset, true);
  }
  u32(offset: number): number {
    return this.view.getUint32(offset, true);
  }
  /** A 64-bit size as a Number; beyond 2^53 it is Infinity (too large either way). */
  u64(offset: number): number {
    const low = this.u32(offset);
    const high = this.u32(offset + 4);
    return high >= 0x200000 ? Infinity : high * 0x100000000 + low;
  }
}

function findEndOfCentralDirectory(r: Reader): number {
  const last = r.data.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (r.u32(at) !== EOCD_SIGNATURE) continue;
    // The comment must end exactly at the end of the file, else this is a stray signature.
    if (at + EOCD_SIZE + r.u16(at + 20) === r.data.length) return at;
  }
  // Bytes after the comment are tolerated (as JSZip does); a comment that runs past the end is not.
  for (let at = last; at >= first; at--) {
    if (r.u32(at) === EOCD_SIGNATURE && at + EOCD_SIZE + r.u16(at + 20) <= r.data.length) return at;
  }
  return -1;
}

interface DirectoryLocation {
  entries: number;
  offset: number;
  size: number;
}

function directoryLocation(r: Reader, eocd: number): DirectoryLocation {
  let entries = r.u16(eocd + 10);
  let size = r.u32(eocd + 12);
  let offset = r.u32(eocd + 16);
  // Any sentinel, the disk numbers' too, sends JSZip to the ZIP64 record (as it does here).
  const sentinel = r.u16(eocd + 4) === U16_SENTINEL || r.u16(eocd + 6) === U16_SENTINEL || r.u16(eocd + 8) === U16_SENTINEL;
  if (sentinel || entries === U16_SENTINEL || size === U32_SENTINEL || offset === U32_SENTINEL) {
    const locator = eocd - 20;
    if (!r.has(locator, 20) || r.u32(locator) !== ZIP64_LOCATOR_SIGNATURE) {
      throw new ZipStructureError("damaged", "ZIP64 sizes without a ZIP64 end-of-directory locator");
    }
    const at = r.u64(locator + 8);
    if (!r.has(at, 56) || r.u32(at) !== ZIP64_EOCD_SIGNATURE) {
      throw new ZipStructureError("truncated", "the ZIP64 end-of-directory record is missing");
    }
    entries = r.u64(at + 32);
    size = r.u64(at + 40);
    offset = r.u64(at + 48);
  }
  if (!r.has(offset, size)) throw new ZipStructureError("truncated", "the central directory lies beyond the end of the file");
  return { entries, offset, size };
}

/** Reads the ZIP64 extra field of a central entry: the 64-bit values of the fields whose 32-bit value is the sentinel. */
function applyZip64Extra(r: Reader, extraStart: number, extraLength: number, entry: ZipEntry): void {
  const wantsUncompressed = entry.uncompressedSize === U32_SENTINEL;
  const wantsCompressed = entry.compressedSize === U32_SENTINEL;
  const wantsOffset = entry.localHeaderOffset === U32_SENTINEL;
  if (!wantsUncompressed && !wantsCompressed && !wantsOffset) return;
  let at = extraStart;
  const end = extraStart + extraLength;
  while (at + 4 <= end) {
    const id = r.u16(at);
    const length = r.u16(at + 2);
    if (id === ZIP64_EXTRA_ID) {
      let field = at + 4;
      const fieldEnd = field + length;
      const next = (): number => {
        if (field + 8 > fieldEnd) throw new ZipStructureError("damaged", `entry ${entry.name}: short ZIP64 extra field`);
        const v = r.u64(field);
        field += 8;
        return v;
      };
      if (wantsUncompressed) entry.uncompressedSize = next();
      if (wantsCompressed) entry.compressedSize = next();
      if (wantsOffset) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
  throw new ZipStructureError("damaged", `entry ${entry.name}: ZIP64 sizes without a ZIP64 extra field`);
}

const utf8 = new TextDecoder("utf-8");

/** Every entry the central directory lists, with its declared sizes. Throws ZipStructureError. */
export function readZipDirectory(data: Uint8Array): ZipEntry[] {
  const r = new Reader(data);
  if (data.length < EOCD_SIZE) throw new ZipStructureError("truncated", "the file is too short to be a zip");
  const eocd = findEndOfCentralDirectory(r);
  if (eocd < 0) throw new ZipStructureError("truncated", "no end-of-central-directory record (the file is cut short)");
  const where = directoryLocation(r, eocd);
  const entries: ZipEntry[] = [];
  let at = where.offset;
  const end = where.offset + where.size;
  for (let i = 0; i < where.entries; i++) {
    if (at + 46 > end || r.u32(at) !== CENTRAL_SIGNATURE) {
      throw new ZipStructureError("damaged", `central directory entry ${i + 1} of ${where.entries} is damaged`);
    }
    const flags = r.u16(at + 8);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    if (at + 46 + nameLength + extraLength + commentLength > end) {
      throw new ZipStructureError("damaged", `central directory entry ${i + 1} runs past the directory`);
    }
    const name = utf8.decode(data.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: r.u16(at + 10),
      compressedSize: r.u32(at + 20),
      uncompressedSize: r.u32(at + 24),
      localHeaderOffset: r.u32(at + 42),
      crc32: r.u32(at + 16),
      directory: (r.u32(at + 38) & 0x10) !== 0 || name.endsWith("/"),
    };
    applyZip64Extra(r, at + 46 + nameLength, extraLength, entry);
    if (flags & 0x1) throw new ZipStructureError("encrypted", `entry ${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ZipStructureError("unsupported", `entry ${entry.name} uses compression method ${entry.method}`);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The sum of the declared uncompressed sizes. */
export function declaredUncompressedBytes(entries: ZipEntry[]): number {
  return entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
}

/** The bytes of an entry's data, after its local header. */
function entryData(r: Reader, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (!r.has(at, 30) || r.u32(at) !== LOCAL_SIGNATURE) {
    throw new ZipStructureError("damaged", `entry ${entry.name}: its local header is missing`);
  }
  const nameLength = r.u16(at + 26);
  // JSZip (exceljs's full load) names a part by its local header: one whose name is not the directory's
  // would be another part there (or none), so both readers refuse it here.
  const localName = r.has(at + 30, nameLength) ? utf8.decode(r.data.subarray(at + 30, at + 30 + nameLength)) : "";
  if (localName.replace(/\\/g, "/") !== entry.name.replace(/\\/g, "/")) {
    throw new ZipStructureError("damaged", `entry ${entry.name}: its local header names it "${localName.slice(0, 60)}"`);
  }
  const start = at + 30 + nameLength + r.u16(at + 28);
  if (!r.has(start, entry.compressedSize)) {
    throw new ZipStructureError("truncated", `entry ${entry.name} runs past the end of the file`);
  }
  return r.data.subarray(start, start + entry.compressedSize);
}

/** The entry's stored bytes (compressed or not) after its local header, which must name it as the directory does. */
export function entryBytes(data: Uint8Array, entry: ZipEntry): Uint8Array {
  return entryData(new Reader(data), entry);
}

/** An entry that inflates to more than its directory declares. */
export class ZipSizeLieError extends Error {
  constructor(readonly entry: string, readonly declared: number) {
    super(`entry ${entry} inflates beyond its declared ${declared} bytes`);
  }
}

/** An entry whose data does not inflate, or inflates to other bytes than its checksum says. */
export class ZipDataError extends Error {
  constructor(readonly entry: string, detail: string) {
    super(`entry ${entry}: ${detail}`);
  }
}

type Inflater = { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };

function inflater(): Inflater | undefined {
  const Ctor = (globalThis as { DecompressionStream?: new (format: string) => Inflater }).DecompressionStream;
  if (!Ctor) return undefined;
  try {
    return new Ctor("deflate-raw");
  } catch {
    return undefined;
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of the zip format, continued over chunks: start with 0xffffffff, finish with `^ 0xffffffff`. */
function crcUpdate(crc: number, bytes: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return c;
}

/** The CRC-32 of the zip format of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  return (crcUpdate(0xffffffff, bytes) ^ 0xffffffff) >>> 0;
}

/**
 * What a host may lend the guard: Node's zlib inflates (and checksums) an entry in one call,
 * several times faster than a DecompressionStream, and the inflated parts can be kept for
 * the streaming reader so that nothing is inflated twice.
 */
export interface HostInflate {
  /** Inflates raw deflate data; throws on broken data, and with code ERR_BUFFER_TOO_LARGE past `maxBytes`. */
  inflateRaw?(raw: Uint8Array, maxBytes: number): Uint8Array;
  crc32?(bytes: Uint8Array): number;
  /** Receives each verified entry's bytes, by its directory name. */
  keep?: Map<string, Uint8Array>;
}

/**
 * Inflates every entry as a stream, as exceljs will, and checks it against its
 * directory record before exceljs sees it: it stops as soon as an entry yields
 * more than its declared size (ZipSizeLieError, memory stays at one chunk), and
 * refuses an entry whose deflate data is broken, that ends short of its size,
 * or whose checksum differs (ZipDataError). Both of exceljs's readers then get
 * only sound data: the streaming one would otherwise wait forever on a broken
 * deflate stream, and misread what only the checksum shows to be damaged.
 * Where the platform has no DecompressionStream("deflate-raw"), deflated
 * entries are left to exceljs.
 */
export async function verifyEntries(data: Uint8Array, entries: ZipEntry[], host: HostInflate = {}): Promise<void> {
  const r = new Reader(data);
  const crcOf = host.crc32 ?? ((bytes: Uint8Array) => (crcUpdate(0xffffffff, bytes) ^ 0xffffffff) >>> 0);
  for (const entry of entries) {
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw new ZipSizeLieError(entry.name, entry.uncompressedSize);
      const body = entryData(r, entry);
      if (crcOf(body) >>> 0 !== entry.crc32) throw new ZipDataError(entry.name, "checksum mismatch");
      host.keep?.set(entry.name, body);
      continue;
    }
    if (host.inflateRaw) {
      const body = entryData(r, entry);
      let out: Uint8Array;
      try {
        // One byte past the declared size is enough to know it lies; the inflater stops there.
        out = host.inflateRaw(body, entry.uncompressedSize + 1);
      } catch (e) {
        if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new ZipSizeLieError(entry.name, entry.uncompressedSize);
        throw new ZipDataError(entry.name, "the compressed data is broken");
      }
      if (out.length > entry.uncompressedSize) throw new ZipSizeLieError(entry.name, entry.uncompressedSize);
      if (out.length !== entry.uncompressedSize) throw new ZipDataError(entry.name, `inflates to ${out.length} bytes, not ${entry.uncompressedSize}`);
      if (crcOf(out) >>> 0 !== entry.crc32) throw new ZipDataError(entry.name, "checksum mismatch");
      host.keep?.set(entry.name, out);
      continue;
    }
    const stream = inflater();
    if (!stream) return;
    const body = entryData(r, entry);
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    // Errors of the write side surface on the read side; keep them from going unhandled.
    writer.write(body).catch(() => undefined);
    writer.close().catch(() => undefined);
    let total = 0;
    let crc = 0xffffffff;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > entry.uncompressedSize) throw new ZipSizeLieError(entry.name, entry.uncompressedSize);
        crc = crcUpdate(crc, value);
      }
    } catch (e) {
      await reader.cancel().catch(() => undefined);
      if (e instanceof ZipSizeLieError) throw e;
      throw new ZipDataError(entry.name, "the compressed data is broken");
    }
    if (total !== entry.uncompressedSize) throw new ZipDataError(entry.name, `inflates to ${total} bytes, not ${entry.uncompressedSize}`);
    if (((crc ^ 0xffffffff) >>> 0) !== entry.crc32) throw new ZipDataError(entry.name, "checksum mismatch");
  }
}
