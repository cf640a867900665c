/**
 * Preloaded into a measured process (`node -r ./scripts/bench/rusage.js …`):
 * on exit, appends the process's own peak memory and CPU time as one JSON
 * line to the file named by BENCH_RUSAGE. The same for the CLI and for the
 * bare exceljs reads, so their figures compare.
 */
"use strict";
const fs = require("fs");

const out = process.env.BENCH_RUSAGE;
if (out) {
  process.on("exit", (code) => {
    const u = process.resourceUsage();
    fs.appendFileSync(out, JSON.stringify({ maxRssKB: u.maxRSS, userMs: u.userCPUTime / 1000, sysMs: u.systemCPUTime / 1000, code }) + "\n");
  });
}
