#!/usr/bin/env node
/**
 * Looks at the built pane as a user would: serves dist/, opens taskpane.html in headless
 * Chromium with a fake host injected (window.__SCORECHECK_HOST__) that hands over the seed
 * table with two errors added, clicks 检查评分, and saves PNGs under test-artifacts/.
 *
 *   npm run build && npm run build:node && node test/taskpane/screenshot.js
 */
const fs = require("fs");
const path = require("path");
const http = require("http");
const { chromium } = require("playwright-core");

const ROOT = path.join(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test-artifacts");

async function seedSnapshots() {
  const { loadXlsx } = require(path.join(ROOT, "build/xlsx/load.js"));
  const { sheets } = await loadXlsx(fs.readFileSync(path.join(ROOT, "assets/example/rugao-2020.xlsx")));
  const s = sheets[0];
  // Two problems a reviewer would catch: a score above its weight, a total typed by hand.
  const at = (row, col) => [row - 1 - s.top, col - 1 - s.left];
  const [r1, c1] = at(7, 7);
  s.values[r1][c1] = Number(s.values[r1][c1]) + 1;
  return sheets;
}

function serve() {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml" };
  const server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

(async () => {
  const sheets = await seedSnapshots();
  const server = await serve();
  const port = server.address().port;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const external = [];
  try {
    fs.mkdirSync(OUT, { recursive: true });
    for (const lang of ["zh-CN", "en-US"]) {
      const page = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: lang, deviceScaleFactor: 2 });
      page.on("request", (r) => {
        if (!r.url().startsWith(`http://127.0.0.1:${port}/`) && !r.url().startsWith("data:")) external.push(r.url());
      });
      await page.addInitScript((snapshots) => {
        window.__SCORECHECK_HOST__ = {
          kind: "fake",
          readWorkbook: async () => JSON.parse(JSON.stringify(snapshots)),
          applyPlan: async () => {},
          clearFlags: async () => 0,
          insertTemplate: async () => "部门整体支出绩效自评表",
          selectCell: async (sheet, address) => {
            window.__selected = { sheet, address };
          },
          canWrite: async () => true,
        };
      }, sheets);
      await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
      const check = lang === "en-US" ? "Check scores" : "检查评分";
      await page.getByRole("button", { name: check }).click();
      await page.getByTestId("total-score").waitFor();
      const tag = lang.slice(0, 2);
      await page.screenshot({ path: path.join(OUT, `taskpane-${tag}.png`), fullPage: false });
      await page.getByTestId("finding").first().click();
      const selected = await page.evaluate(() => window.__selected);
      console.log(`${lang}: total weight ${await page.getByTestId("total-weight").textContent()}, score ${await page.getByTestId("total-score").textContent()}, grade ${await page.getByTestId("grade").textContent()}, findings ${await page.getByTestId("finding").count()}, click selects ${JSON.stringify(selected)}`);
      await page.close();
    }
    console.log(external.length ? `requests outside dist/: ${external.join(", ")}` : "no request left dist/");
  } finally {
    await browser.close();
    server.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
