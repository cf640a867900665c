/**
 * A handful of hostile cases through the built CLI, as a user runs it (a
 * separate process): exit status per SPEC §7, one line on stderr in both
 * languages, no stack trace, no hang — and the input file never written.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { BIN, EXAMPLE, ROOT, scorecheck, type Run } from "../cli/run";
import { tableBuffer, validRows } from "../builders/table";
import { workbookEntries } from "./support/ooxml";
import { writeZip } from "./support/zip";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-reliability-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: Uint8Array | string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, data);
  return f;
}

function expectOneLineRefusal(r: Run, zh: RegExp, en: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(zh);
  expect(r.stderr).toMatch(en);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
}

/** A 2 MB workbook whose only sheet expands to 3 GB. */
function flood(): Buffer {
  const entries = workbookEntries([{ name: "S", cells: {} }]);
  entries[entries.length - 1] = {
    name: "xl/worksheets/sheet1.xml",
    flood: { prefix: "<worksheet><sheetData><row><c><v>", chunk: "1".repeat(1024 * 1024), repeat: 3072, suffix: "</v></c></row></sheetData></worksheet>" },
  };
  return writeZip(entries);
}

/** A real table with one byte of its sheet's compressed data zeroed: the streaming reader used to wait on it forever (exit 0, no output). */
async function brokenDeflate(): Promise<Buffer> {
  const data = Buffer.from(await tableBuffer({ rows: validRows(6) }));
  data[4222] = 0;
  return data;
}

describe("a decompression flood", () => {
  test("refused at once from the zip directory, with the limit and the option that raises it", () => {
    const f = file("flood.xlsx", flood());
    const started = Date.now();
    const r = scorecheck(["check", f]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expectOneLineRefusal(r, /3072 MB.*上限 100 MB.*--max-xml-mb/, /limit of 100 MB.*--max-xml-mb/);
  });

  test("--max-xml-mb lowers and raises the limit; a bad value is a usage error", () => {
    expectOneLineRefusal(scorecheck(["check", EXAMPLE, "--max-xml-mb", "0.01"]), /超过上限 0\.01 MB/, /over the limit of 0\.01 MB/);
    expect(scorecheck(["check", EXAMPLE, "--max-xml-mb", "500", "--json"]).status).toBe(0);
    expectOneLineRefusal(scorecheck(["check", EXAMPLE, "--max-xml-mb", "abc"]), /--max-xml-mb 应为正数/, /positive number/);
  });
});

test("a workbook with broken compressed data: exit 2 with a clear line, never a silent exit 0", async () => {
  const f = file("broken.xlsx", await brokenDeflate());
  for (const args of [["check", f], ["check", f, "--out", path.join(dir, "broken-out.xlsx")]]) {
    expectOneLineRefusal(scorecheck(args), /已损坏/, /damaged/);
  }
});

test("a batch over a flood, a broken file, a Word document and a good table: each reported, the good one checked, exit 2", async () => {
  const batch = path.join(dir, "batch");
  fs.mkdirSync(batch);
  fs.writeFileSync(path.join(batch, "a-flood.xlsx"), flood());
  fs.writeFileSync(path.join(batch, "b-broken.xlsx"), await brokenDeflate());
  fs.writeFileSync(path.join(batch, "c-word.xlsx"), writeZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<w/>" }]));
  fs.copyFileSync(EXAMPLE, path.join(batch, "d-good.xlsx"));
  const r = scorecheck(["check", batch, "--json", "--jobs", "2"]);
  expect(r.status).toBe(2);
  const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { file: string; code?: string; totals?: { score: number } });
  expect(lines.map((l) => [path.basename(l.file), l.code ?? "checked"])).toEqual([
    ["a-flood.xlsx", "TOO_LARGE"],
    ["b-broken.xlsx", "CORRUPT"],
    ["c-word.xlsx", "NOT_XLSX"],
    ["d-good.xlsx", "checked"],
  ]);
  expect(lines[3].totals?.score).toBe(98);
});

describe("the input file is never written", () => {
  function fingerprint(f: string): [string, number] {
    return [fs.readFileSync(f).toString("base64"), fs.statSync(f).mtimeMs];
  }

  test("--out elsewhere writes the copy and leaves the input as it was", () => {
    const input = path.join(dir, "in.xlsx");
    fs.copyFileSync(EXAMPLE, input);
    const before = fingerprint(input);
    const out = path.join(dir, "out.xlsx");
    const r = scorecheck(["check", input, "--out", out]);
    expect([0, 1]).toContain(r.status);
    expect(fingerprint(input)).toEqual(before);
    expect(fs.readFileSync(out).equals(fs.readFileSync(input))).toBe(false);
  });

  test("--out over the input, however it is spelt (same path, ../, a hard link, a symlink): refused, input untouched", () => {
    const input = path.join(dir, "own.xlsx");
    fs.copyFileSync(EXAMPLE, input);
    const hard = path.join(dir, "hard.xlsx");
    const soft = path.join(dir, "soft.xlsx");
    fs.linkSync(input, hard);
    fs.symlinkSync(input, soft);
    const before = fingerprint(input);
    const spellings = [input, path.join(dir, "sub", "..", "own.xlsx"), hard, soft];
    for (const out of spellings) {
      expectOneLineRefusal(scorecheck(["check", input, "--out", out]), /不能指向输入文件/, /must not be the input file/);
    }
    expect(fingerprint(input)).toEqual(before);
  });
});

test("a check that stops without an answer exits 2 with a message, never 0 in silence", () => {
  // Stand in for a reader that waits forever: main() returns a promise that never settles.
  const hook = file(
    "never.js",
    `const p = require("path").join(${JSON.stringify(ROOT)}, "bin", "codeCache.js");
     const cli = { main: () => new Promise(() => {}) };
     require.cache[p] = { id: p, filename: p, loaded: true, exports: { loadWithCodeCache: () => cli } };`,
  );
  const r = spawnSync(process.execPath, ["--require", hook, BIN, "check", EXAMPLE], { encoding: "utf8", timeout: 30_000 });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/内部错误.*internal error/);
});
