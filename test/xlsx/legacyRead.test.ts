/**
 * .xls (BIFF8, BIFF5, BIFF2), .et and .ods read into the snapshots the .xlsx readers
 * give for the same table, and checked to the same findings; files read by their
 * content, whatever their name says; hostile compound files refused.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { check } from "../../src/core/check";
import type { CheckOutcome, SheetSnapshot } from "../../src/core/types";
import { InputError, loadXlsx } from "../../src/xlsx/load";
import { loadWorkbook, readWorkbookSheets } from "../../src/xlsx/open";
import { readXlsxWorkbook } from "../../src/xlsx/stream";
import { detectFormat } from "../../src/xlsx/format";
import { buildTable, validRows, type RowSpec } from "../builders/table";
import { projectTable, put } from "../builders/layouts";
import { seedWorkbook } from "../builders/seed";
import { CompoundLayout, compoundWith, saveAs, withoutFormulas } from "./support/legacy";

const read = (data: Uint8Array) => readWorkbookSheets(data, {}, readXlsxWorkbook);

function faultyRows(): RowSpec[] {
  const rows = validRows(10);
  rows[1] = { ...rows[1], score: 12 }; // above its weight
  rows[4] = { ...rows[4], actual: "80%", score: rows[4].weight }; // unmet, full marks
  rows[7] = { ...rows[7], target: "≤2天", actual: "1天", numFmt: "0.0" };
  return rows;
}

/** The tables of the comparison: the seed form, a project table (budget row), a faulty form with percent formats, and odd cells. */
function tables(): [string, ExcelJS.Workbook][] {
  const odd = new ExcelJS.Workbook();
  const ws = odd.addWorksheet("各类单元格");
  put(ws, "B2", [
    ["文本", 12.5, true, false],
    [{ value: 0.985, numFmt: "0.0%" }, { value: 44197, numFmt: "yyyy-mm-dd" }, { value: 3, numFmt: '0"分"' }, "完成"],
  ]);
  ws.getCell("B5").value = { error: "#DIV/0!" } as ExcelJS.CellValue;
  ws.getCell("B8").value = "合并";
  ws.getCell("B9").value = 7;
  ws.mergeCells("B8:C9");
  odd.addWorksheet("隐藏", { state: "hidden" }).getCell("A1").value = "隐藏表";
  // A stray cell far from the form (BIFF8's last column, row 9000): every reader leaves it out of the snapshot.
  const far = seedWorkbook();
  far.worksheets[0].getCell("IV9000").value = "页脚";
  return [
    ["seed", seedWorkbook()],
    ["project", projectTable()],
    ["faulty", buildTable({ rows: faultyRows(), total: { weight: 100, score: 97 }, grade: "优秀" }).workbook],
    ["odd cells", odd],
    ["far cell", far],
  ];
}

function findingsOf(outcome: CheckOutcome): unknown {
  return outcome.ok ? { findings: outcome.result.findings, totals: outcome.result.totals, layout: outcome.result.layout } : outcome.error;
}

describe.each(tables())("%s", (name, workbook) => {
  let xlsxSheets: SheetSnapshot[];
  let xlsxBytes: Uint8Array;
  beforeAll(async () => {
    xlsxBytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    xlsxSheets = (await loadXlsx(xlsxBytes)).sheets;
  });

  // SheetJS's ODS writer drops error values and sheet states and rewrites some formats, and writes every empty cell up
  // to a far one (minutes, gigabytes), so the odd cells and the far cell are compared as .xls only.
  if (name !== "odd cells" && name !== "far cell")
    test(".ods: the same snapshot cell by cell (values, formulas, number formats, merges) and the same findings", async () => {
    const { other } = await saveAs(workbook, "ods");
    const { format, sheets } = await read(other);
    expect(format).toBe("ods");
    expect(sheets).toEqual(xlsxSheets);
    expect(findingsOf(check(sheets))).toEqual(findingsOf(check(xlsxSheets)));
  });

  test(".xls (BIFF8): the same snapshot and findings (its writer keeps formulas' values, not their text)", async () => {
    const { other } = await saveAs(workbook, "biff8");
    const { format, sheets } = await read(other);
    expect(format).toBe("xls");
    expect(sheets).toEqual(withoutFormulas(xlsxSheets));
    expect(findingsOf(check(sheets))).toEqual(findingsOf(check(withoutFormulas(xlsxSheets))));
  });

  test("the write-back's load (converted to .xlsx in memory) gives the snapshot the check read", async () => {
    for (const type of name === "far cell" ? (["biff8"] as const) : (["biff8", "ods"] as const)) {
      const { other } = await saveAs(workbook, type);
      expect((await loadWorkbook(other)).sheets).toEqual((await read(other)).sheets);
    }
  });
});

describe("the faulty form as LibreOffice saves it (.xls and .ods with their SUM formulas; fixtures/README.md)", () => {
  const fixture = (ext: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "fixtures", `faulty-sum.${ext}`)));
  let xlsxSheets: SheetSnapshot[];
  beforeAll(async () => {
    xlsxSheets = (await loadXlsx(new Uint8Array(await buildTable({ rows: faultyRows(), sheetName: "自评表" }).workbook.xlsx.writeBuffer()))).sheets;
  });

  test.each(["xls", "ods"])("%s: the .xlsx's snapshot, formulas included, and the same findings", async (ext) => {
    const { sheets } = await read(fixture(ext));
    expect(sheets).toEqual(xlsxSheets);
    expect(xlsxSheets[0].formulas.flat().filter(Boolean).length).toBeGreaterThan(0);
    expect(findingsOf(check(sheets))).toEqual(findingsOf(check(xlsxSheets)));
  });
});

test("the faulty form's findings read from .xls are the ones the .xlsx gives (and there are some)", async () => {
  const { other } = await saveAs(buildTable({ rows: faultyRows(), total: { weight: 100, score: 97 }, grade: "优秀" }).workbook, "biff8");
  const outcome = check((await read(other)).sheets);
  if (!outcome.ok) throw new Error("no table");
  expect(outcome.result.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["SCORE_EXCEEDS_WEIGHT", "UNMET_FULL_SCORE"]));
});

test("BIFF5 and BIFF2 (Excel 5.0 and 2.x) files are read too", async () => {
  const wb = new ExcelJS.Workbook();
  put(wb.addWorksheet("Sheet1"), "A1", [
    ["Indicator", "Weight", "Score"],
    ["a", 10, 9.5],
    ["b", 90, 85],
  ]);
  const { xlsx } = await saveAs(wb, "biff8");
  const expected = (await loadXlsx(xlsx)).sheets[0].values;
  for (const type of ["biff5", "biff2"] as const) {
    const { other } = await saveAs(wb, type);
    const { format, sheets } = await read(other);
    expect(format).toBe("xls");
    expect(sheets[0].values).toEqual(expected);
  }
});

describe("read by content, not by name", () => {
  test("an .xls that is really an .xlsx, and an .xlsx that is really an .xls", async () => {
    const wb = buildTable({ rows: validRows(10) }).workbook;
    const { xlsx, other } = await saveAs(wb, "biff8");
    expect(detectFormat(xlsx)).toBe("xlsx");
    expect(detectFormat(other)).toBe("xls");
  });

  const refusal = (data: Uint8Array) => {
    try {
      detectFormat(data);
    } catch (e) {
      if (e instanceof InputError) return e.bilingual;
      throw e;
    }
    throw new Error("not refused");
  };

  test("CSV, an HTML table and Excel 2003 XML under a workbook's name are refused, saying what they are", () => {
    expect(refusal(Buffer.from("一级指标,权重,得分\n产出,10,9\n"))).toEqual({ zh: expect.stringMatching(/纯文本.*CSV.*另存为 \.xlsx/), en: expect.stringMatching(/plain text.*CSV.*save it as \.xlsx/) });
    expect(refusal(Buffer.from("<html><body><table><tr><td>权重</td></tr></table></body></html>"))).toEqual({
      zh: expect.stringMatching(/网页（HTML）/),
      en: expect.stringMatching(/web page \(HTML\)/),
    });
    expect(refusal(Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'))).toEqual({
      zh: expect.stringMatching(/Excel 2003 XML/),
      en: expect.stringMatching(/Excel 2003 XML/),
    });
  });

  test("a compound file without a workbook stream (a WPS .et in its own format) is refused naming the format", () => {
    const message = refusal(compoundWith({ WpsContent: new Uint8Array(5000).fill(7) }));
    expect(message.zh).toMatch(/WPS 表格.*\.et.*另存为/);
    expect(message.en).toMatch(/WPS Spreadsheets \.et/);
  });

  test("an encrypted package and a Word document are named", () => {
    expect(refusal(compoundWith({ EncryptionInfo: new Uint8Array(200), EncryptedPackage: new Uint8Array(5000) })).zh).toMatch(/加密/);
    expect(refusal(compoundWith({ WordDocument: new Uint8Array(5000) })).en).toMatch(/Word document/);
  });
});

describe("hostile compound files are refused before the parser sees them", () => {
  let xls: Uint8Array;
  beforeAll(async () => {
    xls = (await saveAs(buildTable({ rows: validRows(60) }).workbook, "biff8")).other;
  });
  const hostile = (edit: (c: CompoundLayout) => void): Uint8Array => {
    const c = new CompoundLayout(xls.slice());
    edit(c);
    return c.bytes;
  };
  const expectRefused = async (data: Uint8Array, reason: RegExp) => {
    await expect(read(data)).rejects.toMatchObject({ code: "CORRUPT", bilingual: { zh: expect.stringMatching(reason), en: expect.any(String) } });
    await expect(loadWorkbook(data)).rejects.toBeInstanceOf(InputError);
  };

  test("the table's Workbook stream is a regular (not mini) stream, so its chain is in the FAT", () => {
    const c = new CompoundLayout(xls);
    expect(c.u32(c.entryAt(c.entryId("Workbook")) + 120)).toBeGreaterThanOrEqual(4096);
  });

  test("a sector loop in the Workbook stream", async () => {
    const data = hostile((c) => {
      const start = c.u32(c.entryAt(c.entryId("Workbook")) + 116);
      c.set(c.fatSlot(start + 1), start); // its second sector points back to its first
    });
    await expectRefused(data, /成环/);
  });

  test("a directory chain that points at itself", async () => {
    await expectRefused(hostile((c) => c.set(c.fatSlot(c.firstDirectorySector), c.firstDirectorySector)), /成环/);
  });

  test("a directory tree whose entry is its own sibling", async () => {
    await expectRefused(
      hostile((c) => {
        const id = c.entryId("Workbook");
        c.set(c.entryAt(id) + 68, id);
      }),
      /成环/,
    );
  });

  test("a stream that declares 4 GB", async () => {
    await expectRefused(hostile((c) => c.set(c.entryAt(c.entryId("Workbook")) + 120, 0xfffffff0)), /声明的大小/);
  });

  test("a header that declares millions of FAT sectors", async () => {
    await expectRefused(hostile((c) => c.set(44, 0x00ffffff)), /声明的大小/);
  });

  test("a file cut short in the middle of its streams", async () => {
    await expectRefused(xls.slice(0, Math.floor(xls.length * 0.6)), /不完整/);
  });
});
