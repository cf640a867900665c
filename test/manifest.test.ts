/**
 * @jest-environment jsdom
 *
 * The add-in manifest, checked without network: it parses (as the Office tooling reads it),
 * names both ribbon commands with Chinese labels and English overrides, declares ExcelApi 1.1,
 * and every URL and icon it names exists in the built dist/ — which also serves office.js itself.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../webpack.config.js") as {
  rewriteManifest(xml: string, base: string): string;
  DEV_URL: string;
};

function ensureBuilt(): void {
  const needed = ["manifest.xml", "taskpane.html", "commands.html", "office-js/office.js"];
  if (needed.every((f) => fs.existsSync(path.join(DIST, f)))) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: ROOT, stdio: "ignore" });
}

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

const byLocal = (doc: Document | Element, name: string) => Array.from(doc.getElementsByTagNameNS("*", name));

function stringOf(doc: Document, resid: string): { zh: string; en?: string } {
  const el = byLocal(doc, "String").find((s) => s.getAttribute("id") === resid);
  if (!el) throw new Error(`no string ${resid}`);
  const en = byLocal(el, "Override").find((o) => o.getAttribute("Locale") === "en-US");
  return { zh: el.getAttribute("DefaultValue")!, en: en?.getAttribute("Value") ?? undefined };
}

/** Every http(s) URL the manifest names: attributes and element text. */
function urlsIn(doc: Document): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === "xmlns" || attr.name.startsWith("xmlns:")) continue; // namespaces, not addresses
      if (/^https?:\/\//.test(attr.value)) out.push(attr.value);
    }
    if (el.children.length === 0 && /^https?:\/\//.test(el.textContent?.trim() ?? "")) out.push(el.textContent!.trim());
  }
  return out;
}

beforeAll(() => ensureBuilt(), 240_000);

/** office-addin-manifest's reader, in a child node (it loads ES modules jest cannot). */
function readWithOfficeTooling(file: string): Record<string, unknown> {
  const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(${JSON.stringify(file)}).then((i) => process.stdout.write(JSON.stringify(i)), (e) => { console.error(e.message); process.exit(1); })`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })) as Record<string, unknown>;
}

test("manifest.xml parses as the Office tooling reads it: an Excel task pane add-in, zh-CN by default", () => {
  const info = readWithOfficeTooling(path.join(ROOT, "manifest.xml"));
  expect(info.officeAppType).toBe("TaskPaneApp");
  expect(info.hosts).toEqual(["Workbook"]);
  expect(info.defaultLocale).toBe("zh-CN");
  expect(info.displayName).toBe("绩效核分");
  expect(info.permissions).toBe("ReadWriteDocument");
  expect(info.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(readWithOfficeTooling(path.join(DIST, "manifest.xml")).hosts).toEqual(["Workbook"]);
});

test("the ribbon group 绩效核分 holds 一键核分 (ExecuteFunction) and 核分助手 (ShowTaskpane)", () => {
  const doc = parse(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  const sets = byLocal(doc, "Set");
  expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([["ExcelApi", "1.1"]]);

  const group = byLocal(doc, "Group")[0];
  expect(stringOf(doc, byLocal(group, "Label")[0].getAttribute("resid")!)).toEqual({ zh: "绩效核分", en: "Score check" });
  const controls = byLocal(group, "Control");
  const described = controls.map((c) => {
    const action = byLocal(c, "Action")[0];
    const label = byLocal(c, "Label")[0].getAttribute("resid")!;
    return {
      label: stringOf(doc, label).zh,
      labelEn: stringOf(doc, label).en,
      action: action.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"),
      functionName: byLocal(action, "FunctionName")[0]?.textContent ?? null,
    };
  });
  expect(described).toEqual([
    { label: "一键核分", labelEn: "Check now", action: "ExecuteFunction", functionName: "runScorecheck" },
    { label: "核分助手", labelEn: "Score checker", action: "ShowTaskpane", functionName: null },
  ]);
  // The function the ribbon calls is the one the function file registers.
  const commands = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
  expect(commands).toContain('associate("runScorecheck"');
});

test("every URL and icon the built manifest names exists in dist/", () => {
  const xml = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  const doc = parse(xml);
  const urls = urlsIn(doc).filter((u) => !byLocal(doc, "AppDomain").some((d) => d.textContent === u));
  expect(urls.length).toBeGreaterThan(10);
  const base = new URL(urls.find((u) => u.endsWith("taskpane.html"))!).href.replace(/taskpane\.html$/, "");
  for (const u of urls) {
    expect(u.startsWith(base)).toBe(true);
    const file = path.join(DIST, decodeURIComponent(u.slice(base.length)));
    expect(fs.existsSync(file)).toBe(true);
  }
  for (const size of ["16", "32", "80"]) {
    const png = fs.readFileSync(path.join(DIST, `assets/check-${size}.png`));
    expect(png.readUInt32BE(16)).toBe(Number(size)); // IHDR width
  }
});

test("the pages load office.js and every script from dist itself, nothing from elsewhere", () => {
  for (const page of ["taskpane.html", "commands.html", "message.html"]) {
    const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(DIST, page), "utf8"), "text/html");
    const refs = [...Array.from(doc.querySelectorAll("script[src]")).map((s) => s.getAttribute("src")!), ...Array.from(doc.querySelectorAll("link[href]")).map((l) => l.getAttribute("href")!)];
    expect(refs).toContain("office-js/office.js");
    for (const ref of refs) {
      expect(ref).not.toMatch(/^(https?:)?\/\//);
      expect(fs.existsSync(path.join(DIST, ref))).toBe(true);
    }
    expect(doc.documentElement.innerHTML).not.toMatch(/@import|@font-face|fonts\.googleapis|static2\.sharepointonline/);
  }
  // Excel's host scripts and the Chinese strings travel with office.js.
  expect(fs.existsSync(path.join(DIST, "office-js/excel-win32-16.01.js"))).toBe(true);
  expect(fs.existsSync(path.join(DIST, "office-js/zh-cn/office_strings.js"))).toBe(true);
});

test("ADDIN_BASE_URL rewrites every URL of the manifest, and the app domain", () => {
  const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const base = "https://oa.example.gov.cn/apps/scorecheck/";
  const doc = parse(webpackConfig.rewriteManifest(source, base));
  const urls = urlsIn(doc);
  expect(urls.length).toBeGreaterThan(10);
  for (const u of urls) expect(u.startsWith("https://oa.example.gov.cn")).toBe(true);
  expect(byLocal(doc, "AppDomain").map((d) => d.textContent)).toEqual(["https://oa.example.gov.cn"]);
  expect(webpackConfig.rewriteManifest(source, base)).not.toContain("localhost");
});
