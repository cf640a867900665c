#!/usr/bin/env node
"use strict";
const path = require("path");
const { loadWithCodeCache } = require("./codeCache");

let settled = false;
loadWithCodeCache(path.join(__dirname, "..", "build", "bundle", "cli.js")).main(process.argv).then(
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
