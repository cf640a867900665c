#!/usr/bin/env node
"use strict";
const path = require("path");
const { loadWithCodeCache } = require("./codeCache");

const BUNDLE = path.join(__dirname, "..", "build", "bundle", "cli.js");

/** The packed CLI; when it cannot be loaded, a clear message and a stand-in that ends with exit code 2 (no stack trace). */
function loadCli() {
  try {
    return loadWithCodeCache(BUNDLE);
  } catch (e) {
    const missing = e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes(BUNDLE);
    process.stderr.write(
      missing
        ? `scorecheck: 尚未构建命令行（缺少 ${BUNDLE}），请先运行 npm run build:node / the command line is not built (${BUNDLE} is missing): run npm run build:node\n`
        : `scorecheck: 内部错误 / internal error: ${e && e.message ? e.message : String(e)}\n`,
    );
    return { main: async () => 2 };
  }
}

let settled = false;
loadCli().main(process.argv).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (err) => {
    settled = true;
    process.stderr.write(`scorecheck: 内部错误 / internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
// Work that stops without an answer (a reader waiting on a stream that never ends) must not pass for success.
process.on("beforeExit", () => {
  if (settled) return;
  settled = true;
  process.stderr.write("scorecheck: 内部错误：检查未完成就停止了 / internal error: the check stopped without finishing\n");
  process.exitCode = 2;
});
