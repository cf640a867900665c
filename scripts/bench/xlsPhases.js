/**
 * Where the CLI's time on an .xls goes, phase by phase, in one cold process as the CLI runs:
 *   node scripts/bench/xlsPhases.js FILE.xls
 * prints one JSON line of milliseconds (wall): the CLI's own load (build/bundle/cli.js with its code cache,
 * as bin/scorecheck.js loads it), SheetJS's load, its parse (the reader's options),
 * the snapshots made of it, the check (no write plan, as `--json`), and the JSON line SPEC §7 asks
 * for, made and encoded as it is written. The bare read (bareRead.js sheetjs) must pass the same
 * options: this script stops with an error when they differ.
 * The later phases run tsc's tree of the same code, which has no code cache: their functions are
 * compiled as they first run, so the check here is slower than in the CLI as shipped (an upper bound).
 */
"use strict";
const { performance } = require("perf_hooks");
const fs = require("fs");

const t0 = performance.now();
require("../../bin/codeCache").loadWithCodeCache(require("path").join(__dirname, "..", "..", "build", "bundle", "cli.js"));
const t1 = performance.now();
// The same functions the bundle holds, from tsc's tree (loaded after the timed load: not counted).
const { sheetJs } = require("../../build/xlsx/sheetjs");
const { parseLegacy, snapshotsOfWorkbook, SHEETJS_READ_OPTIONS } = require("../../build/xlsx/legacyRead");
const { check } = require("../../build/core/check");
const { resultJson } = require("../../build/cli/json");

const BARE_READ_OPTIONS = require("./sheetjsOptions");

async function main() {
  if (JSON.stringify(BARE_READ_OPTIONS) !== JSON.stringify(SHEETJS_READ_OPTIONS)) {
    throw new Error(`the bare read's options differ from the reader's: ${JSON.stringify(SHEETJS_READ_OPTIONS)}`);
  }
  const file = process.argv[2];
  const data = fs.readFileSync(file);
  const t1b = performance.now();
  const xlsx = await sheetJs();
  const t2 = performance.now();
  const wb = parseLegacy(xlsx, data);
  const t3 = performance.now();
  const sheets = snapshotsOfWorkbook(xlsx, wb);
  const t4 = performance.now();
  const out = check(sheets, { planWrites: false });
  if (!out.ok) throw new Error(out.error.message.en);
  const t5 = performance.now();
  const line = JSON.stringify(resultJson(file, out.result, "zh")) + "\n";
  const bytes = Buffer.byteLength(line);
  const t6 = performance.now();
  process.stdout.write(
    JSON.stringify({
      cliLoadMs: t1 - t0,
      sheetJsLoadMs: t2 - t1b,
      parseMs: t3 - t2,
      snapshotMs: t4 - t3,
      checkMs: t5 - t4,
      jsonMs: t6 - t5,
      rows: out.result.rows.length,
      jsonBytes: bytes,
    }) + "\n",
  );
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
