/**
 * Debian's Chromium driven by playwright-core, launched as a closed network needs
 * (no background requests, no component updates), with every request recorded
 * so that a test can assert that nothing left the page's own server.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = path.resolve(__dirname, "../../../test-artifacts");

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}; .ci/run installs it (apt-get install chromium), or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Every URL requested by the page or its workers. */
  requests: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
  /** Requests to anything but the test server (data: and blob: URLs stay in the browser). */
  foreign(origin: string): string[];
}

export async function openPage(browser: Browser, options: { width?: number; height?: number; locale?: string } = {}): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
    locale: options.locale ?? "zh-CN",
    acceptDownloads: true,
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  // Anything not for the test server is refused, so a stray request fails fast and is seen.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("request", (r) => {
    if (!requests.includes(r.url())) requests.push(r.url());
  });
  page.on("worker", (worker) => worker.on("console", (m) => m.type() === "error" && errors.push(`worker: ${m.text()}`)));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    requests,
    errors,
    foreign: (origin) => requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
