/**
 * The packed CLI's code cache (bin/codeCache.js): used only when made of the file as it is now,
 * by this V8, and whole; anything else and the file loads as a plain module. The CLI's answers
 * are the same with the build's cache, with a damaged one and with none.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { ROOT, EXAMPLE } from "./run";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadWithCodeCache, writeCodeCache, readCache } = require("../../bin/codeCache.js") as {
  loadWithCodeCache(file: string): Record<string, unknown>;
  writeCodeCache(file: string, train: (exports: Record<string, unknown>) => Promise<void>): Promise<{ data: string; meta: string }>;
  readCache(file: string): Buffer | undefined;
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-codecache-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A module whose answer says which source ran; it requires a sibling to show `require` resolves beside it. */
function writeModule(answer: string): string {
  fs.writeFileSync(path.join(dir, "sibling.js"), "module.exports = 40;\n");
  const file = path.join(dir, "mod.js");
  fs.writeFileSync(file, `const base = require("./sibling");\nexports.answer = () => "${answer}" + (base + 2) + __dirname.length;\n`);
  return file;
}

const wrapped = (file: string) => `(function (exports, require, module, __filename, __dirname) { ${fs.readFileSync(file, "utf8")}\n});`;

test("a cache made of the file is read back, and V8 accepts it", async () => {
  const file = writeModule("a");
  await writeCodeCache(file, async (m) => void (m.answer as () => string)());
  const data = readCache(file);
  expect(data).toBeInstanceOf(Buffer);
  expect(new vm.Script(wrapped(file), { filename: file, cachedData: data }).cachedDataRejected).toBe(false);
  expect((loadWithCodeCache(file).answer as () => string)()).toBe(`a42${dir.length}`);
});

test("a cache of an earlier version of the file, of another V8, or damaged, is not used", async () => {
  const file = writeModule("a");
  const { data, meta } = await writeCodeCache(file, async () => undefined);
  const good = JSON.parse(fs.readFileSync(meta, "utf8"));

  fs.writeFileSync(meta, JSON.stringify({ ...good, v8: "0.0.0" }));
  expect(readCache(file)).toBeUndefined();

  fs.writeFileSync(meta, JSON.stringify(good));
  const bytes = fs.readFileSync(data);
  bytes[bytes.length >> 1] ^= 0xff;
  fs.writeFileSync(data, bytes);
  expect(readCache(file)).toBeUndefined();

  fs.rmSync(data);
  expect(readCache(file)).toBeUndefined();

  fs.writeFileSync(meta, "not json");
  expect(readCache(file)).toBeUndefined();
});

test("after the file changes, its new source runs, not the cached one", async () => {
  const file = writeModule("a");
  await writeCodeCache(file, async (m) => void (m.answer as () => string)());
  const before = fs.statSync(file).mtimeMs;
  writeModule("b"); // the same length: V8 alone would take the old cache for it
  fs.utimesSync(file, new Date(), new Date(before + 5_000));
  expect(readCache(file)).toBeUndefined();
  expect((loadWithCodeCache(file).answer as () => string)()).toBe(`b42${dir.length}`);
});

describe("the CLI as shipped", () => {
  /** A copy of the shipped CLI (bin/ and build/bundle/), its packages found through a link to node_modules. */
  function shippedCopy(): string {
    const root = path.join(dir, "scorecheck");
    fs.cpSync(path.join(ROOT, "bin"), path.join(root, "bin"), { recursive: true });
    fs.cpSync(path.join(ROOT, "build", "bundle"), path.join(root, "build", "bundle"), { recursive: true, preserveTimestamps: true });
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
    return root;
  }
  const run = (root: string, args: string[]) =>
    spawnSync(process.execPath, [path.join(root, "bin", "scorecheck.js"), ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  test("not built: a bilingual message naming the missing file and the command to run, exit 2, no stack trace", () => {
    const root = shippedCopy();
    fs.rmSync(path.join(root, "build"), { recursive: true });
    const r = run(root, ["check", EXAMPLE]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/尚未构建命令行.*npm run build:node.*not built.*npm run build:node/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("the build made a cache that belongs to the bundle", () => {
    expect(readCache(path.join(ROOT, "build", "bundle", "cli.js"))).toBeInstanceOf(Buffer);
  });

  test("the same answers with the build's cache, a damaged cache and none", () => {
    const root = shippedCopy();
    const bundle = path.join(root, "build", "bundle", "cli.js");
    expect(readCache(bundle)).toBeInstanceOf(Buffer);
    const args = ["check", EXAMPLE, "--json"];
    const withCache = run(root, args);
    expect(withCache.status).toBe(0);
    expect(JSON.parse(withCache.stdout).totals.score).toBe(98);

    const cache = `${bundle}.v8cache`;
    const bytes = fs.readFileSync(cache);
    for (let i = 0; i < bytes.length; i += 64) bytes[i] ^= 0x5a;
    fs.writeFileSync(cache, bytes);
    const damaged = run(root, args);
    fs.rmSync(cache);
    const none = run(root, args);

    for (const r of [damaged, none]) {
      expect(r.status).toBe(withCache.status);
      expect(r.stdout).toBe(withCache.stdout);
      expect(r.stderr).toBe(withCache.stderr);
    }
  });
});
