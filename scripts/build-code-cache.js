#!/usr/bin/env node
/**
 * Makes the V8 code cache of the packed CLI (build/bundle/cli.js.v8cache, read by bin/codeCache.js):
 * checks the bundled example as a user would — the text report, the JSON line, the same form saved
 * as .xls, and a copy with common mistakes — with the output thrown away, then keeps the bytecode of
 * every function that ran.
 * Run by `npm run build:node` after the bundle is packed; a cache of an older bundle is never used.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { writeCodeCache } = require("../bin/codeCache");

const ROOT = path.resolve(__dirname, "..");
const BUNDLE = path.join(ROOT, "build", "bundle", "cli.js");
const EXAMPLE = path.join(ROOT, "assets", "example", "rugao-2020.xlsx");

/** The example's workbook as the reader's own package (SheetJS) holds it. */
function readExample() {
  return require("@e965/xlsx").read(fs.readFileSync(EXAMPLE), { type: "buffer", cellFormula: true });
}

/** `book` saved as an Excel 97–2003 file in `dir`. */
function saveAsXls(book, dir, name) {
  const file = path.join(dir, name);
  require("@e965/xlsx").writeFile(book, file, { bookType: "biff8" });
  return file;
}

/**
 * The example with the mistakes forms are checked for — a score above its weight, a score left
 * empty, text for a score, a missed target given full marks, a weight missing, a wrong total and
 * grade — so that the rules' reporting runs too, not only their passing.
 */
function withMistakes(book) {
  const sheet = book.Sheets["指标表"];
  const set = (address, v) => (sheet[address] = typeof v === "number" ? { t: "n", v } : { t: "s", v });
  set("G6", 3); // weight 2
  set("G7", "");
  set("G8", "全部");
  set("E9", "未完成");
  set("F10", "");
  set("G53", 90);
  set("F54", "良好");
  return book;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-cache-"));
  const write = process.stdout.write;
  try {
    const xls = saveAsXls(readExample(), dir, "rugao-2020.xls");
    const faulty = saveAsXls(withMistakes(readExample()), dir, "faulty.xls");
    const paths = await writeCodeCache(BUNDLE, async ({ main: cli }) => {
      process.stdout.write = () => true;
      try {
        for (const args of [[EXAMPLE], [EXAMPLE, "--json"], [xls, "--json"], [xls], [faulty], [faulty, "--json"]]) {
          await cli(["node", "scorecheck", "check", ...args]);
        }
      } finally {
        process.stdout.write = write;
      }
    });
    process.stdout.write(`code cache: ${path.relative(ROOT, paths.data)} (${fs.statSync(paths.data).size} bytes)\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The cache only makes starts faster: without it the CLI loads the bundle as a plain module. So a build
// (npm ci's prepare) goes on, with a warning; test/cli/codeCache.test.ts fails when the build made none.
main().catch((e) => {
  process.stderr.write(`build-code-cache: no code cache made, the CLI will start without one: ${e && e.stack ? e.stack : e}\n`);
});
