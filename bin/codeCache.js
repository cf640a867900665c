"use strict";
/**
 * Loads the packed CLI (build/bundle/cli.js) with the V8 code cache the build made of it
 * (scripts/build-code-cache.js): the bytecode of its functions as a check left them, so a start
 * neither parses the file nor compiles a function a check needs again.
 *
 * The cache is used only when it was made of this very file by this very V8 and is whole: the
 * file's size and modification time, V8's version and the cache's own SHA-256 are recorded beside
 * it (V8 checks little more than the source's length), and V8 refuses a cache made under other
 * flags itself. Anything else — no cache, a stale or refused one, an unreadable file — and
 * the file is loaded as any module is. Only our own file is cached; the readers' packages
 * (SheetJS, exceljs) load as they always do.
 */
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { createHash } = require("crypto");
const { createRequire } = require("module");

const WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) { ";
const WRAPPER_TAIL = "\n});";

function cachePaths(file) {
  return { data: `${file}.v8cache`, meta: `${file}.v8cache.json` };
}

/** What must match for a cache to belong to `file` as it is now. */
function identity(file) {
  const stat = fs.statSync(file);
  // Whole milliseconds: a copy that keeps times (cp -p) may keep no finer ones.
  return { size: stat.size, mtimeMs: Math.round(stat.mtimeMs), v8: process.versions.v8 };
}

function sameIdentity(a, b) {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.v8 === b.v8;
}

function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Compiles and runs `file` as a CommonJS module, with `cachedData` when given; returns the module and its script. */
function run(file, cachedData) {
  const source = fs.readFileSync(file, "utf8");
  const script = new vm.Script(WRAPPER_HEAD + source + WRAPPER_TAIL, { filename: file, cachedData });
  const mod = { exports: {}, filename: file, id: file };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  return { exports: mod.exports, script };
}

/** The cache for `file` when it belongs to it, else undefined. */
function readCache(file) {
  try {
    const paths = cachePaths(file);
    const meta = JSON.parse(fs.readFileSync(paths.meta, "utf8"));
    if (!sameIdentity(meta, identity(file))) return undefined;
    const data = fs.readFileSync(paths.data);
    return sha256(data) === meta.sha256 ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The module's exports, loaded with its code cache when there is a good one. */
function loadWithCodeCache(file) {
  const cachedData = readCache(file);
  if (!cachedData) return require(file);
  return run(file, cachedData).exports;
}

/**
 * For the build: loads `file` without a cache, lets `train(exports)` run what a check runs, then
 * writes the cache of everything compiled by then, and its identity.
 */
async function writeCodeCache(file, train) {
  const { exports, script } = run(file, undefined);
  await train(exports);
  const paths = cachePaths(file);
  const data = script.createCachedData();
  fs.writeFileSync(paths.data, data);
  fs.writeFileSync(paths.meta, JSON.stringify({ ...identity(file), sha256: sha256(data) }) + "\n");
  return paths;
}

module.exports = { loadWithCodeCache, writeCodeCache, readCache };
