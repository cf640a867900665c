/**
 * A guard over an OLE2 compound file ([MS-CFB]: .xls, .et, an encrypted .xlsx)
 * before any parser sees it: the header, the FAT (through the DIFAT), the
 * directory and every stream's chain are walked once, each sector at most once,
 * so a sector loop, a chain that runs off the end of the file, a size declared
 * far beyond the file or a directory tree that loops is refused in time and
 * memory proportional to the file. What it returns is the names of the streams,
 * which tell an Excel workbook from a Word document or an encrypted package.
 */

export class CompoundFileError extends Error {
  constructor(
    readonly reason: "truncated" | "damaged" | "loop" | "size",
    detail: string,
  ) {
    super(`compound file ${reason}: ${detail}`);
    this.name = "CompoundFileError";
  }
}

export interface CompoundStream {
  name: string;
  size: number;
}

export interface CompoundDirectory {
  /** Every stream reachable from the root (names as stored, any depth). */
  streams: CompoundStream[];
}

const HEADER_BYTES = 512;
const ENTRY_BYTES = 128;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT_SLOTS = 109;

export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** Walks the structure of a compound file; throws CompoundFileError on anything a reader could loop on or run past. */
export function readCompoundDirectory(data: Uint8Array): CompoundDirectory {
  if (data.length < HEADER_BYTES) throw new CompoundFileError("truncated", "shorter than its header");
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  const major = u16(26);
  const sectorShift = u16(30);
  if (u16(28) !== 0xfffe) throw new CompoundFileError("damaged", "byte order mark");
  if (!((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) {
    throw new CompoundFileError("damaged", `version ${major} with sector shift ${sectorShift}`);
  }
  if (u16(32) !== 6) throw new CompoundFileError("damaged", "mini sector shift");
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.max(0, Math.ceil((data.length - sectorSize) / sectorSize));
  const perSector = sectorSize / 4;

  const fatSectorCount = u32(44);
  const firstDirectorySector = u32(48);
  const miniCutoff = u32(56);
  const firstMiniFatSector = u32(60);
  const miniFatSectorCount = u32(64);
  const firstDifatSector = u32(68);
  const difatSectorCount = u32(72);
  if (miniCutoff !== 4096) throw new CompoundFileError("damaged", "mini stream cutoff");
  if (fatSectorCount > sectorCount || difatSectorCount > sectorCount || miniFatSectorCount > sectorCount) {
    throw new CompoundFileError("size", "declares more sectors than the file holds");
  }

  const sectorStart = (s: number) => (s + 1) * sectorSize;
  const inFile = (s: number) => s < sectorCount;
  const sectorU32 = (s: number, i: number) => {
    const at = sectorStart(s) + i * 4;
    if (at + 4 > data.length) throw new CompoundFileError("truncated", `sector ${s} is cut short`);
    return u32(at);
  };

  // The FAT's own sectors: 109 in the header, then the DIFAT chain (each sector's last slot is the next).
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_SLOTS && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(76 + i * 4));
  const seenDifat = new Set<number>();
  for (let s = firstDifatSector, n = 0; fatSectors.length < fatSectorCount; n++) {
    if (s === END_OF_CHAIN || s === FREE_SECTOR || n >= difatSectorCount) throw new CompoundFileError("truncated", "DIFAT ends early");
    if (!inFile(s)) throw new CompoundFileError("truncated", `DIFAT sector ${s} past the end`);
    if (seenDifat.has(s)) throw new CompoundFileError("loop", "DIFAT chain loops");
    seenDifat.add(s);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i++) fatSectors.push(sectorU32(s, i));
    s = sectorU32(s, perSector - 1);
  }
  const fat = new Uint32Array(fatSectorCount * perSector);
  fatSectors.forEach((s, k) => {
    if (!inFile(s)) throw new CompoundFileError("truncated", `FAT sector ${s} past the end`);
    for (let i = 0; i < perSector; i++) fat[k * perSector + i] = sectorU32(s, i);
  });

  // Every chain claims its sectors; a sector claimed twice is a loop or a cross-link: refused either way.
  const claimed = new Uint8Array(sectorCount);
  /** The chain's sectors; with `bytes`, also that it holds that many bytes, all of them inside the file. */
  const chain = (start: number, what: string, bytes?: number): number[] => {
    const sectors: number[] = [];
    for (let s = start; s !== END_OF_CHAIN; s = fat[s]) {
      if (s >= MAX_REGULAR_SECTOR) throw new CompoundFileError("damaged", `${what} chain holds a reserved sector`);
      if (!inFile(s) || s >= fat.length) throw new CompoundFileError("truncated", `${what} chain runs past the end`);
      if (claimed[s]) throw new CompoundFileError("loop", `${what} chain loops or crosses another`);
      claimed[s] = 1;
      if (bytes !== undefined) {
        const need = Math.min(sectorSize, bytes - sectors.length * sectorSize);
        if (need > 0 && sectorStart(s) + need > data.length) throw new CompoundFileError("truncated", `${what} is cut short`);
      }
      sectors.push(s);
    }
    if (bytes !== undefined && sectors.length * sectorSize < bytes) throw new CompoundFileError("truncated", `${what} is shorter than declared`);
    return sectors;
  };

  const directorySectors = chain(firstDirectorySector, "directory");
  const entries: DirectoryEntry[] = [];
  for (const s of directorySectors) {
    for (let k = 0; k < sectorSize / ENTRY_BYTES; k++) {
      const at = sectorStart(s) + k * ENTRY_BYTES;
      if (at + ENTRY_BYTES > data.length) throw new CompoundFileError("truncated", "directory is cut short");
      const nameBytes = Math.min(64, u16(at + 64));
      let name = "";
      for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(u16(at + i));
      // Version 3 files keep only the low 32 bits of a size (the high ones may hold garbage).
      const size = major === 3 ? u32(at + 120) : u32(at + 120) + u32(at + 124) * 2 ** 32;
      entries.push({ name, type: data[at + 66], left: u32(at + 68), right: u32(at + 72), child: u32(at + 76), start: u32(at + 116), size });
    }
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new CompoundFileError("damaged", "no root entry");

  // The mini stream lives in the root entry's chain, in 64-byte mini sectors indexed by the mini FAT.
  if (root.size > data.length) throw new CompoundFileError("size", "mini stream larger than the file");
  if (root.size > 0) chain(root.start, "mini stream", root.size);
  const miniFatSectors = miniFatSectorCount > 0 ? chain(firstMiniFatSector, "mini FAT") : [];
  const miniFat: number[] = [];
  for (const s of miniFatSectors) for (let i = 0; i < perSector; i++) miniFat.push(sectorU32(s, i));
  const miniSectorCount = Math.floor(root.size / 64);
  const miniClaimed = new Uint8Array(miniSectorCount);
  const miniChain = (start: number, what: string): number => {
    let length = 0;
    for (let s = start; s !== END_OF_CHAIN; s = miniFat[s]) {
      if (s >= miniSectorCount || s >= miniFat.length) throw new CompoundFileError("truncated", `${what} runs past the mini stream`);
      if (miniClaimed[s]) throw new CompoundFileError("loop", `${what} loops or crosses another`);
      miniClaimed[s] = 1;
      length++;
    }
    return length;
  };

  // The tree of names: left/right siblings and children, each entry visited at most once.
  const streams: CompoundStream[] = [];
  const visited = new Uint8Array(entries.length);
  const stack: number[] = [root.child];
  visited[0] = 1;
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === NO_STREAM) continue;
    if (id >= entries.length) throw new CompoundFileError("damaged", "directory points past its end");
    if (visited[id]) throw new CompoundFileError("loop", "directory tree loops");
    visited[id] = 1;
    const e = entries[id];
    stack.push(e.left, e.right);
    if (e.type === 1) stack.push(e.child);
    if (e.type !== 2) continue;
    if (e.size > data.length) throw new CompoundFileError("size", `stream "${e.name}" declares ${e.size} bytes in a file of ${data.length}`);
    if (e.size === 0) {
      streams.push({ name: e.name, size: 0 });
    } else if (e.size < miniCutoff) {
      if (miniChain(e.start, `stream "${e.name}"`) * 64 < e.size) throw new CompoundFileError("truncated", `stream "${e.name}" is cut short`);
      streams.push({ name: e.name, size: e.size });
    } else {
      chain(e.start, `stream "${e.name}"`, e.size);
      streams.push({ name: e.name, size: e.size });
    }
  }
  return { streams };
}
