/**
 * The WPS 表格 add-in (dist/wps) in real Chromium over the fake ET injected as window.Application,
 * as a WPS加载项's pages see it: the task pane checks, marks, selects and clears through the real
 * WPS host; the ribbon's 一键核分 is called as WPS calls it (the function ribbon.xml names in
 * onAction, with a control object {Id, Tag}) and shows its summary; 核分助手 opens the pane.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { screenshot } from "./support/browser";
import { check, totals } from "./support/pane";
import { DIST, browserSuite } from "./support/suite";
import { INJECTED, injectedErrorsFile, seedFile, type FilePayload } from "./support/workbooks";
import { etDataOf } from "../wps/etData";
import { fakeEtScript } from "../wps/browserFake";
import { workbookOf } from "../wps/support";

const PANE = { width: 380, height: 768 };
const suite = browserSuite("wps/taskpane.html");

type Dump = { cells: Record<string, Record<string, unknown>> };

async function withFakeWps(page: Page, file: FilePayload): Promise<void> {
  const data = etDataOf(await workbookOf(new Uint8Array(file.buffer)));
  await page.addInitScript({ content: fakeEtScript(data) });
}

function fake<T>(page: Page, read: string): Promise<T> {
  return page.evaluate((expr) => new Function("et", `return (${expr});`)((window as unknown as { __fakeEt: unknown }).__fakeEt), read) as Promise<T>;
}

async function openPane(file: FilePayload): Promise<Page> {
  const { page } = await suite.open(PANE);
  await withFakeWps(page, file);
  await page.goto(`${suite.origin}wps/taskpane.html`);
  await page.getByRole("button", { name: "检查评分" }).waitFor();
  return page;
}

test("the pane over the seed workbook in WPS: 100 / 98 / 优, marks written through ET, every ET member used is implemented", async () => {
  const page = await openPane(seedFile());
  await screenshot(page, "wps-1-start");
  await check(page);
  expect(await totals(page)).toEqual({ weight: "100", score: "98", grade: "优" });
  await expect(page.getByTestId("notice").textContent()).resolves.toContain("已在表中标出问题");
  const cells = (await fake<Dump>(page, `et.dump("指标表")`)).cells;
  expect(cells.H3.v).toBe("核查结果");
  expect(String(cells.H5.v)).toMatch(/^✓ 达成/);
  expect(await fake<string[]>(page, "et.unimplemented")).toEqual([]);
  expect(await fake<number>(page, "et.writesWithScreenOn")).toBe(0);
  await screenshot(page, "wps-2-seed");
});

test("injected errors: the codes, the flagged cell filled (BGR), a click selects it in WPS, 清除标记 restores every cell", async () => {
  const page = await openPane(await injectedErrorsFile());
  const before = await fake<Dump>(page, `et.dump("指标表")`);
  await check(page);
  expect(await totals(page)).toEqual({ weight: "100", score: String(INJECTED.score), grade: INJECTED.grade });
  const found = await page.locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
  for (const code of INJECTED.codes) expect(found).toContain(code);
  const flagged = (await fake<Dump>(page, `et.dump("指标表")`)).cells[INJECTED.exceedsCell];
  expect(flagged.fill).toBe(0xff + 0xc7 * 256 + 0xce * 65536); // FFC7CE as ET's BGR integer
  expect(flagged.v).toBe(12);
  await screenshot(page, "wps-3-errors");

  await page.locator('[data-testid="finding"][data-code="SCORE_EXCEEDS_WEIGHT"]').click();
  await page.waitForFunction(() => (window as unknown as { __fakeEt: { selections: unknown[] } }).__fakeEt.selections.length > 0);
  expect(await fake<unknown[]>(page, "et.selections")).toEqual([{ sheet: "指标表", address: INJECTED.exceedsCell }]);

  await page.getByRole("button", { name: "清除标记" }).click();
  await page.getByTestId("notice").filter({ hasText: "已清除标记" }).waitFor();
  expect(await fake<Dump>(page, `et.dump("指标表")`)).toEqual(before);
  expect(await fake<string[]>(page, "et.sheets.map(s => s.name)")).toEqual(["指标表"]);
  await screenshot(page, "wps-4-cleared");
});

/** The button of ribbon.xml with this label: its id, tag, and the callback its onAction names. */
function ribbonButton(label: string): { id: string; tag: string; onAction: string } {
  const xml = fs.readFileSync(path.join(DIST, "wps/ribbon.xml"), "utf8");
  const button = [...xml.matchAll(/<button\b[^>]*>/g)].map((m) => m[0]).find((b) => b.includes(`label="${label}"`));
  if (!button) throw new Error(`ribbon.xml has no button ${label}`);
  const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(button)?.[1] ?? "";
  return { id: attr("id"), tag: attr("tag"), onAction: attr("onAction") };
}

/** Calls a ribbon callback as WPS does: the dotted name from ribbon.xml, looked up on window, with a control object. */
function callRibbon(page: Page, callback: string, control: { Id: string; Tag: string }): Promise<unknown> {
  return page.evaluate(
    ({ callback, control }) => {
      const fn = callback.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], window) as (c: unknown) => unknown;
      return fn(control);
    },
    { callback, control },
  );
}

test("ribbon.xml's 一键核分, called as WPS calls it: the workbook is checked and marked without the pane, and a summary is shown", async () => {
  const { page } = await suite.open({ width: 800, height: 600 });
  await withFakeWps(page, await injectedErrorsFile());
  await page.goto(`${suite.origin}wps/index.html`);
  const button = ribbonButton("一键核分");
  expect(button.onAction).toBe("ribbon.OnAction");
  const xml = fs.readFileSync(path.join(DIST, "wps/ribbon.xml"), "utf8");
  expect(xml).toMatch(/<group [^>]*label="绩效核分"/);
  expect(await callRibbon(page, xml.match(/onLoad="([^"]+)"/)![1], { Id: "", Tag: "" })).toBe(true);

  // The summary is an alert: it holds the page until accepted (the check itself may run inside the call).
  const messages: string[] = [];
  page.on("dialog", (d) => {
    messages.push(d.message());
    void d.accept();
  });
  expect(await callRibbon(page, button.onAction, { Id: button.id, Tag: button.tag })).toBe(true);
  for (const end = Date.now() + 10000; messages.length === 0 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
  expect(messages.length).toBe(1);
  const message = messages[0];
  expect(message).toContain("错误");
  const cells = (await fake<Dump>(page, `et.dump("指标表")`)).cells;
  expect(cells.H3.v).toBe("核查结果");
  expect(cells[INJECTED.exceedsCell].fill).toBe(0xff + 0xc7 * 256 + 0xce * 65536);
  // The first problem is selected for the user.
  expect((await fake<{ address: string }[]>(page, "et.selections")).length).toBe(1);
  expect(await fake<string[]>(page, "et.unimplemented")).toEqual([]);
  // The summary as a page, for the screenshot (an alert is drawn by WPS, not the page).
  await page.setContent(`<pre style="font: 16px 'Noto Sans CJK SC', sans-serif; padding: 16px">${message.replace(/</g, "&lt;")}</pre>`);
  await screenshot(page, "wps-5-one-click-summary");

  const image = await callRibbon(page, "ribbon.GetImage", { Id: button.id, Tag: button.tag });
  expect(fs.existsSync(path.join(DIST, "wps", String(image)))).toBe(true);
});

test("ribbon.xml's 核分助手 opens the task pane (its ID kept in PluginStorage), and closes it again", async () => {
  const { page } = await suite.open({ width: 800, height: 600 });
  await withFakeWps(page, seedFile());
  await page.goto(`${suite.origin}wps/index.html`);
  const button = ribbonButton("核分助手");
  await callRibbon(page, button.onAction, { Id: button.id, Tag: button.tag });
  const panes = await fake<{ ID: number; url: string; Visible: boolean }[]>(page, "et.panes");
  expect(panes).toEqual([{ ID: 1, url: `${suite.origin}wps/taskpane.html`, title: "核分助手", Visible: true }]);
  expect(await fake<string>(page, `et.storage.get("scorecheck_taskpane_id")`)).toBe("1");
  await callRibbon(page, button.onAction, { Id: button.id, Tag: button.tag });
  expect(await fake<boolean>(page, "et.panes[0].Visible")).toBe(false);
  expect(await fake<number>(page, "et.panes.length")).toBe(1);
});

test("the pane opened outside WPS says so, without a crash", async () => {
  const { page } = await suite.open(PANE);
  await page.goto(`${suite.origin}wps/taskpane.html`);
  await expect(page.getByTestId("no-wps").textContent()).resolves.toContain("WPS");
});
