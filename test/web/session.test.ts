import ExcelJS from "exceljs";
import { Session, UserFacingError, sheetInfos } from "../../src/web/session";
import { XlsxHost } from "../../src/web/host";
import { localizeSummaries, isWorkbookName, type BatchFile } from "../../src/web/batchFiles";
import { buildSummaryWorkbook } from "../../src/xlsx/summary";
import type { CheckSettings } from "../../src/web/protocol";
import { docxOf } from "../builders/docx";
import { edited, seedParagraphs } from "../builders/narrative";
import { INJECTED, injectedErrorsFile, seedFile, twoTablesFile, unreadableFile } from "../e2e/support/workbooks";

const ZH: CheckSettings = { writeFlags: true, fixTotals: true, writeGrade: true, lang: "zh" };

function arrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

async function workbookOf(bytes: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}

test("open, check, save: the saved copy carries the marks and the user's values", async () => {
  const file = await injectedErrorsFile();
  const session = new Session();
  const stages: string[] = [];
  const opened = await session.open(file.name, arrayBuffer(file.buffer), (s) => stages.push(s));
  expect(opened.sheets).toEqual([{ name: "指标表", hidden: false, hasTable: true }]);
  const reply = await session.check(undefined, ZH, (s) => stages.push(s));
  expect(stages).toEqual(["parse", "check", "write"]);
  if (!reply.ok) throw new Error("no table");
  expect(reply.result.totals.score).toBe(INJECTED.score);
  expect("rows" in reply.result).toBe(false);
  expect(reply.picture.snapshot.name).toBe("指标表");
  expect(reply.picture.widths.length).toBeGreaterThanOrEqual(reply.result.plan.resultColumn);

  const ws = (await workbookOf((await session.save()).bytes)).getWorksheet("指标表")!;
  expect(ws.getCell("H3").value).toBe("核查结果");
  expect((ws.getCell(INJECTED.exceedsCell).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
  expect(ws.getCell(INJECTED.exceedsCell).value).toBe(12);
});

test("checking again (another language, fewer options) replaces the marks instead of adding to them", async () => {
  const file = await injectedErrorsFile();
  const session = new Session();
  await session.open(file.name, arrayBuffer(file.buffer));
  await session.check(undefined, ZH);
  await session.check(undefined, { ...ZH, lang: "en", fixTotals: false, writeGrade: false });
  const ws = (await workbookOf((await session.save()).bytes)).getWorksheet("指标表")!;
  expect(ws.getCell("H3").value).toBe("核查结果");
  expect(String(ws.getCell("H6").value)).toMatch(/exceeds/i);
  // The typed total is back: only the first check fixed it with a SUM.
  expect(ws.getCell("G15").value).toBe(80);
  expect(ws.getColumn(9).values.filter((v) => v !== null && v !== undefined)).toEqual([]);
});

test("an unreadable file is refused with a bilingual message", async () => {
  const session = new Session();
  const file = unreadableFile();
  const error = await session.open(file.name, arrayBuffer(file.buffer)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserFacingError);
  expect((error as UserFacingError).bilingual.zh).toContain("不是 .xlsx 工作簿");
  await expect(session.save()).rejects.toThrow("no workbook is open");
});

test("the sheet picker offers the sheets that hold a table, and a picked sheet is checked", async () => {
  const file = await twoTablesFile();
  const session = new Session();
  const { sheets } = await session.open(file.name, arrayBuffer(file.buffer));
  expect(sheets.filter((s) => s.hasTable).map((s) => s.name)).toEqual(["2019年", "指标表"]);
  const first = await session.check(undefined, ZH);
  const picked = await session.check("指标表", ZH);
  expect(first.ok && first.result.layout.sheet).toBe("2019年");
  expect(picked.ok && picked.result.totals.score).toBe(100);
  // The first check names the other sheet with a table; a picked sheet names none.
  expect(first.ok && first.result.otherTableSheets).toEqual(["指标表"]);
  expect(picked.ok && picked.result.otherTableSheets).toBeUndefined();
  expect(sheetInfos([{ name: "空", top: 0, left: 0, values: [], formulas: [], numberFormats: [] }])).toEqual([{ name: "空", hidden: false, hasTable: false }]);
});

test("batch files: a checked file, an unreadable one, an earlier summary left out; the summary in either language", async () => {
  const session = new Session();
  const seed = seedFile();
  const checked = await session.batchFile(seed.name, arrayBuffer(seed.buffer), ZH);
  const bad = unreadableFile();
  const failed = await session.batchFile(bad.name, arrayBuffer(bad.buffer), ZH);
  expect(checked.kind === "file" && checked.summary).toMatchObject({ file: "rugao-2020.xlsx", sheet: "指标表", totals: { weight: 100, score: 98, grade: "优" } });
  expect(failed.kind === "file" && failed.summary).toMatchObject({ file: bad.name, code: "UNREADABLE" });

  const files = [checked, failed].flatMap((r) => (r.kind === "file" ? [r.summary] : []));
  const en = localizeSummaries(files, "en");
  expect((en[1] as { error: string }).error).toMatch(/Not an \.xlsx workbook/);
  const zhBytes = (await session.summary(files, "zh")).bytes;
  const zh = await workbookOf(zhBytes);
  expect(zh.getWorksheet("汇总")!.getCell("A2").value).toBe("rugao-2020.xlsx");

  const earlier = Buffer.from(await buildSummaryWorkbook(localizeSummaries(files as BatchFile[], "zh"), { lang: "zh" }).xlsx.writeBuffer());
  await expect(session.batchFile("汇总.xlsx", arrayBuffer(earlier), ZH)).resolves.toEqual({ kind: "skipped", file: "汇总.xlsx" });
});

test("the exceljs host: template sheet, 清除标记, selection passed to the page", async () => {
  const selected: string[] = [];
  const host = await XlsxHost.open(new Uint8Array(seedFile().buffer), { onSelectCell: (s, a) => selected.push(`${s}!${a}`) });
  expect(await host.insertTemplate("project")).toMatch(/项目支出/);
  expect(host.workbook.worksheets.map((w) => w.name)).toEqual(["自评价表", "指标表", expect.stringMatching(/项目支出/)]);
  expect(await host.clearFlags()).toBe(0);
  await host.selectCell("指标表", "G43");
  expect(selected).toEqual(["指标表!G43"]);
});

test("batch file names: workbooks only, no lock files", () => {
  expect(isWorkbookName("部门/甲局.xlsx")).toBe(true);
  expect(isWorkbookName("乙局.XLSM")).toBe(true);
  expect(isWorkbookName("部门/~$甲局.xlsx")).toBe(false);
  expect(isWorkbookName("说明.docx")).toBe(false);
});

test("a report dropped with a workbook: its narrative is checked with the table until the next open; a bad report is a user-facing error", async () => {
  const file = await injectedErrorsFile();
  const session = new Session();
  await session.open(file.name, arrayBuffer(file.buffer));
  const paragraphs = edited(seedParagraphs(), "综合得分 98 分", `综合得分 ${INJECTED.score + 1} 分`);
  const docx = await docxOf(paragraphs);
  expect(await session.report("自评报告.docx", arrayBuffer(docx))).toEqual({ paragraphs: paragraphs.length });
  const reply = await session.check(undefined, ZH);
  if (!reply.ok) throw new Error("no table");
  const f = reply.result.findings.find((x) => x.code === "NARRATIVE_SCORE_MISMATCH")!;
  expect(f).toMatchObject({ paragraph: 1 + paragraphs.findIndex((p) => p.includes("综合得分")), severity: "error" });
  expect(reply.result.narrative!.checks!.some((c) => c.status === "fails" && c.code === "NARRATIVE_SCORE_MISMATCH")).toBe(true);

  await expect(session.report("报告.pdf", new ArrayBuffer(4))).rejects.toBeInstanceOf(UserFacingError);
  await expect(session.report("坏.docx", arrayBuffer(Buffer.from("not a zip")))).rejects.toBeInstanceOf(UserFacingError);

  await session.open(file.name, arrayBuffer(file.buffer));
  const again = await session.check(undefined, ZH);
  if (!again.ok) throw new Error("no table");
  expect(again.result.narrative).toBeUndefined();
});
