#!/usr/bin/env node
/**
 * Makes the V8 code cache of the packed CLI (build/bundle/cli.js.v8cache, read by bin/codeCache.js):
 * checks the bundled example as a user would — the text report, the JSON line, and the same form
 * saved as .xls — with the output thrown away, then keeps the bytecode of every function that ran.
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

/** The example as an Excel 97–2003 file, written by the reader's own package. */
function exampleAsXls(dir) {
  const XLSX = require("@e965/xlsx");
  const file = path.join(dir, "rugao-2020.xls");
  XLSX.writeFile(XLSX.read(fs.readFileSync(EXAMPLE), { type: "buffer", cellFormula: true }), file, { bookType: "biff8" });
  return file;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-cache-"));
  const write = process.stdout.write;
  try {
    const xls = exampleAsXls(dir);
    const paths = await writeCodeCache(BUNDLE, async ({ main: cli }) => {
      process.stdout.write = () => true;
      try {
        for (const args of [[EXAMPLE], [EXAMPLE, "--json"], [xls, "--json"], [xls]]) {
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

main().catch((e) => {
  process.stderr.write(`build-code-cache: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
