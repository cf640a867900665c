/**
 * The add-in's task pane (dist/taskpane.html) in real Chromium, with a test double of
 * the Office host injected (window.__SCORECHECK_HOST__, read by src/taskpane/index.tsx):
 * its methods call into this test, where the browser page's exceljs host (XlsxHost)
 * holds the workbook. So the pane is exercised in a real browser the way the page is:
 * seed → 100 / 98 / 优; injected errors → their codes; the marks it writes read back
 * with exceljs; a host that cannot read the workbook → a clear message.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import type { WritePlan } from "../../src/core/types";
import type { TemplateKind } from "../../src/host";
import { XlsxHost } from "../../src/web/host";
import { InputError } from "../../src/xlsx/load";
import { screenshot } from "./support/browser";
import { check, totals } from "./support/pane";
import { browserSuite } from "./support/suite";
import { INJECTED, injectedErrorsFile, seedFile, unreadableFile, unscoredFile, type FilePayload } from "./support/workbooks";

const PANE = { width: 380, height: 768 };

const suite = browserSuite("taskpane.html");

interface FakeOffice {
  page: Page;
  /** The workbook as the fake Excel holds it (undefined when it could not be read). */
  host?: XlsxHost;
  selections: { sheet: string; address: string }[];
}

/**
 * Opens the pane over a workbook: the host object in the page forwards every call to
 * functions exposed by this test, which run them on an XlsxHost in Node.
 */
async function openPane(file: FilePayload): Promise<FakeOffice> {
  const { page } = await suite.open(PANE);
  let host: XlsxHost | undefined;
  let failure: string | undefined;
  try {
    host = await XlsxHost.open(new Uint8Array(file.buffer));
  } catch (e) {
    failure = e instanceof InputError ? e.bilingual.zh : String(e);
  }
  const fake: FakeOffice = { page, host, selections: [] };
  const need = () => {
    if (!host) throw new Error(failure);
    return host;
  };
  await page.exposeFunction("__fakeExcelRead", async () => need().readWorkbook());
  await page.exposeFunction("__fakeExcelApply", async (plan: WritePlan) => need().applyPlan(plan));
  await page.exposeFunction("__fakeExcelClear", async () => need().clearFlags());
  await page.exposeFunction("__fakeExcelTemplate", async (kind: TemplateKind) => need().insertTemplate(kind));
  await page.exposeFunction("__fakeExcelSelect", async (sheet: string, address: string) => {
    fake.selections.push({ sheet, address });
  });
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, (...args: unknown[]) => Promise<unknown>> & { __SCORECHECK_HOST__?: unknown };
    w.__SCORECHECK_HOST__ = {
      kind: "fake",
      readWorkbook: async (onProgress?: (f: number) => void) => {
        const sheets = await w.__fakeExcelRead();
        onProgress?.(1);
        return sheets;
      },
      applyPlan: (plan: unknown) => w.__fakeExcelApply(plan),
      clearFlags: () => w.__fakeExcelClear(),
      insertTemplate: (kind: unknown) => w.__fakeExcelTemplate(kind),
      selectCell: (sheet: unknown, address: unknown) => w.__fakeExcelSelect(sheet, address),
      canWrite: async () => true,
    };
  });
  await page.goto(`${suite.origin}taskpane.html`);
  await page.getByRole("button", { name: "检查评分" }).waitFor();
  return fake;
}

function codes(page: Page, severity?: string): Promise<string[]> {
  const selector = severity ? `[data-testid="finding"][data-severity="${severity}"]` : '[data-testid="finding"]';
  return page.locator(selector).evaluateAll((els) => els.map((e) => e.getAttribute("data-code") ?? ""));
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

/** The fake Excel's workbook as a file, read back as Excel would open it. */
async function reread(host: XlsxHost): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBytes()) as unknown as ArrayBuffer);
  return wb;
}

test("the bundled seed workbook: 100 / 98 / 优, no error findings, marks written", async () => {
  const { page, host } = await openPane(seedFile());
  await screenshot(page, "taskpane-1-start");
  await check(page);
  expect(await totals(page)).toEqual({ weight: "100", score: "98", grade: "优" });
  expect(await codes(page, "error")).toEqual([]);
  await expect(page.getByTestId("notice").textContent()).resolves.toContain("已在表中标出问题");
  const ws = (await reread(host!)).getWorksheet("指标表")!;
  expect(ws.getCell("H3").value).toBe("核查结果");
  expect(String(ws.getCell("H5").value)).toMatch(/^✓ 达成/);
  await screenshot(page, "taskpane-2-seed");
});

test("injected errors: the expected codes, the marks in the workbook, a click selects the cell, 清除标记 restores", async () => {
  const file = await injectedErrorsFile();
  const fake = await openPane(file);
  const { page } = fake;
  await check(page);
  expect(await totals(page)).toEqual({ weight: "100", score: String(INJECTED.score), grade: INJECTED.grade });
  const found = await codes(page);
  for (const code of INJECTED.codes) expect(found).toContain(code);
  await screenshot(page, "taskpane-3-errors");

  const ws = (await reread(fake.host!)).getWorksheet("指标表")!;
  expect(ws.getCell("H3").value).toBe("核查结果");
  expect((ws.getCell(INJECTED.exceedsCell).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
  expect(ws.getCell(INJECTED.exceedsCell).value).toBe(12);

  await page.locator('[data-testid="finding"][data-code="SCORE_EXCEEDS_WEIGHT"]').click();
  await until(() => fake.selections.length > 0);
  expect(fake.selections).toEqual([{ sheet: "指标表", address: INJECTED.exceedsCell }]);

  await page.getByRole("button", { name: "清除标记" }).click();
  await page.getByTestId("notice").filter({ hasText: "已清除标记" }).waitFor();
  const cleared = (await reread(fake.host!)).getWorksheet("指标表")!;
  expect(cleared.getCell("H3").value).toBeNull();
  expect(cleared.getCell(INJECTED.exceedsCell).fill).toBeUndefined();
  expect(cleared.getCell(INJECTED.exceedsCell).value).toBe(12);
  await screenshot(page, "taskpane-4-cleared");
});

test("an unscored form: 未评分 and 无等级, SCORE_MISSING on every row, nothing written in the grade cell", async () => {
  const fake = await openPane(await unscoredFile());
  const { page } = fake;
  await check(page);
  expect(await totals(page)).toEqual({ weight: "100", score: "未评分", grade: "无等级" });
  expect((await codes(page, "error")).filter((c) => c === "SCORE_MISSING")).toHaveLength(10);
  await screenshot(page, "taskpane-7-unscored");
  const ws = (await reread(fake.host!)).getWorksheet("指标表")!;
  // 总分 on row 15, the empty 评价等级 cell at B16; 核查结果 in column H.
  expect(String(ws.getCell("H15").value)).toMatch(/^权重合计 100，未评分/);
  expect(ws.getCell("B16").value ?? "").toBe("");
});

test("a workbook the host cannot read gives a clear message, no crash", async () => {
  const { page } = await openPane(unreadableFile());
  await page.getByRole("button", { name: "检查评分" }).click();
  const notice = page.getByTestId("notice");
  await notice.waitFor();
  await expect(notice.textContent()).resolves.toContain("不是 .xlsx 工作簿");
  await expect(page.getByRole("button", { name: "检查评分" }).isEnabled()).resolves.toBe(true);
  await screenshot(page, "taskpane-5-unreadable");
});

test("the seed form: the narrative section (what holds, what does not), its cell a click away, the narrative cell marked", async () => {
  const fake = await openPane(seedFile());
  const { page, host } = fake;
  await check(page);
  const section = page.getByTestId("narrative");
  await expect(section.getByTestId("narrative-tally").textContent()).resolves.toBe("叙述中找到 20 个数字：6 项成立，1 项不成立，2 项无法核对。");
  const statuses = await section.getByTestId("narrative-check").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
  expect(statuses).toEqual(["fails", "holds", "holds", "holds", "unchecked", "holds", "unchecked", "holds", "holds"]);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, "taskpane-6-narrative");
  await section.getByRole("button", { name: "自评价表!B5" }).click();
  await until(() => fake.selections.length > 0);
  expect(fake.selections).toEqual([{ sheet: "自评价表", address: "B5" }]);
  const b5 = (await reread(host!)).getWorksheet("自评价表")!.getCell("B5");
  expect((b5.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
  expect(String(b5.note)).toContain("NARRATIVE_SUM_MISMATCH");
});
