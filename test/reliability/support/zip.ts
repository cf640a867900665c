/**
 * A small zip writer for crafting packages that no well-behaved library would
 * write: sizes that lie, ZIP64 records, floods made of repeated deflate blocks.
 */
import zlib from "node:zlib";

export interface ZipInput {
  name: string;
  /** The content, or a flood: `repeat` copies of `chunk` (never held in memory whole). */
  data?: Uint8Array | string;
  flood?: { chunk: Uint8Array | string; repeat: number; prefix?: string; suffix?: string };
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** Write this as the uncompressed size instead of the true one (a lying directory). */
  declaredSize?: number;
}

export interface ZipOptions {
  /** Write ZIP64 records: sentinel sizes in the entries with a ZIP64 extra field, ZIP64 end of directory. */
  zip64?: boolean;
}

function bytes(d: Uint8Array | string): Buffer {
  return typeof d === "string" ? Buffer.from(d, "utf8") : Buffer.from(d.buffer, d.byteOffset, d.byteLength);
}

interface Packed {
  compressed: Buffer;
  size: number;
  crc: number;
}

function pack(input: ZipInput): Packed {
  const method = input.method ?? 8;
  if (input.flood) {
    // Full-flush blocks are byte-aligned and self-contained, so one compressed chunk can be repeated.
    const chunk = bytes(input.flood.chunk);
    const prefix = bytes(input.flood.prefix ?? "");
    const suffix = bytes(input.flood.suffix ?? "");
    const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
    const block = zlib.deflateRawSync(chunk, flush);
    const parts = [zlib.deflateRawSync(prefix, flush)];
    for (let i = 0; i < input.flood.repeat; i++) parts.push(block);
    parts.push(zlib.deflateRawSync(suffix));
    // A big flood is refused before anyone reads it, so its checksum is not worth the seconds it costs.
    let crc = 0;
    if (input.flood.repeat <= 64) {
      crc = zlib.crc32(prefix);
      for (let i = 0; i < input.flood.repeat; i++) crc = zlib.crc32(chunk, crc);
      crc = zlib.crc32(suffix, crc);
    }
    return { compressed: Buffer.concat(parts), size: prefix.length + chunk.length * input.flood.repeat + suffix.length, crc };
  }
  const raw = bytes(input.data ?? "");
  return { compressed: method === 8 ? zlib.deflateRawSync(raw) : raw, size: raw.length, crc: zlib.crc32(raw) };
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

const SENTINEL = 0xffffffff;

/** Writes a zip with the given entries, in order. */
export function writeZip(inputs: ZipInput[], options: ZipOptions = {}): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const method = input.method ?? 8;
    const p = pack(input);
    const name = Buffer.from(input.name, "utf8");
    const declared = input.declaredSize ?? p.size;
    const z64 = options.zip64 === true;
    const extra = z64 ? Buffer.concat([u16(1), u16(24), u64(declared), u64(p.compressed.length), u64(offset)]) : Buffer.alloc(0);
    const localHeader = Buffer.concat([
      u32(0x04034b50), u16(z64 ? 45 : 20), u16(0x0800), u16(method), u16(0), u16(0x21),
      u32(p.crc), u32(z64 ? SENTINEL : p.compressed.length), u32(z64 ? SENTINEL : declared),
      u16(name.length), u16(z64 ? 20 : 0), name,
      z64 ? Buffer.concat([u16(1), u16(16), u64(declared), u64(p.compressed.length)]) : Buffer.alloc(0),
    ]);
    central.push(
      Buffer.concat([
        u32(0x02014b50), u16(z64 ? 45 : 20), u16(z64 ? 45 : 20), u16(0x0800), u16(method), u16(0), u16(0x21),
        u32(p.crc), u32(z64 ? SENTINEL : p.compressed.length), u32(z64 ? SENTINEL : declared),
        u16(name.length), u16(extra.length), u16(0), u16(0), u16(0), u32(0), u32(z64 ? SENTINEL : offset),
        name, extra,
      ]),
    );
    local.push(localHeader, p.compressed);
    offset += localHeader.length + p.compressed.length;
  }
  const directory = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (options.zip64) {
    const eocd64At = offset + directory.length;
    tail.push(
      Buffer.concat([
        u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0),
        u64(inputs.length), u64(inputs.length), u64(directory.length), u64(offset),
      ]),
      Buffer.concat([u32(0x07064b50), u32(0), u64(eocd64At), u32(1)]),
      Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(SENTINEL), u32(SENTINEL), u16(0)]),
    );
  } else {
    tail.push(
      Buffer.concat([
        u32(0x06054b50), u16(0), u16(0), u16(inputs.length), u16(inputs.length), u32(directory.length), u32(offset), u16(0),
      ]),
    );
  }
  return Buffer.concat([...local, directory, ...tail]);
}
