/* eslint-disable no-undef */
/**
 * Builds the browser page into dist/web/: index.html + web.js (the React page) and
 * worker.js (exceljs and the checker, off the page's main thread). Static files only:
 * any static server will do, and nothing is loaded from anywhere else.
 *
 * Two configurations, because the worker is built for a different target (webworker).
 * webpack.config.js adds them to the add-in's build (so `npm run build` and the dev
 * server of `npm start` include the page, at /web/index.html); `webpack -c
 * webpack.web.config.js` builds the page alone. Both write under dist/ with a web/
 * prefix, so that the dev server serves them where the static build puts them; the
 * add-in's build keeps dist/web when it cleans dist/.
 */
const path = require("path");
const webpack = require("webpack");
const { htmlPage } = require("./webpack.html");
const { typescriptRule } = require("./webpack.typescript");

const OUT = path.resolve(__dirname, "dist");

function common(name, dev) {
  return {
    name,
    mode: dev ? "development" : "production",
    // No eval: the page's Content-Security-Policy forbids it.
    devtool: dev ? "source-map" : false,
    context: __dirname,
    module: { rules: [typescriptRule({ dev, target: "es2019" })] },
    performance: { hints: false },
  };
}

function webConfigs(env = {}, argv = {}) {
  const dev = argv.mode === "development";
  const page = {
    ...common("web", dev),
    target: "web",
    entry: { web: "./src/web/index.tsx" },
    output: {
      path: OUT,
      filename: "web/[name].js",
      publicPath: "auto",
      // Stale files of the page go; the add-in's files and the worker's are not this build's to remove.
      clean: { keep: (asset) => !/^web[\\/]/.test(asset) || /^web[\\/]worker\./.test(asset) },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
      // exceljs is the worker's: the page imports src/xlsx/summary.ts only for its labels and counts.
      alias: { exceljs$: false },
    },
    plugins: [htmlPage({ filename: "web/index.html", template: "./src/web/index.html", chunks: ["web"] })],
  };
  const worker = {
    ...common("web-worker", dev),
    target: "webworker",
    entry: { worker: "./src/web/worker.ts" },
    output: {
      path: OUT,
      filename: "web/[name].js",
      chunkFilename: "web/worker.[id].js",
      publicPath: "auto",
      clean: { keep: (asset) => !/^web[\\/]worker\./.test(asset) },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".mjs", ".js", ".json"],
      alias: {
        // exceljs's own browser build (its Node entry wants fs, stream, zlib …).
        exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js"),
      },
      // src/xlsx/template.ts imports node:fs lazily, for the CLI only; the worker never calls it.
      fallback: { fs: false },
    },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
    ],
  };
  return [page, worker];
}

module.exports = webConfigs;
module.exports.webConfigs = webConfigs;
