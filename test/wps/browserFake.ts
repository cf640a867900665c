/**
 * The fake ET as a script for a browser page (Playwright's addInitScript): fakeEt.ts and the one
 * module it imports, compiled with TypeScript and joined under a tiny module table. It installs
 * `window.Application` (what a WPS加载项's pages see) over the given workbook, and keeps the fake
 * itself on `window.__fakeEt` for the test to read (dump, calls, selections).
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import type { EtBookData, FakeEtOptions } from "./fakeEt";

const MODULES: Record<string, string> = {
  fakeEt: path.join(__dirname, "fakeEt.ts"),
  address: path.join(__dirname, "../../src/core/address.ts"),
};
const IMPORTS: Record<string, string> = { "../../src/core/address": "address" };

let compiled: string | undefined;

function moduleTable(): string {
  if (compiled) return compiled;
  const entries = Object.entries(MODULES).map(([name, file]) => {
    const js = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, esModuleInterop: true },
    }).outputText;
    return `${JSON.stringify(name)}: function (module, exports, require) {\n${js}\n}`;
  });
  compiled = `var __modules = {${entries.join(",\n")}};
var __imports = ${JSON.stringify(IMPORTS)};
var __cache = {};
function __require(name) {
  var key = __imports[name] || name;
  if (__cache[key]) return __cache[key].exports;
  var module = { exports: {} };
  __cache[key] = module;
  __modules[key](module, module.exports, __require);
  return module.exports;
}`;
  return compiled;
}

/** A script that puts a fake WPS holding `data` behind window.Application. */
export function fakeEtScript(data: EtBookData, options: FakeEtOptions = {}): string {
  return `(function () {
${moduleTable()}
var FakeEt = __require("fakeEt").FakeEt;
var et = new FakeEt(${JSON.stringify(data)}, ${JSON.stringify(options)});
window.__fakeEt = et;
window.Application = et.Application;
})();`;
}
