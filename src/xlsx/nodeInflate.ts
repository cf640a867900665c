import zlib from "node:zlib";
import type { HostInflate } from "./zipGuard";

/** Node's zlib for the zip guard: one call per part, its CRC-32 in C where this Node has it (20.15+). */
export const nodeInflate: HostInflate = {
  inflateRaw: (raw, maxBytes) => zlib.inflateRawSync(raw, { maxOutputLength: maxBytes }),
  crc32: typeof zlib.crc32 === "function" ? (bytes) => zlib.crc32(bytes) : undefined,
};
