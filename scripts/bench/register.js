/**
 * Lets `node -r ./scripts/bench/register.js scripts/bench.ts` load TypeScript:
 * each .ts/.tsx file is transpiled on require with the project's compiler
 * options (no type check; `npm run typecheck` does that).
 */
"use strict";
const fs = require("fs");
const ts = require("typescript");

const compilerOptions = {
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.CommonJS,
  esModuleInterop: true,
  resolveJsonModule: true,
  jsx: ts.JsxEmit.ReactJSX,
  sourceMap: false,
};

function compile(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
}

require.extensions[".ts"] = compile;
require.extensions[".tsx"] = compile;
