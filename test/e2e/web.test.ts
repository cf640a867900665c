/**
 * The browser page (dist/web/index.html) in real Chromium: open the seed, a workbook
 * with errors, an unreadable file, a 5,000-row table and a batch; download the
 * annotated copy, the template and the summary and read them back with exceljs.
 * Screenshots of each state go to test-artifacts/.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { screenshot } from "./support/browser";
import { browserSuite, DIST } from "./support/suite";
import { INJECTED, injectedErrorsFile, largeFile, noTableFile, seedFile, twoTablesFile, unreadableFile, unscoredFile, type FilePayload } from "./support/workbooks";
import { markedFileWithoutTable } from "./support/markedCopies";
import { loadXlsx } from "../../src/xlsx/load";
import { docxOf } from "../builders/docx";
import { edited, seedParagraphs } from "../builders/narrative";
import { check } from "../../src/core/check";
import { RECORD_SHEET, restoredCells } from "../../src/core/record";
import { applyPlan, readRecord } from "../../src/xlsx/write";
import { dumpWorkbook, reopen } from "../helpers/workbookDump";


const suite = browserSuite("web/index.html");

async function openWebPage(options?: { width?: number; height?: number; locale?: string }): Promise<Page> {
  const { page } = await suite.open(options);
  await page.goto(`${suite.origin}web/index.html`);
  await page.getByTestId("drop-zone").waitFor();
  return page;
}

async function openFiles(page: Page, files: FilePayload[]): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(files);
}

async function totals(page: Page) {
  await page.getByTestId("total-weight").waitFor();
  return {
    weight: await page.getByTestId("total-weight").textContent(),
    score: await page.getByTestId("total-score").textContent(),
    grade: await page.getByTestId("grade").textContent(),
  };
}

async function findingCodes(page: Page, severity?: string): Promise<string[]> {
  const selector = severity ? `[data-testid="finding"][data-severity="${severity}"]` : '[data-testid="finding"]';
  return page.locator(selector).evaluateAll((els) => els.map((e) => e.getAttribute("data-code") ?? ""));
}

/** The engine's findings for the same bytes, as the CLI would report them. */
async function engineCodes(buffer: Buffer): Promise<string[]> {
  const { sheets } = await loadXlsx(buffer);
  const out = check(sheets);
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result.findings.map((f) => f.code);
}

test("the page loads from its own server only and offers a file chooser", async () => {
  const page = await openWebPage();
  await expect(page.getByTestId("file-input").getAttribute("type")).resolves.toBe("file");
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("绩效自评表核分");
  await screenshot(page, "web-1-start");
  expect(suite.watched!.requests.length).toBeGreaterThan(0);
  expect(suite.watched!.requests.every((u) => u.startsWith(suite.origin))).toBe(true);
});

test("an unscored form: 未评分 and 无等级 in the summary, SCORE_MISSING on every row", async () => {
  const page = await openWebPage();
  await openFiles(page, [await unscoredFile()]);
  expect(await totals(page)).toEqual({ weight: "100", score: "未评分", grade: "无等级" });
  expect((await findingCodes(page, "error")).filter((c) => c === "SCORE_MISSING")).toHaveLength(10);
  await screenshot(page, "web-unscored");
});

test("opened as a local file (no server) the page says how to open it instead of failing silently", async () => {
  const context = await suite.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`file://${path.join(DIST, "web/index.html")}`);
    await expect(page.getByTestId("no-worker").textContent()).resolves.toContain("网页服务器");
  } finally {
    await context.close();
  }
});

test("the bundled seed workbook: 100 / 98 / 优, no error findings, the grid with the 核查结果 column", async () => {
  const page = await openWebPage();
  await openFiles(page, [seedFile()]);
  expect(await totals(page)).toEqual({ weight: "100", score: "98", grade: "优" });
  expect(await findingCodes(page, "error")).toEqual([]);
  expect(await page.getByTestId("no-findings").count()).toBe(0);
  const grid = page.getByTestId("sheet-grid");
  await expect(grid.locator('[role="columnheader"]', { hasText: /^H$/ }).count()).resolves.toBe(1);
  // Title row 1, 填报单位 row 2, header rows 3–4, indicators 5–52.
  await expect(grid.locator("[data-address='H3']").textContent()).resolves.toBe("核查结果");
  await expect(grid.locator("[data-address='H5']").textContent()).resolves.toMatch(/^✓ 达成/);
  await expect(grid.locator("[data-address='C5']").textContent()).resolves.not.toBe("");
  await screenshot(page, "web-2-seed");

  // English: the pane's texts, and the 核查结果 column written again in English.
  await page.getByTestId("switch-language").click();
  await page.getByRole("heading", { name: "Result (指标表)" }).waitFor();
  await page.waitForFunction(() => document.querySelector("[role=gridcell][data-address='H5']")?.textContent?.startsWith("✓ met"));
  await expect(page.getByTestId("download-annotated").textContent()).resolves.toBe("Download annotated copy");
});

test("a workbook with injected errors shows the expected codes, flagged cells, and a click scrolls to the cell", async () => {
  const page = await openWebPage();
  const file = await injectedErrorsFile();
  await openFiles(page, [file]);
  const t = await totals(page);
  expect(t).toEqual({ weight: "100", score: String(INJECTED.score), grade: INJECTED.grade });
  const codes = await findingCodes(page);
  for (const code of INJECTED.codes) expect(codes).toContain(code);
  expect([...codes].sort()).toEqual((await engineCodes(file.buffer)).sort());
  // The offending score is filled red in the grid, as in the annotated copy.
  await expect(page.locator(`[role=gridcell][data-address='${INJECTED.exceedsCell}']`).getAttribute("data-fill")).resolves.toBe("FFC7CE");
  await screenshot(page, "web-3-errors");

  const finding = page.locator(`[data-testid="finding"][data-code="SCORE_EXCEEDS_WEIGHT"]`);
  await finding.click();
  const cell = page.locator(`[role=gridcell][data-address='${INJECTED.exceedsCell}']`);
  await expect(cell.getAttribute("aria-selected")).resolves.toBe("true");
  await expect(page.getByTestId("cell-detail").getAttribute("data-cell")).resolves.toBe(INJECTED.exceedsCell);
  await expect(page.getByTestId("cell-detail").textContent()).resolves.toContain("超过");
  await screenshot(page, "web-4-finding-selected");

  // The keyboard moves on from there, as in Excel: → to the 核查结果 cell of the row.
  await page.getByTestId("sheet-grid").press("ArrowRight");
  await expect(page.getByTestId("cell-detail").getAttribute("data-cell")).resolves.toBe("H6");
  await expect(page.getByTestId("cell-detail").textContent()).resolves.toContain("✓ 达成");
});

test("下载标注文件 gives an annotated copy that exceljs reads back; 下载模板 gives the template", async () => {
  const page = await openWebPage();
  const file = await injectedErrorsFile();
  await openFiles(page, [file]);
  await totals(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-annotated").click()]);
  expect(download.suggestedFilename()).toBe("含错误的自评表-核查.xlsx");
  const annotated = fs.readFileSync(await download.path());
  expect(annotated.equals(file.buffer)).toBe(false);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(annotated as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("指标表")!;
  // Header rows 3–4, indicators 5–14, result column H.
  expect(ws.getCell("H3").value).toBe("核查结果");
  expect(String(ws.getCell("H6").value)).toContain("超过");
  const fill = ws.getCell(INJECTED.exceedsCell).fill as ExcelJS.FillPattern;
  expect(fill.fgColor?.argb).toBe("FFFFC7CE");
  // The user's own cells are as they were.
  expect(ws.getCell(INJECTED.exceedsCell).value).toBe(12);
  expect(ws.getCell("C5").value).toBe("指标1");

  await page.getByTestId("download-template").click();
  const [template] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-department").click()]);
  expect(template.suggestedFilename()).toMatch(/模板.*\.xlsx$/);
  const tpl = new ExcelJS.Workbook();
  await tpl.xlsx.load(fs.readFileSync(await template.path()) as unknown as ArrayBuffer);
  expect(tpl.worksheets.length).toBe(1);
  const texts: string[] = [];
  tpl.worksheets[0].eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  expect(texts).toEqual(expect.arrayContaining(["三级指标", "目标值", "完成情况", "得分"]));
});

test("an unreadable file gives a clear message and the page keeps working", async () => {
  const page = await openWebPage();
  await openFiles(page, [unreadableFile()]);
  const error = page.getByTestId("load-error");
  await error.waitFor();
  const text = (await error.textContent()) ?? "";
  expect(text).toContain("无法打开“损坏的文件.xlsx”");
  expect(text).toContain("不是 .xlsx 工作簿");
  await screenshot(page, "web-5-unreadable");
  // Still usable: the next file opens.
  await openFiles(page, [seedFile()]);
  expect((await totals(page)).score).toBe("98");
  await expect(error.count()).resolves.toBe(0);
});

test("with two tables in the workbook the user picks the sheet", async () => {
  const page = await openWebPage();
  await openFiles(page, [await twoTablesFile()]);
  expect(await totals(page)).toEqual({ weight: "100", score: "90", grade: "优" });
  await expect(page.getByTestId("other-tables").textContent()).resolves.toContain("本次未核查：“指标表”");
  await screenshot(page, "web-other-tables");
  const picker = page.getByTestId("sheet-picker");
  await expect(picker.locator("option").allTextContents()).resolves.toEqual(["2019年", "指标表"]);
  await picker.selectOption("指标表");
  await page.waitForFunction(() => document.querySelector('[data-testid="total-score"]')?.textContent === "100");
  expect(await totals(page)).toEqual({ weight: "100", score: "100", grade: "优" });
  await expect(page.getByTestId("other-tables").count()).resolves.toBe(0);
});

test("a 5,000-row workbook: a progress indicator while reading, the page stays responsive", async () => {
  const page = await openWebPage();
  const file = await largeFile(5000);
  // Measure the main thread: the longest gap between 50 ms ticks while the workbook is read and checked.
  await page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __tick: number };
    w.__maxGap = 0;
    w.__tick = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.__maxGap = Math.max(w.__maxGap, now - w.__tick);
      w.__tick = now;
    }, 50);
  });
  const started = Date.now();
  await openFiles(page, [file]);
  await page.getByTestId("progress").waitFor({ timeout: 5000 });
  await screenshot(page, "web-6-large-progress");
  expect(await totals(page)).toEqual({ weight: "100", score: "100", grade: "优" });
  const elapsed = Date.now() - started;
  const maxGap = await page.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap);
  console.log(`5,000 rows: shown after ${elapsed} ms; longest main-thread gap ${Math.round(maxGap)} ms`);
  // Reading and checking take seconds and run in the worker; what is left is handing over and drawing the result.
  expect(maxGap).toBeLessThan(1000);
  // Only the rows in view are drawn; scrolling to the last one works.
  const drawn = await page.locator('[data-testid="sheet-grid"] [role="row"]').count();
  expect(drawn).toBeLessThan(120);
  await page.getByTestId("sheet-grid").evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator("[role=gridcell][data-address='C5001']").textContent()).resolves.toBe("指标5000");
  await screenshot(page, "web-7-large-bottom");
});

/** Drops files on the page as the browser would (a DataTransfer of File objects). */
async function dropFiles(page: Page, files: FilePayload[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType, base64: f.buffer.toString("base64") }));
  await page.getByTestId("drop-zone").evaluate((zone, list) => {
    const data = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], f.name, { type: f.type }));
    }
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, payload);
}

test("batch: dropped files give one row per workbook and a summary workbook", async () => {
  const page = await openWebPage();
  const other = (name: string): FilePayload => ({ name, mimeType: "application/octet-stream", buffer: Buffer.from("x") });
  // What a folder holds besides the forms: a note, and Excel's lock file of an open workbook.
  const files = [seedFile(), await injectedErrorsFile("乙局.xlsx"), await unscoredFile("丙局.xlsx"), unreadableFile(), other("说明.docx"), other("~$乙局.xlsx")];
  await dropFiles(page, files);
  await page.getByTestId("batch-status").waitFor({ timeout: 60000 });
  const rows = page.getByTestId("batch-row");
  await expect(rows.count()).resolves.toBe(4);
  const outcomes = await rows.evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute("data-file"), e.getAttribute("data-outcome")])));
  expect(outcomes).toEqual({ "rugao-2020.xlsx": "ok", "乙局.xlsx": "errors", "丙局.xlsx": "errors", "损坏的文件.xlsx": "unreadable" });
  const seedRow = rows.filter({ hasText: "rugao-2020.xlsx" });
  await expect(seedRow.getByTestId("batch-score").textContent()).resolves.toBe("98");
  await expect(seedRow.getByTestId("batch-grade").textContent()).resolves.toBe("优");
  // The unscored form (issue 14): no Σ score, no grade.
  const unscoredRow = rows.filter({ hasText: "丙局.xlsx" });
  await expect(unscoredRow.getByTestId("batch-score").textContent()).resolves.toBe("未评分");
  await expect(unscoredRow.getByTestId("batch-grade").textContent()).resolves.toBe("无等级");
  await screenshot(page, "web-8-batch");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-summary").click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  const summary = wb.getWorksheet("汇总")!;
  expect(summary.getRow(1).getCell(1).value).toBe("文件");
  const byFile = new Map<string, ExcelJS.Row>();
  summary.eachRow((row, r) => r > 1 && byFile.set(String(row.getCell(1).value), row));
  expect([...byFile.keys()].sort()).toEqual(["rugao-2020.xlsx", "乙局.xlsx", "丙局.xlsx", "损坏的文件.xlsx"].sort());
  expect([5, 7].map((c) => byFile.get("丙局.xlsx")!.getCell(c).value)).toEqual(["未评分", "无等级"]);
  expect(byFile.get("rugao-2020.xlsx")!.getCell(5).value).toBe(98);
  expect(byFile.get("乙局.xlsx")!.getCell(11).value).toBe("有错误");

  // A row opens its file in the single-file view, and the batch is one click away.
  await rows.filter({ hasText: "乙局.xlsx" }).getByRole("button").click();
  expect((await totals(page)).score).toBe(String(INJECTED.score));
  await page.getByTestId("back-to-batch").click();
  await expect(page.getByTestId("batch-table").isVisible()).resolves.toBe(true);
});

test("a grade with no free cell beside its merged label: the page says the grade was not written, and why; the label and the remark stay", async () => {
  const { mergedGradeLabelTable } = await import("../builders/mergedGradeLabel");
  const { workbook, gradeRow: g } = mergedGradeLabelTable(true);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const page = await openWebPage();
  await openFiles(page, [{ name: "盖章.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer }]);
  await page.getByTestId("unwritten").waitFor();
  await expect(page.getByTestId("unwritten").textContent()).resolves.toContain(`F${g}: 评价等级旁没有可写入的空单元格`);
  const grid = page.getByTestId("sheet-grid");
  await expect(grid.locator(`[data-address='A${g}']`).textContent()).resolves.toBe("评价等级");
  await expect(grid.locator(`[data-address='F${g}']`).textContent()).resolves.toBe("（单位盖章）");
  await screenshot(page, "web-unwritten-grade");
});

test("the seed form's narrative section beside the table; a report dropped with a workbook is checked with it", async () => {
  const page = await openWebPage({ width: 1400, height: 1000 });
  await openFiles(page, [seedFile()]);
  const section = page.getByTestId("narrative");
  await expect(section.getByTestId("narrative-tally").textContent()).resolves.toBe("叙述中找到 20 个数字：6 项成立，1 项不成立，2 项无法核对。");
  await expect(section.locator('[data-testid="narrative-check"][data-status="fails"]').textContent()).resolves.toContain("相差 37.97万元");
  expect(await findingCodes(page, "warning")).toEqual(["NARRATIVE_SUM_MISMATCH"]);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, "web-9-narrative");

  // The table alone, with its report as .docx: one drop of both files.
  const paragraphs = edited(seedParagraphs(), "综合得分 98 分", "综合得分 96 分");
  const report: FilePayload = {
    name: "自评报告.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: await docxOf(paragraphs),
  };
  await page.getByTestId("switch-language").click();
  await page.getByRole("heading", { name: "Result (指标表)" }).waitFor();
  const file = await injectedErrorsFile();
  await openFiles(page, [file, report]);
  await page.waitForFunction(() => document.querySelector("[data-testid=narrative]")?.textContent?.includes("report ¶"));
  const checks = page.getByTestId("narrative").getByTestId("narrative-check");
  const failing = await checks.evaluateAll((els) => els.filter((e) => e.getAttribute("data-status") === "fails").map((e) => e.getAttribute("data-code")));
  // 96 against the table's own total, 优秀 against its grade, and the seed's 收入 shortfall.
  const gradeToo = INJECTED.grade === "优" ? [] : ["NARRATIVE_GRADE_MISMATCH"];
  expect(failing.sort()).toEqual([...gradeToo, "NARRATIVE_SCORE_MISMATCH", "NARRATIVE_SUM_MISMATCH"].sort());
  await expect(page.locator('[data-testid="finding"][data-code="NARRATIVE_SCORE_MISMATCH"]').textContent()).resolves.toContain(
    `report ¶${1 + paragraphs.findIndex((p) => p.includes("综合得分"))}`,
  );
  await expect(page.getByText(/ · report 自评报告\.docx$/).count()).resolves.toBe(1);
  await page.getByTestId("narrative").scrollIntoViewIfNeeded();
  await screenshot(page, "web-10-report");
});

test("an annotated copy opened again: the page says how many cells carry earlier marks; 清除标记 reports them, and the grid and the download are without marks", async () => {
  const file = await injectedErrorsFile();
  // What `scorecheck check 含错误的自评表.xlsx --out 含错误的自评表-核查.xlsx --fix-totals --write-grade` writes.
  const { workbook, sheets } = await loadXlsx(file.buffer);
  const checked = check(sheets, { fixTotals: true, writeGrade: true });
  if (!checked.ok) throw new Error(checked.error.message.en);
  applyPlan(workbook, checked.result.plan);
  const marked = restoredCells(readRecord(workbook));
  expect(marked).toBeGreaterThan(10);
  const copy: FilePayload = { ...file, name: "含错误的自评表-核查.xlsx", buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };

  const page = await openWebPage();
  await openFiles(page, [copy]);
  // Checked as the user filled it in, not as marked.
  expect(await totals(page)).toEqual({ weight: "100", score: String(INJECTED.score), grade: INJECTED.grade });
  const notice = page.getByTestId("earlier-marks");
  await expect(notice.textContent()).resolves.toContain(`有 ${marked} 个单元格带着以前核分留下的标记`);
  await screenshot(page, "web-11-earlier-marks");

  await page.getByTestId("clear-marks").click();
  const cleared = page.getByTestId("cleared");
  await cleared.waitFor();
  // The page opens and checks with the options the copy was made with: the same cells as 清除标记 in Excel or WPS.
  await expect(cleared.textContent()).resolves.toContain(`恢复了 ${marked} 个单元格`);
  await expect(notice.count()).resolves.toBe(0);
  const grid = page.getByTestId("sheet-grid");
  // The 核查结果 column is gone (its cells, if drawn at all, are empty).
  expect((await grid.locator("[data-address='H3']").allTextContents()).filter((t) => t !== "")).toEqual([]);
  await expect(grid.locator(`[data-address='${INJECTED.exceedsCell}']`).getAttribute("data-fill")).resolves.toBeNull();
  await expect(page.getByTestId("finding").count()).resolves.toBeGreaterThan(0);
  await screenshot(page, "web-12-cleared");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-annotated").click()]);
  expect(download.suggestedFilename()).toBe("含错误的自评表-无标记.xlsx");
  const unmarked = await reopen(fs.readFileSync(await download.path()));
  expect(dumpWorkbook(unmarked)).toEqual(dumpWorkbook(await reopen(file.buffer)));

  // Nothing left: 清除标记 is no longer offered; 检查评分 marks the copy again, and it is offered again.
  await expect(page.getByTestId("clear-marks").count()).resolves.toBe(0);
  await page.getByTestId("check").click();
  await page.waitForFunction(() => document.querySelector("[role=gridcell][data-address='H3']")?.textContent === "核查结果");
  await expect(cleared.count()).resolves.toBe(0);
  await expect(notice.count()).resolves.toBe(0);
  await page.getByTestId("clear-marks").waitFor();

  // English: the notice of a freshly opened copy.
  await page.getByTestId("switch-language").click();
  await openFiles(page, [copy]);
  await page.getByRole("heading", { name: "Result (指标表)" }).waitFor();
  await expect(notice.textContent()).resolves.toContain(`${marked} cells carry marks an earlier check left`);
});

test("no indicator table: 清除标记 only when the file carries an earlier check's marks; cleared, it downloads without them", async () => {
  const page = await openWebPage();
  await openFiles(page, [await noTableFile()]);
  await page.getByTestId("no-table").waitFor();
  // Nothing of ours in the file: nothing to clear, nothing to download.
  await expect(page.getByTestId("clear-marks").count()).resolves.toBe(0);
  await expect(page.getByTestId("download-annotated").isDisabled()).resolves.toBe(true);
  await screenshot(page, "web-13-no-table");

  // An annotated copy whose table the user took apart: its old marks are still in it, and 清除标记 takes them away.
  const { file, marked } = await markedFileWithoutTable();
  await openFiles(page, [file]);
  await page.getByTestId("earlier-marks").waitFor();
  await expect(page.getByTestId("no-table").getAttribute("data-error")).resolves.toBe("NO_TABLE");
  await expect(page.getByTestId("earlier-marks").getAttribute("data-cells")).resolves.toBe(String(marked));
  await expect(page.getByTestId("earlier-marks").textContent()).resolves.toContain("这次没有找到指标表，未核分");
  await page.waitForFunction(() => !document.querySelector("[data-testid=check]")?.hasAttribute("disabled"));
  await screenshot(page, "web-14-no-table-earlier-marks");
  await page.getByTestId("clear-marks").click();
  await expect(page.getByTestId("cleared").textContent()).resolves.toBe(`已清除标记，恢复了 ${marked} 个单元格。现在下载的是原文件的数据，不带任何核查标记。`);
  await expect(page.getByTestId("clear-marks").count()).resolves.toBe(0);
  await page.waitForFunction(() => !document.querySelector("[data-testid=download-annotated]")?.hasAttribute("disabled"));
  await page.waitForTimeout(300); // the button's colour transition, for the screenshot
  await screenshot(page, "web-15-no-table-cleared");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-annotated").click()]);
  expect(download.suggestedFilename()).toBe("含错误的自评表-无标记.xlsx");
  const unmarked = await reopen(fs.readFileSync(await download.path()));
  // The user's workbook as they left it, without anything the earlier check wrote.
  const { workbook: usersOwn } = await loadXlsx(file.buffer);
  expect(unmarked.getWorksheet(RECORD_SHEET)).toBeUndefined();
  expect(dumpWorkbook(unmarked)).toEqual(dumpWorkbook(await reopen(Buffer.from(await usersOwn.xlsx.writeBuffer()))));
});
