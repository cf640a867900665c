/**
 * No network beyond loading itself: the add-in's manifest asks for the one
 * permission it needs, no source file calls a network API, and the page's
 * content security policy lets it talk to its own origin only. (The browser
 * tests in test/e2e record every request the page and the task pane make and
 * refuse any that leaves the test server.)
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx|js|html)$/.test(e.name) ? [p] : [];
  });
}

test("the manifest asks only for ReadWriteDocument", () => {
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8").replace(/<!--[\s\S]*?-->/g, "");
  expect([...manifest.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1])).toEqual(["ReadWriteDocument"]);
});

test("no source file calls a network API", () => {
  const NETWORK = /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts\s*\(\s*["'`]https?:|navigator\.connection|new\s+Image\s*\(/;
  const offenders = sources(path.join(ROOT, "src"))
    .filter((f) => NETWORK.test(fs.readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")))
    .map((f) => path.relative(ROOT, f));
  expect(offenders).toEqual([]);
});

test("the browser page may connect to its own origin only", () => {
  const html = fs.readFileSync(path.join(ROOT, "src", "web", "index.html"), "utf8");
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
  expect(directives["default-src"]).toEqual(["'self'"]);
  expect(directives["connect-src"]).toEqual(["'self'"]);
  expect(directives["form-action"]).toEqual(["'none'"]);
  for (const [name, values] of Object.entries(directives)) {
    for (const v of values as string[]) expect([name, v]).not.toEqual([name, expect.stringMatching(/^https?:|^\*$/)]);
  }
});
