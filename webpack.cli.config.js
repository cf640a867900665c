/* eslint-disable no-undef */
/**
 * Packs the command line into two files, build/bundle/cli.js and build/bundle/worker.js (a batch's
 * worker thread), from tsc's output in build/ (`npm run build:node` runs tsc first).
 *
 * Why: the CLI is about 120 small modules. Node resolves, reads and wraps each one, which took
 * longer than checking a whole form (≈ 25 ms of a ≈ 50 ms start). One file loads in half that.
 * The readers' packages (SheetJS, exceljs, mammoth) stay outside: each is loaded only for the files
 * that need it, as before. Not minified, so a stack trace still names our functions.
 */
const path = require("path");

/** Packages loaded on demand, from node_modules, as the tree of modules loaded them. */
const OUTSIDE = /^(@e965\/xlsx|exceljs|mammoth)(\/|$)/;

module.exports = {
  name: "cli",
  mode: "production",
  target: "node20",
  context: __dirname,
  entry: {
    cli: "./build/cli/index.js",
    worker: "./build/cli/worker.js",
  },
  output: {
    path: path.resolve(__dirname, "build/bundle"),
    filename: "[name].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  // __dirname is the bundle's own folder: the pool finds worker.js beside cli.js.
  node: { __dirname: false, __filename: false },
  externalsPresets: { node: true },
  externals: [({ request }, callback) => (OUTSIDE.test(request) ? callback(null, `commonjs ${request}`) : callback())],
  optimization: { minimize: false },
  performance: { hints: false },
  devtool: false,
  stats: "errors-warnings",
};
