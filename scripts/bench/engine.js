/**
 * One engine measurement, in its own process so that the check starts cold
 * (no caches from an earlier check), as it does in the CLI:
 *   node scripts/bench/engine.js SNAPSHOTS.json
 * reads the snapshots (not timed), runs check() — snapshot → result + write plan —
 * once cold and once warm, and prints one JSON line with wall and CPU milliseconds.
 * Uses the compiled engine (build/, `npm run build:node`), the code the CLI runs.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { check } = require(path.join(__dirname, "..", "..", "build", "core", "check"));

function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const sheets = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const cold = timed(() => check(sheets, {}));
const warm = timed(() => check(sheets, {}));
if (!cold.value.ok) {
  process.stderr.write(`no table: ${cold.value.error.message.en}\n`);
  process.exit(2);
}
const { rows, findings, plan } = cold.value.result;
process.stdout.write(
  JSON.stringify({
    wallMs: cold.wallMs,
    cpuMs: cold.cpuMs,
    warmWallMs: warm.wallMs,
    warmCpuMs: warm.cpuMs,
    rows: rows.length,
    findings: findings.length,
    writes: plan.writes.length,
  }) + "\n",
);
