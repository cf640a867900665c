/** Files out of a drop: plain files as they are, folders walked (with their sub-folders). */

/** A file with the path it had inside a dropped or chosen folder ("部门/如皋.xlsx"). */
export interface PickedFile {
  file: File;
  path: string;
}

interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}
interface FileEntryLike extends EntryLike {
  file(ok: (f: File) => void, fail: (e: unknown) => void): void;
}
interface DirectoryEntryLike extends EntryLike {
  createReader(): { readEntries(ok: (entries: EntryLike[]) => void, fail: (e: unknown) => void): void };
}

function fileOf(entry: FileEntryLike): Promise<File> {
  return new Promise((ok, fail) => entry.file(ok, fail));
}

/** readEntries gives at most ~100 entries a call: call until it returns none. */
async function children(dir: DirectoryEntryLike): Promise<EntryLike[]> {
  const reader = dir.createReader();
  const all: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: EntryLike, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileEntryLike), path: entry.fullPath.replace(/^\//, "") });
  } else if (entry.isDirectory) {
    for (const child of await children(entry as DirectoryEntryLike)) await walk(child, out);
  }
}

/** What was dropped, folders expanded. Entries must be taken synchronously, before the first await. */
export async function droppedFiles(data: DataTransfer): Promise<PickedFile[]> {
  const entries: EntryLike[] = [];
  const plain: File[] = [];
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== "file") continue;
    const entry = (item as DataTransferItem & { webkitGetAsEntry?(): EntryLike | null }).webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) plain.push(f);
    }
  }
  if (entries.length === 0 && plain.length === 0) plain.push(...Array.from(data.files ?? []));
  const out: PickedFile[] = plain.map((file) => ({ file, path: file.name }));
  for (const e of entries) await walk(e, out);
  return out;
}

/** Files of an <input type=file> (webkitRelativePath when a folder was chosen). */
export function chosenFiles(list: FileList | null): PickedFile[] {
  return Array.from(list ?? []).map((file) => ({ file, path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name }));
}
