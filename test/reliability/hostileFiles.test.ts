/**
 * Hostile and broken files through the CLI's loader and the engine, in
 * process: each one gives a clear refusal (InputError, in Chinese and
 * English) or a correct result — never another exception, a hang, or memory
 * that grows with what the file claims.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { check } from "../../src/core/check";
import type { CheckResult, SheetSnapshot } from "../../src/core/types";
import { InputError, loadXlsx } from "../../src/xlsx/load";
import { readSheets } from "../../src/xlsx/stream";
import { nodeInflate } from "../../src/xlsx/nodeInflate";
import { applyPlan } from "../../src/xlsx/write";
import { buildTable, tableBuffer, validRows } from "../builders/table";
import { rawTable, sheetXml, workbookEntries, xlsxBytes, type RawCell } from "./support/ooxml";
import { writeZip } from "./support/zip";
import { recordCount } from "./support/counts";

const EXAMPLE = path.resolve(__dirname, "..", "..", "assets", "example", "rugao-2020.xlsx");
const MB = 1024 * 1024;
const FILE_RUNS = Number(process.env.RELIABILITY_FILES ?? 300);

async function answer(read: Promise<SheetSnapshot[]>, ms: number): Promise<SheetSnapshot[] | InputError> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_r, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([read, hang]);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads the bytes as the CLI does, both ways — the full load (for --out) and
 * the streaming read (a check without write-back), the guard inflating with Node's zlib
 * — and resolves to the full
 * load's sheets or its InputError. Anything else fails the test, as does a
 * hang. The two must agree: a file the full load reads, the streaming read
 * reads to the same snapshots; one it refuses, the streaming read refuses with
 * the same code and message (malformed XML, an address Excel cannot have …).
 */
async function load(data: Uint8Array, ms = 15_000): Promise<SheetSnapshot[] | InputError> {
  const full = await answer(loadXlsx(data, { inflate: nodeInflate }).then((l) => l.sheets), ms);
  const streamed = await answer(readSheets(data), ms);
  // The page's read (the guard inflating with a DecompressionStream) refuses the same files with the same code;
  // a broken deflate stream may be called broken by one inflater and too long by the other.
  const page = await answer(loadXlsx(data).then((l) => l.sheets), ms);
  if (full instanceof InputError) expect(page instanceof InputError && page.code).toBe(full.code);
  else expectSame(page, full);
  if (full instanceof InputError) {
    if (!(streamed instanceof InputError)) throw new Error(`only the full load refused: ${full.bilingual.en}`);
    expect({ code: streamed.code, message: streamed.bilingual }).toEqual({ code: full.code, message: full.bilingual });
  } else {
    if (streamed instanceof InputError) throw new Error(`only the streaming read refused: ${streamed.bilingual.en}`);
    expectSame(streamed, full);
  }
  return full;
}

/** Deep equality as toEqual decides it, fast on wide snapshots (toEqual takes seconds on 200,000 cells); toEqual shows any difference. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function expectSame(got: unknown, want: unknown): void {
  if (!same(got, want)) expect(got).toEqual(want);
}

function expectRefusal(out: SheetSnapshot[] | InputError, code: InputError["code"], zh: RegExp, en: RegExp): void {
  if (!(out instanceof InputError)) throw new Error("the file was read");
  expect(out.code).toBe(code);
  expect(out.bilingual.zh).toMatch(zh);
  expect(out.bilingual.en).toMatch(en);
}

function checked(sheets: SheetSnapshot[] | InputError): CheckResult {
  if (sheets instanceof InputError) throw new Error(`refused: ${sheets.bilingual.en}`);
  const out = check(sheets);
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message.en}`);
  return out.result;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

describe("files that are not workbooks", () => {
  test.each<[string, Uint8Array]>([
    ["an empty file", new Uint8Array()],
    ["text renamed .xlsx", Buffer.from("指标,权重,得分\n办件量,2,2\n")],
    ["a PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj")],
    ["a PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ["an HTML page saved as .xlsx", Buffer.from("<html><table><tr><td>三级指标</td></tr></table></html>")],
  ])("%s: NOT_XLSX", async (_name, data) => {
    expectRefusal(await load(data), "NOT_XLSX", /不是 \.xlsx/, /not an \.xlsx/i);
  });

  test("an old .xls or a password-protected workbook (OLE2): says which, and asks for an unprotected .xlsx", async () => {
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0xff)]);
    expectRefusal(await load(ole2), "OLE2", /\.xls.*加密.*未加密的 \.xlsx/, /\.xls.*password-protected.*unprotected \.xlsx/);
  });

  test(`${FILE_RUNS} random byte strings, some starting like a zip: refused, never a crash`, async () => {
    const runs = FILE_RUNS;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.boolean(), async (bytes, zipStart) => {
        const data = zipStart ? Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes]) : bytes;
        const out = await load(data);
        if (!(out instanceof InputError)) throw new Error("random bytes were read as a workbook");
      }),
      { numRuns: runs },
    );
    recordCount("random byte strings", runs);
  });
});

describe("damaged workbooks", () => {
  const example = new Uint8Array(fs.readFileSync(EXAMPLE));

  test("cut short at 60 points along the file: CORRUPT with a clear message every time", async () => {
    for (let i = 1; i < 60; i++) {
      const out = await load(example.subarray(0, Math.floor((example.length * i) / 60)));
      expectRefusal(out, "CORRUPT", /无法读取/, /Cannot read/);
    }
    recordCount("truncated workbooks", 59);
  });

  test(`${FILE_RUNS} workbooks with random bytes overwritten: refused, or read and checked without a throw`, async () => {
    const runs = FILE_RUNS;
    const small = new Uint8Array(await tableBuffer({ rows: validRows(6) }));
    let read = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(small.length - 1), byte: fc.integer({ min: 0, max: 255 }), run: fc.integer({ min: 1, max: 8 }) }), { minLength: 1, maxLength: 6 }),
        async (flips) => {
          const data = Uint8Array.from(small);
          for (const f of flips) data.fill(f.byte, f.at, Math.min(data.length, f.at + f.run));
          const out = await load(data);
          if (out instanceof InputError) return;
          read++;
          const result = check(out);
          if (result.ok) expect(Number.isFinite(result.result.totals.score)).toBe(true);
        },
      ),
      { numRuns: runs },
    );
    recordCount("workbooks with overwritten bytes", runs, `${read} still readable`);
  });

  test(`${FILE_RUNS} workbooks whose sheet XML was cut, spliced or salted (valid zip, valid checksums): refused, or read and checked`, async () => {
    const runs = FILE_RUNS;
    const entries = workbookEntries([{ name: "表", cells: { ...rawTable(5), B3: "产出指标", G7: { f: "SUM(G2:G6)", v: 100 } } }]);
    const sheetXml = entries[entries.length - 1].data as string;
    const SALT = ["<", ">", "&", '"', "</row>", "<row>", '<c r="A1">', "<v>", "</v>", "&amp;", "&#0;", "&#xFFFF;", "\u0000", "<f>", "t=\"e\"", 'r="XFD1048576"', 'r="A0"', 'r="-1"', "]]>", "<![CDATA[", "<?pi?>", "\uD800"];
    let read = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ at: fc.nat(sheetXml.length), cut: fc.nat(40), salt: fc.constantFrom(...SALT) }),
          { minLength: 1, maxLength: 4 },
        ),
        async (edits) => {
          let xml = sheetXml;
          for (const e of edits) {
            const at = e.at % (xml.length + 1);
            xml = xml.slice(0, at) + e.salt + xml.slice(at + e.cut);
          }
          const mutated = [...entries.slice(0, -1), { ...entries[entries.length - 1], data: xml }];
          const out = await load(writeZip(mutated));
          if (out instanceof InputError) return;
          read++;
          const result = check(out);
          if (result.ok) {
            expect(Number.isFinite(result.result.totals.weight)).toBe(true);
            expect(Number.isFinite(result.result.totals.score)).toBe(true);
          }
        },
      ),
      { numRuns: runs },
    );
    recordCount("workbooks with mutated sheet XML", runs, `${read} still readable`);
  });

  test(`${FILE_RUNS} well-formed sheets with odd cells (addresses out of range or repeated, wrong types, odd values): read and checked`, async () => {
    const runs = FILE_RUNS;
    const ADDRESSES = ["A1", "C3", "C3", "XFD1048576", "XFE1", "A0", "A1048577", "ZZ9", "a5", "5A", ""];
    const TYPES = ["", "s", "str", "inlineStr", "b", "e", "n", "d", "bogus"];
    const VALUES = ["", "NaN", "1e999", "-0", "abc", "#REF!", "99999999999999999999", "2020-01-01T00:00:00Z", "-1", "0.1e-400", "1", "TRUE"];
    let read = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ cell: fc.nat(60), address: fc.constantFrom(...ADDRESSES), type: fc.constantFrom(...TYPES), value: fc.constantFrom(...VALUES) }),
          { minLength: 1, maxLength: 6 },
        ),
        async (edits) => {
          const cells: Record<string, RawCell> = { ...rawTable(5), G7: { f: "SUM(G2:G6)", v: 100 } };
          let xml = sheetXml(cells);
          for (const e of edits) {
            let i = 0;
            xml = xml.replace(/<c r="[^"]*"( t="[^"]*")?>(<is><t[^>]*>[^<]*<\/t><\/is>|<v>[^<]*<\/v>|<f>[^<]*<\/f>(<v>[^<]*<\/v>)?)<\/c>/g, (m) =>
              i++ === e.cell ? `<c r="${e.address}"${e.type ? ` t="${e.type}"` : ""}><v>${e.value}</v></c>` : m,
            );
          }
          const out = await load(xlsxBytes([{ name: "表", cells: {}, xml }]));
          if (out instanceof InputError) return;
          read++;
          const result = check(out);
          if (result.ok) expect(Number.isFinite(result.result.totals.score)).toBe(true);
        },
      ),
      { numRuns: runs },
    );
    recordCount("sheets with odd cells", runs, `${read} still readable`);
  });

  test("a billion-laughs DOCTYPE in a sheet: no expansion, an answer in seconds", async () => {
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`)].join("");
    const xml = `<?xml version="1.0"?><!DOCTYPE worksheet [${entities}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
    const rss = process.memoryUsage().rss;
    const out = await load(xlsxBytes([{ name: "S", cells: {}, xml }]), 10_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * MB);
    if (!(out instanceof InputError)) expect(String(out[0].values[0]?.[0] ?? "").length).toBeLessThan(1000);
  });
});

describe("formula cells whose cached result is an error, or missing", () => {
  /** Header at row 1; rows 2–4; total at row 5. */
  function table(overrides: Record<string, RawCell>): Uint8Array {
    return xlsxBytes([{ name: "表", cells: { ...rawTable(3, { weight: 40 }), F4: 20, G4: 20, F5: { f: "SUM(F2:F4)", v: 100 }, G5: { f: "SUM(G2:G4)", v: 100 }, ...overrides } }]);
  }

  test.each([["#REF!"], ["#DIV/0!"], ["#VALUE!"]])("score %s: NOT_A_NUMBER on that row, no NaN in the totals", async (error) => {
    const r = checked(await load(table({ G3: { f: "F3/0", error }, G5: { f: "SUM(G2:G4)", error } })));
    expect(r.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.cell])).toEqual([
      ["NOT_A_NUMBER", "G3"],
      ["TOTAL_SCORE_MISMATCH", "G5"],
    ]);
    expect(r.findings[0].message.zh).toContain(error);
    expect(r.totals).toMatchObject({ weight: 100, score: 60 });
    expect(JSON.stringify(r.totals)).not.toMatch(/null|NaN/);
  });

  test("a weight that is #VALUE!: NOT_A_NUMBER on the weight cell", async () => {
    const r = checked(await load(table({ F2: { f: "A1*2", error: "#VALUE!" }, F5: { f: "SUM(F2:F4)", error: "#VALUE!" } })));
    expect(r.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.cell])).toEqual([
      ["NOT_A_NUMBER", "F2"],
      ["TOTAL_WEIGHT_MISMATCH", "F5"],
    ]);
    expect(Number.isFinite(r.totals.weight)).toBe(true);
  });

  test("a score formula never calculated: a finding on that row; a total never calculated: a finding on the total row", async () => {
    // A total over other cells than the rows (G2:G3) states nothing that can be trusted: reported.
    const r = checked(await load(table({ G4: { f: "F4*1" }, G5: { f: "SUM(G2:G3)" } })));
    expect(r.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.row])).toEqual([
      ["NOT_A_NUMBER", 4],
      ["TOTAL_SCORE_MISMATCH", 5],
    ]);
    expect(r.totals.score).toBe(80);
    // The form's own SUM over exactly its rows is right by construction only when every cell it adds is readable:
    // with G4 uncalculated it is still reported; with every row readable nothing is.
    const own = checked(await load(table({ G4: { f: "F4*1" }, G5: { f: "SUM(G2:G4)" } })));
    expect(own.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.row])).toEqual([
      ["NOT_A_NUMBER", 4],
      ["TOTAL_SCORE_MISMATCH", 5],
    ]);
    const readable = checked(await load(table({ G5: { f: "SUM(G2:G4)" } })));
    expect(readable.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("what people put in real workbooks", () => {
  test("rich text, hyperlinks and dates are read as their text", async () => {
    const { workbook, sheet, firstRow } = buildTable({ rows: validRows(4), header: "one-row", title: null, unit: null });
    sheet.getCell(1, 3).value = { richText: [{ text: "三级", font: { bold: true } }, { text: "指标" }] };
    sheet.getCell(firstRow, 3).value = { text: "=HYPERLINK(\"x\")指标", hyperlink: "https://example.org/a" };
    sheet.getCell(firstRow + 1, 3).value = { richText: [{ text: "群众" }, { text: "知晓率", font: { color: { argb: "FFFF0000" } } }] };
    sheet.getCell(firstRow + 2, 4).value = "2020年12月31日前完成";
    sheet.getCell(firstRow + 2, 5).value = new Date(Date.UTC(2020, 11, 20));
    sheet.getCell(firstRow + 2, 5).numFmt = "yyyy-mm-dd";
    const r = checked(await load(new Uint8Array(await workbook.xlsx.writeBuffer())));
    expect(r.rows.map((x) => x.indicator)).toEqual(["=HYPERLINK(\"x\")指标", "群众知晓率", "指标3", "指标4"]);
    expect(r.rows[2].actual.text).toBe("2020-12-20");
    expect(r.totals).toMatchObject({ weight: 100, score: 100 });
  });

  test("hidden rows are part of the table (Excel's SUM counts them)", async () => {
    const { workbook, sheet, firstRow } = buildTable({ rows: validRows(10) });
    sheet.getRow(firstRow + 2).hidden = true;
    sheet.getRow(firstRow + 3).hidden = true;
    const r = checked(await load(new Uint8Array(await workbook.xlsx.writeBuffer())));
    expect(r.rows).toHaveLength(10);
    expect(r.totals).toMatchObject({ weight: 100, score: 100 });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a hidden sheet that holds the only table is found; a visible table wins over a hidden one", async () => {
    const { workbook } = buildTable({ rows: validRows(5), extraSheetsBefore: [{ name: "封面", rows: [["2020年度绩效自评报告"]] }] });
    workbook.getWorksheet("指标表")!.state = "hidden";
    expect(checked(await load(new Uint8Array(await workbook.xlsx.writeBuffer()))).layout.sheet).toBe("指标表");

    const second = workbook.addWorksheet("公开版");
    buildTable({ rows: validRows(5) }).sheet.eachRow((row, r) => row.eachCell((c, col) => (second.getCell(r, col).value = c.value)));
    expect(checked(await load(new Uint8Array(await workbook.xlsx.writeBuffer()))).layout.sheet).toBe("公开版");
  });

  test("a protected sheet is read and checked; the annotated copy keeps its protection", async () => {
    const { workbook, sheet } = buildTable({ rows: validRows(5).map((r, i) => (i === 1 ? { ...r, score: 30 } : r)) });
    await sheet.protect("secret", { selectLockedCells: true });
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const loaded = await loadXlsx(bytes);
    const out = check(loaded.sheets);
    if (!out.ok) throw new Error(out.error.message.en);
    expect(out.result.findings.map((f) => f.code)).toContain("SCORE_EXCEEDS_WEIGHT");
    applyPlan(loaded.workbook, out.result.plan);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load((await loaded.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = copy.getWorksheet("指标表")! as unknown as { sheetProtection?: { sheet?: boolean } };
    expect(ws.sheetProtection?.sheet).toBe(true);
  });
});

describe("a stray cell at the far end of the sheet: work from the cells that exist", () => {
  const base = { ...rawTable(12), G5: 5 };
  let reference: CheckResult;
  beforeAll(async () => {
    reference = checked(await load(xlsxBytes([{ name: "表", cells: base }])));
  });

  test.each([["H1048576"], ["XFD1"], ["XFD1048576"], ["A1048576"]])("a stray cell at %s: same result, no slowdown", async (address) => {
    const started = cpuMs();
    const rss = process.memoryUsage().rss;
    const bytes = xlsxBytes([{ name: "表", cells: { ...base, [address]: "x" } }]);
    // `load` reads it three ways (full load, streaming read, the page's) and asserts they agree.
    const got = checked(await load(bytes));
    // A dense snapshot of the box would take minutes and gigabytes; these bounds only catch that.
    expect(cpuMs() - started).toBeLessThan(4000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * MB);
    expect(got.rows).toEqual(reference.rows);
    expect(got.totals).toEqual(reference.totals);
    expect(got.findings).toEqual(reference.findings);
    expect(got.plan.resultColumn).toBe(reference.plan.resultColumn);
  });

  test("written by exceljs, and the annotated copy keeps the stray cell", async () => {
    const { workbook, sheet } = buildTable({ rows: validRows(6) });
    sheet.getCell("XFD1048576").value = "末尾";
    const loaded = await loadXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const out = check(loaded.sheets);
    if (!out.ok) throw new Error(out.error.message.en);
    expect(out.result.rows).toHaveLength(6);
    applyPlan(loaded.workbook, out.result.plan);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load((await loaded.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(copy.getWorksheet("指标表")!.getCell("XFD1048576").value).toBe("末尾");
  });
});

test("a 50,000-row table passes the size guard and is checked in full", async () => {
  const rows = 50_000;
  const bytes = xlsxBytes([{ name: "表", cells: rawTable(rows, { weight: 0.002 }) }]);
  const r = checked(await load(bytes, 90_000));
  expect(r.rows).toHaveLength(rows);
  expect(r.totals).toMatchObject({ weight: 100, score: 100, grade: "优" });
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
}, 120_000);
