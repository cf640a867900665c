/**
 * The zip directory guard (src/xlsx/zipGuard.ts) and the refusals loadXlsx
 * builds on it: floods refused from the declared sizes before anything is
 * inflated, directories that lie caught while inflating, ZIP64, cut-short and
 * damaged packages, zips that hold no workbook.
 */
import ExcelJS from "exceljs";
import { InputError, loadXlsx } from "../../src/xlsx/load";
import { nodeInflate } from "../../src/xlsx/nodeInflate";
import { DEFAULT_MAX_UNCOMPRESSED_MB, declaredUncompressedBytes, readZipDirectory, ZipStructureError } from "../../src/xlsx/zipGuard";
import { check } from "../../src/core/check";
import { rawTable, workbookEntries, xlsxBytes } from "./support/ooxml";
import { writeZip, type ZipInput } from "./support/zip";

const MB = 1024 * 1024;

async function refusal(data: Uint8Array, options?: Parameters<typeof loadXlsx>[1]): Promise<InputError> {
  try {
    await loadXlsx(data, options);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw new Error(`not an InputError: ${String(e)}`);
  }
  throw new Error("the file was accepted");
}

/** A package whose only sheet is `repeat` MB of one inline string: honest sizes, never inflated by the guard. */
function floodWorkbook(repeat: number, extra: Partial<ZipInput> = {}): Buffer {
  const entries = workbookEntries([{ name: "S", cells: {} }]);
  entries[entries.length - 1] = {
    name: "xl/worksheets/sheet1.xml",
    flood: {
      prefix: '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>',
      chunk: "A".repeat(MB),
      repeat,
      suffix: "</t></is></c></row></sheetData></worksheet>",
    },
    ...extra,
  };
  return writeZip(entries);
}

describe("readZipDirectory", () => {
  test("lists every entry with its true sizes, plain and ZIP64 alike", () => {
    const entries = workbookEntries([{ name: "表", cells: rawTable(20) }]);
    for (const zip64 of [false, true]) {
      const listed = readZipDirectory(writeZip(entries, { zip64 }));
      expect(listed.map((e) => e.name)).toEqual(entries.map((e) => e.name));
      for (const [i, e] of listed.entries()) expect(e.uncompressedSize).toBe(Buffer.byteLength(entries[i].data as string));
    }
  });

  test("reads what exceljs writes (data descriptors, a real workbook)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "x";
    const buf = new Uint8Array(await wb.xlsx.writeBuffer());
    const listed = readZipDirectory(buf);
    expect(listed.map((e) => e.name)).toContain("xl/workbook.xml");
    expect(declaredUncompressedBytes(listed)).toBeGreaterThan(buf.length);
  });

  test("a cut-short file is 'truncated', never a crash", () => {
    const whole = xlsxBytes([{ name: "S", cells: rawTable(5) }]);
    for (const keep of [0, 10, 21, whole.length >> 1, whole.length - 1]) {
      expect(() => readZipDirectory(whole.subarray(0, keep))).toThrow(ZipStructureError);
    }
  });

  test("ZIP64 sentinels without their records are 'damaged'", () => {
    const whole = xlsxBytes([{ name: "S", cells: rawTable(5) }], { zip64: true });
    // Blank the ZIP64 locator's signature: the sentinels in the end record now point nowhere.
    const eocd = whole.length - 22;
    const broken = Buffer.from(whole);
    broken.writeUInt32LE(0, eocd - 20);
    expect(() => readZipDirectory(broken)).toThrow(/locator/);
  });
});

describe("loadXlsx refuses a decompression flood from the directory alone", () => {
  test(`default limit ${DEFAULT_MAX_UNCOMPRESSED_MB} MB: a 2 MB file that expands to 3 GB is refused at once, memory flat`, async () => {
    const flood = floodWorkbook(3 * 1024);
    expect(flood.length).toBeLessThan(8 * MB);
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const e = await refusal(flood);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * MB);
    expect(e.code).toBe("TOO_LARGE");
    expect(e.bilingual.zh).toMatch(/3072 MB.*上限 100 MB/);
    expect(e.bilingual.en).toMatch(/3072 MB.*limit of 100 MB/);
  });

  test("the limit can be raised, and the refusal says how", async () => {
    const flood = floodWorkbook(12);
    const hint = { zh: "可用 --max-xml-mb 提高上限", en: "raise it with --max-xml-mb" };
    const e = await refusal(flood, { maxUncompressedMB: 8, raiseLimitHint: hint });
    expect(e.code).toBe("TOO_LARGE");
    expect(e.bilingual.zh).toContain("超过上限 8 MB");
    expect(e.bilingual.zh).toContain("；可用 --max-xml-mb 提高上限");
    expect(e.bilingual.en).toContain("limit of 8 MB");
    expect(e.bilingual.en).toContain("; raise it with --max-xml-mb");
    // Raised above its size the same file is read (one 12 MB string in A1: no table, but no refusal).
    const loaded = await loadXlsx(flood, { maxUncompressedMB: 20 });
    expect(String(loaded.sheets[0].values[0][0]).length).toBe(12 * MB);
  });

  test("ZIP64: a 64-bit declared size of 5 GB is refused", async () => {
    const entries = workbookEntries([{ name: "S", cells: rawTable(3) }]);
    entries[entries.length - 1] = { ...entries[entries.length - 1], declaredSize: 5 * 1024 * MB };
    const e = await refusal(writeZip(entries, { zip64: true }));
    expect(e.code).toBe("TOO_LARGE");
    expect(e.bilingual.en).toMatch(/5120 MB/);
  });

  test("a ZIP64 workbook of normal size is read as any other", async () => {
    const { sheets } = await loadXlsx(xlsxBytes([{ name: "表", cells: rawTable(4) }], { zip64: true }));
    const out = check(sheets);
    expect(out.ok && out.result.rows.length).toBe(4);
  });
});

describe.each([
  ["a DecompressionStream (the page)", undefined],
  ["Node's zlib (the CLI)", nodeInflate],
])("loadXlsx catches a directory that lies, inflating with %s", (_name, inflate) => {
  test("an entry declared as 1 KB that inflates to 64 MB is stopped early, memory flat", async () => {
    const lie = floodWorkbook(64, { declaredSize: 1024 });
    const rss = process.memoryUsage().rss;
    const e = await refusal(lie, { inflate });
    expect(process.memoryUsage().rss - rss).toBeLessThan(60 * MB);
    expect(e.code).toBe("CORRUPT");
    expect(e.bilingual.zh).toMatch(/sheet1\.xml.*超过它声明的大小/);
    expect(e.bilingual.en).toMatch(/beyond its declared size/);
  });

  test("a stored entry whose sizes disagree", async () => {
    const entries = workbookEntries([{ name: "S", cells: rawTable(3) }]);
    entries[entries.length - 1] = { ...entries[entries.length - 1], method: 0, declaredSize: 10 };
    expect((await refusal(writeZip(entries), { inflate })).code).toBe("CORRUPT");
  });

  test("an entry that inflates to fewer bytes than declared, or to other bytes than its checksum", async () => {
    const short = workbookEntries([{ name: "S", cells: rawTable(3) }]);
    short[short.length - 1] = { ...short[short.length - 1], declaredSize: 1_000_000 };
    expect((await refusal(writeZip(short), { inflate })).bilingual.en).toMatch(/sheet1\.xml.*broken or fails its checksum/);
    const good = writeZip(workbookEntries([{ name: "S", cells: rawTable(3) }]));
    const dir = readZipDirectory(good);
    const sheet = dir.find((e) => e.name.endsWith("sheet1.xml"))!;
    const bad = Buffer.from(good);
    // The CRC-32 in both the local header and the directory record, changed the same way.
    bad.writeUInt32LE((sheet.crc32 ^ 1) >>> 0, sheet.localHeaderOffset + 14);
    const central = bad.indexOf(Buffer.from("xl/worksheets/sheet1.xml"), sheet.localHeaderOffset + 30 + sheet.compressedSize) - 46;
    bad.writeUInt32LE((sheet.crc32 ^ 1) >>> 0, central + 16);
    expect((await refusal(bad, { inflate })).bilingual.en).toMatch(/sheet1\.xml.*broken or fails its checksum/);
  });
});

describe("loadXlsx: packages that are not readable workbooks", () => {
  test("cut short: says the file is incomplete", async () => {
    const whole = xlsxBytes([{ name: "S", cells: rawTable(30) }]);
    const e = await refusal(whole.subarray(0, Math.floor(whole.length * 0.7)));
    expect(e.code).toBe("CORRUPT");
    expect(e.bilingual.zh).toMatch(/无法读取.*不完整/);
    expect(e.bilingual.en).toMatch(/incomplete/);
  });

  test("a Word document, a PowerPoint file, a plain zip: each named for what it is", async () => {
    const cases: [string, RegExp][] = [
      ["word/document.xml", /Word/],
      ["ppt/presentation.xml", /PowerPoint/],
      ["photos/a.txt", /zip/],
    ];
    for (const [name, what] of cases) {
      const e = await refusal(writeZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name, data: "x" }]));
      expect(e.code).toBe("NOT_XLSX");
      expect(e.bilingual.zh).toMatch(what);
      expect(e.bilingual.en).toMatch(what);
    }
  });

  test("an encrypted zip entry", async () => {
    const whole = Buffer.from(xlsxBytes([{ name: "S", cells: rawTable(3) }]));
    const cd = whole.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    whole.writeUInt16LE(whole.readUInt16LE(cd + 8) | 1, cd + 8);
    const e = await refusal(whole);
    expect(e.bilingual.zh).toMatch(/加密/);
  });

  test("a compression method exceljs cannot read", async () => {
    const whole = Buffer.from(xlsxBytes([{ name: "S", cells: rawTable(3) }]));
    const cd = whole.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    whole.writeUInt16LE(14, cd + 10); // LZMA
    expect((await refusal(whole)).bilingual.en).toMatch(/unsupported compression/);
  });
});
