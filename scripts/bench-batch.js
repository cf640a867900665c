#!/usr/bin/env node
/**
 * Batch benchmark: files per second over a folder of seed-sized workbooks with one
 * lane (--jobs 1: the main thread alone) against two (--jobs 2: the main thread and a
 * worker thread), and the peak RSS of a batch of 20 files against 200 and 400. Memory
 * should stay flat: each lane hands back only a file's small result. (From 20 to ~100
 * files V8 sizes its heaps up once; past that the peak stays where it is.)
 *
 * Run after `npm run build:node`:  node scripts/bench-batch.js [--files 200] [--small 20] [--repeat 2] [--json]
 * Prints a few readable lines, then the figures as one JSON line (only that line with --json).
 * Each run is the real CLI (`check DIR`) in a fresh Node process; the peak RSS is that
 * process's own (process.resourceUsage().maxRSS, worker threads included).
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "build", "bundle", "cli.js");
const SEED = path.join(ROOT, "assets", "example", "rugao-2020.xlsx");

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}
const FILES = arg("files", 200);
const SMALL = arg("small", 20);
const REPEAT = Math.max(1, arg("repeat", 2));
const AS_JSON = process.argv.includes("--json");

if (!fs.existsSync(CLI)) {
  process.stderr.write("bench-batch: build/bundle/cli.js is missing; run `npm run build:node` first\n");
  process.exit(2);
}

/** A folder of `n` copies of the seed workbook (48 indicators), spread over department subfolders as received. */
function makeFolder(n) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `scorecheck-bench-${n}-`));
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `片区${String(Math.floor(i / 50) + 1).padStart(2, "0")}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.copyFileSync(SEED, path.join(sub, `部门${String(i + 1).padStart(3, "0")}.xlsx`));
  }
  return dir;
}

// The CLI runs in-process inside this small wrapper so that its time and peak RSS can be read at the end.
const WRAPPER = `
const { main } = require(${JSON.stringify(CLI)});
const t0 = process.hrtime.bigint();
main(["node", "scorecheck", "check", ...JSON.parse(process.env.BENCH_ARGS)]).then((code) => {
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stderr.write("\\nBENCH " + JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS }) + "\\n");
});
`;

function runCli(args) {
  const r = spawnSync(process.execPath, ["-e", WRAPPER], {
    cwd: ROOT,
    env: { ...process.env, BENCH_ARGS: JSON.stringify(args), NO_COLOR: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const m = /BENCH (\{.*\})\s*$/.exec(r.stderr || "");
  if (!m) throw new Error(`the CLI did not finish: ${r.stderr}`);
  return JSON.parse(m[1]);
}

function best(args) {
  let top;
  for (let i = 0; i < REPEAT; i++) {
    const r = runCli(args);
    if (!top || r.ms < top.ms) top = r;
  }
  return top;
}

const big = makeFolder(FILES);
const small = makeFolder(SMALL);
const double = makeFolder(FILES * 2);
try {
  const one = best([big, "--jobs", "1"]);
  const two = best([big, "--jobs", "2"]);
  const rssSmall = best([small, "--summary", path.join(small, "汇总.xlsx")]);
  const rssBig = best([big, "--summary", path.join(big, "汇总.xlsx")]);
  const rssDouble = best([double, "--summary", path.join(double, "汇总.xlsx")]);
  const mb = (kb) => Math.round(kb / 1024);
  const fps = (r, n) => Math.round((n / (r.ms / 1000)) * 10) / 10;
  const result = {
    files: FILES,
    cores: typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length,
    oneWorker: { filesPerSecond: fps(one, FILES), seconds: Math.round(one.ms) / 1000, exit: one.code },
    twoWorkers: { filesPerSecond: fps(two, FILES), seconds: Math.round(two.ms) / 1000, exit: two.code },
    speedup: Math.round((one.ms / two.ms) * 100) / 100,
    peakRssMb: { [SMALL]: mb(rssSmall.maxRssKb), [FILES]: mb(rssBig.maxRssKb), [FILES * 2]: mb(rssDouble.maxRssKb) },
    rssRatio: Math.round((rssBig.maxRssKb / rssSmall.maxRssKb) * 100) / 100,
  };
  if (!AS_JSON) {
    process.stdout.write(
      [
        `batch check of ${FILES} seed-sized workbooks (${result.cores} cores, load ${os.loadavg()[0].toFixed(1)}, best of ${REPEAT})`,
        `  --jobs 1 (one lane) : ${result.oneWorker.filesPerSecond} files/s (${result.oneWorker.seconds} s)`,
        `  --jobs 2 (two lanes): ${result.twoWorkers.filesPerSecond} files/s (${result.twoWorkers.seconds} s), ×${result.speedup}`,
        `  peak RSS with --summary: ${SMALL} files ${result.peakRssMb[SMALL]} MB, ${FILES} files ${result.peakRssMb[FILES]} MB (×${result.rssRatio}), ${FILES * 2} files ${result.peakRssMb[FILES * 2]} MB`,
      ].join("\n") + "\n",
    );
  }
  // Last line: the figures as JSON, for scripts/bench.ts.
  process.stdout.write(JSON.stringify(result) + "\n");
} finally {
  fs.rmSync(big, { recursive: true, force: true });
  fs.rmSync(small, { recursive: true, force: true });
  fs.rmSync(double, { recursive: true, force: true });
}
