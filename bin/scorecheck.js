#!/usr/bin/env node
"use strict";
require("../build/cli/index.js").main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`scorecheck: 内部错误 / internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
