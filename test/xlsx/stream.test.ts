/**
 * The streaming read (src/xlsx/stream.ts) must give exactly the snapshots of
 * the full load (src/xlsx/load.ts), which the whole engine was built against.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Writable } from "node:stream";
import { loadXlsx, InputError } from "../../src/xlsx/load";
import { readSheets, streamSnapshots } from "../../src/xlsx/stream";
import { applyPlan } from "../../src/xlsx/write";
import { check } from "../../src/core/check";
import { buildTable, validRows } from "../builders/table";
import { budgetOnlyTable, groupColumnTable, projectTable, splitTargetTable, put } from "../builders/layouts";
import { seedWorkbook } from "../builders/seed";
import { rawTable, sheetXml, workbookEntries } from "../reliability/support/ooxml";
import { writeZip } from "../reliability/support/zip";

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function expectSameAsFullLoad(data: Uint8Array): Promise<void> {
  const streamed = await streamSnapshots(data);
  const full = await loadXlsx(data);
  expect(streamed).toEqual(full.sheets);
}

/** A sheet with every kind of cell the full load distinguishes. */
function cellKinds(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("各类单元格");
  put(ws, "B2", [
    ["文本", 12.5, true, false, { richText: ["部分", "完成"] }],
    [{ value: 0.985, numFmt: "0.0%" }, { value: 44197, numFmt: "yyyy-mm-dd" }, { value: 3, numFmt: '0"分"' }, "", " "],
    [{ formula: "SUM(C2:C3)", result: 15.5 }, { formula: 'IF(C2>1,"是","否")', result: "是" }, { formula: "C2>1", result: 1 }, null, "a&b<c>'\""],
  ]);
  ws.getCell("B5").value = { error: "#REF!" } as ExcelJS.CellValue;
  ws.getCell("C5").value = { formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellValue;
  ws.getCell("D5").value = { text: "链接文字", hyperlink: "https://example.org" };
  ws.getCell("E5").value = { formula: "TODAY()", result: new Date(Date.UTC(2021, 2, 31)) } as ExcelJS.CellValue;
  ws.getCell("E5").numFmt = "yyyy/m/d";
  // Shared formulas: a master and the slaves that copy it down and across.
  ws.getCell("G2").value = { formula: "C2*2", result: 25, shareType: "shared", ref: "G2:H4" } as unknown as ExcelJS.CellValue;
  for (const a of ["G3", "G4", "H2", "H3", "H4"]) ws.getCell(a).value = { sharedFormula: "G2", result: 1 } as ExcelJS.CellValue;
  // A merge whose covered cells still hold values (the full load reads them as blank).
  ws.getCell("B8").value = "合并";
  ws.getCell("C8").value = "被覆盖";
  ws.getCell("B9").value = 7;
  ws.mergeCells("B8:C9");
  ws.getCell("J12").numFmt = "0.00"; // styled but empty: no cell
  return wb;
}

function severalSheets(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("封面").getCell("A1").value = "2020 年度绩效自评报告";
  const hidden = wb.addWorksheet("隐藏", { state: "hidden" });
  hidden.getCell("C3").value = 1;
  wb.addWorksheet("空表");
  const { workbook } = buildTable({ rows: validRows(12) });
  const table = wb.addWorksheet("指标表");
  workbook.worksheets[0].eachRow((row, r) => row.eachCell((cell, c) => (table.getCell(r, c).value = cell.value)));
  return wb;
}

/** Long Chinese texts over thousands of rows: the XML spans many inflate chunks, and characters straddle them. */
function longChineseTable(): ExcelJS.Workbook {
  const rows = Array.from({ length: 3000 }, (_, i) => ({
    level1: i % 2 ? "产出指标" : "效益指标",
    level2: `职能 ${i % 9}.负责全市政务服务综合管理和业务指导，拟定行政审批、政务服务体系建设发展规划`,
    indicator: `推进“一件事”改革，确保第${i}批事项正式运行并通过省级验收（市、镇、村三级）`,
    target: "≥95%",
    actual: i % 7 ? "98%" : "基本完成",
    weight: 2,
    score: i % 7 ? 2 : 1.5,
    reason: i % 7 ? undefined : "人员调整，部分工作延至下年度完成，已制定整改措施",
  }));
  return buildTable({ rows, levels: "merged" }).workbook;
}

describe("streamSnapshots", () => {
  test.each([
    ["the official two-row layout", () => buildTable({ rows: validRows(20) }).workbook],
    ["a one-row header with repeated levels", () => buildTable({ rows: validRows(8), header: "one-row", levels: "repeated" }).workbook],
    ["a table that starts at D6", () => buildTable({ rows: validRows(6), origin: { row: 6, col: 4 }, title: null, unit: null }).workbook],
    ["the seed table", seedWorkbook],
    ["a group label down a left column", groupColumnTable],
    ["a split target", splitTargetTable],
    ["a project table with its budget block", () => projectTable()],
    ["a budget table only", budgetOnlyTable],
    ["every kind of cell", cellKinds],
    ["several sheets, hidden and empty ones among them", severalSheets],
  ])("reads %s as the full load does", async (_name, build) => {
    await expectSameAsFullLoad(await bytes(build()));
  });

  test("keeps Chinese characters whole across chunk boundaries (exceljs's own streaming reader garbles them)", async () => {
    const data = await bytes(longChineseTable());
    const streamed = (await streamSnapshots(data))!;
    const texts = streamed[0].values.flat().filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => t.includes("\ufffd"))).toBe(false);
    expect(streamed).toEqual((await loadXlsx(data)).sheets);
  });

  test("reads a workbook written by exceljs's streaming writer (inline strings, rows flushed as written)", async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    });
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
    const ws = writer.addWorksheet("指标表");
    ws.addRow(["一级指标", "二级指标", "三级指标", "目标值", "完成情况", "权重", "得分"]).commit();
    for (let i = 0; i < 30; i++) ws.addRow(["产出指标", "数量指标", `指标${i}`, "≥95%", "98%", 2, 2]).commit();
    ws.commit();
    await writer.commit();
    await expectSameAsFullLoad(new Uint8Array(Buffer.concat(chunks)));
  });

  test("reads XML as other writers shape it: comments, line breaks between tags, quotes, phonetic guides, _x000D_ escapes, empty strings", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("指标表");
    put(ws, "A1", [["占位一", 1], ["占位二", 2], [{ richText: ["基本", "完成"] }, 3]]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    zip.file(
      "xl/sharedStrings.xml",
      strings
        .replace("<t>占位一</t>", '<t>第一行_x000D_第二行 &amp; &#x4e09;</t><rPh sb="0" eb="1"><t>だい</t></rPh>')
        .replace(/<si>\s*<t>占位二<\/t>\s*<\/si>/, "<si></si>"),
    );
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet
        .replace("<sheetData>", "<!-- 由其他软件生成 --><sheetData>")
        .replace(/<\/row>/g, "</row>\r\n")
        .replace('<c r="B1"', "<c r='B1'"),
    );
    const data = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    const streamed = (await streamSnapshots(data))!;
    expect(streamed).toEqual((await loadXlsx(data)).sheets);
    expect(streamed[0].values.map((r) => r[0])).toEqual(["第一行\r第二行 & 三", null, "基本完成"]);
  });

  test("leaves a workbook with earlier marks to the full load", async () => {
    const { workbook } = buildTable({ rows: [...validRows(9), { ...validRows(1)[0], indicator: "新增指标", score: 20 }] });
    const before = await loadXlsx(await bytes(workbook));
    const out = check(before.sheets);
    if (!out.ok) throw new Error(out.error.message.en);
    applyPlan(before.workbook, out.result.plan);
    const marked = await bytes(before.workbook);

    expect(await streamSnapshots(marked)).toBeUndefined();
    // readSheets falls back to the full load, which restores the user's cells before the check sees them.
    expect(await readSheets(marked)).toEqual(before.sheets);
  });
});

describe("readSheets", () => {
  test("refuses what is not an xlsx with the full load's error", async () => {
    const notXlsx = new TextEncoder().encode("一级指标,二级指标\n产出,数量\n");
    await expect(readSheets(notXlsx)).rejects.toBeInstanceOf(InputError);
    await expect(readSheets(notXlsx)).rejects.toMatchObject({ code: "NOT_XLSX" });
  });

  test("reports a damaged package as the full load does", async () => {
    const good = await bytes(buildTable({ rows: validRows(10) }).workbook);
    const cut = good.slice(0, Math.floor(good.length / 2));
    const streamed = await readSheets(cut).catch((e: unknown) => e);
    const full = await loadXlsx(cut).catch((e: unknown) => e);
    expect(streamed).toBeInstanceOf(InputError);
    expect((streamed as InputError).code).toBe((full as InputError).code);
    expect((streamed as InputError).bilingual).toEqual((full as InputError).bilingual);
  });
});

describe("readSheets gives the full load's answer on what Excel never writes", () => {
  // Each sheet XML below is one the full load refuses or reads its own way; the streaming read must answer the same.
  const table = sheetXml(rawTable(4));
  const cases: [string, string][] = [
    ["a bare & in a text", table.replace("办件量指标1", "办件量 & 指标1")],
    ["an unknown entity", table.replace("办件量指标1", "办件量&nbsp;指标1")],
    ["a tag cut in the middle", table.replace("<row r=\"3\">", "<row r=\"3\"")],
    ["a mismatched end tag", table.replace("</row>", "</rw>")],
    ["the document cut short", table.slice(0, Math.floor(table.length * 0.7))],
    ["a cell at XFE1", table.replace('r="A1"', 'r="XFE1"')],
    ["a cell at A0", table.replace('<row r="1"><c r="A1"', '<row r="1"><c r="A0"')],
    ["a row past 1,048,576", table.replace('<row r="3">', '<row r="1048577">').replace(/r="([A-G])3"/g, 'r="$11048577"')],
    ["a cell outside its row", table.replace('<c r="C3"', '<c r="C4"')],
    ["CDATA in a text", table.replace("办件量指标1", "<![CDATA[办件量指标1]]>")],
    ["text loose in a cell", table.replace("</is></c>", "</is>loose</c>")],
  ];

  test.each(cases)("%s", async (_name, xml) => {
    expect(xml).not.toBe(table);
    const data = writeZip(workbookEntries([{ name: "表", cells: {}, xml }]));
    const full = await loadXlsx(data).then((l) => l.sheets, (e: unknown) => e);
    const streamed = await readSheets(data).catch((e: unknown) => e);
    if (full instanceof InputError) {
      expect(streamed).toBeInstanceOf(InputError);
      expect((streamed as InputError).bilingual).toEqual(full.bilingual);
      expect((streamed as InputError).code).toBe("CORRUPT");
    } else {
      expect(streamed).toEqual(full);
    }
  });
});
