/* eslint-disable no-undef */
/**
 * Builds the WPS 表格 add-in (WPS加载项) into dist/wps/, in the layout of WPS's own toolkit
 * (npm wpsjs): ribbon.xml and index.html (the entry page that defines the ribbon's callbacks) at
 * the top, the task pane page beside them, icons under images/. Static files: serve the folder
 * from any web server WPS can reach, or pack it as the offline package (docs/wps.md).
 *
 * Also writes publish.xml and jsplugins.xml for where the folder will be served:
 *   WPS_ADDIN_URL / --env wpsUrl=…   e.g. http://oa.example.gov.cn/scorecheck/wps/ (default: a
 *                                     local server, http://127.0.0.1:3889/wps/).
 * webpack.config.js adds this build to `npm run build`.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { htmlPage } = require("./webpack.html");
const { typescriptRule } = require("./webpack.typescript");
const pkg = require("./package.json");

const OUT = path.resolve(__dirname, "dist/wps");
const DEFAULT_URL = "http://127.0.0.1:3889/wps/";
/** The add-in's name in publish.xml / jsplugins.xml, and of its offline package (name_version.7z). */
const ADDIN_NAME = "scorecheck";
/** The pane in WPS: the UI font of Chinese Windows first, then those of UOS / Kylin and macOS. */
const PANE_FONTS = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", sans-serif';

function normalizeUrl(url) {
  const u = new URL(url);
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error(`The WPS add-in is served over http(s) (got ${url})`);
  return u.href.endsWith("/") ? u.href : `${u.href}/`;
}

const xmlAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** publish.xml (one user; WPS reads it from its jsaddons folder): the add-in served online. */
function publishXml(url) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlAttr(url)}" enable="enable" install="null" />
</jsplugins>
`;
}

/** jsplugins.xml (an office: oem.ini's JSPluginsServer points at it): online, and the offline package as an alternative. */
function jspluginsXml(url) {
  const base = new URL("..", url).href;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- One of the two entries only (WPS takes the add-in online or offline, not both). -->
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlAttr(url)}" />
  <!-- Offline package (docs/wps.md): <jsplugin name="${ADDIN_NAME}" type="et" url="${xmlAttr(`${base}${ADDIN_NAME}_${pkg.version}.7z`)}" version="${pkg.version}" /> -->
</jsplugins>
`;
}

function wpsConfigs(env = {}, argv = {}) {
  const dev = argv.mode === "development";
  const url = normalizeUrl(env.wpsUrl || process.env.WPS_ADDIN_URL || DEFAULT_URL);
  return [
    {
      name: "wps",
      mode: dev ? "development" : "production",
      devtool: dev ? "source-map" : false,
      context: __dirname,
      target: ["web", "es2017"],
      entry: { ribbon: "./src/wpsaddin/ribbon.ts", taskpane: "./src/wpsaddin/pane.tsx" },
      output: { path: OUT, filename: "[name].[contenthash:8].js", publicPath: "", clean: true },
      resolve: { extensions: [".ts", ".tsx", ".mjs", ".js", ".json"] },
      module: {
        // ES2017, as the Office build: WPS's embedded Chromium is old on some installs.
        rules: [typescriptRule({ dev, target: "es2017" })],
      },
      performance: { hints: false },
      plugins: [
        // Blocking, in the head: the ribbon callbacks exist before WPS calls OnAddinLoad.
        htmlPage({ filename: "index.html", template: "./src/wpsaddin/index.html", chunks: ["ribbon"], scriptLoading: "blocking", inject: "head" }),
        // The Excel pane's template (src/taskpane/taskpane.html), without office.js.
        htmlPage({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }, { paneFonts: PANE_FONTS }),
        new CopyWebpackPlugin({
          patterns: [
            { from: "src/wpsaddin/ribbon.xml", to: "ribbon.xml" },
            { from: "assets/icons/check-32.png", to: "images/check.png" },
            { from: "assets/icons/pane-32.png", to: "images/pane.png" },
          ],
        }),
        {
          apply(compiler) {
            compiler.hooks.thisCompilation.tap("scorecheck-wps-xml", (compilation) => {
              compilation.hooks.processAssets.tap({ name: "scorecheck-wps-xml", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
                const { RawSource } = compiler.webpack.sources;
                compilation.emitAsset("publish.xml", new RawSource(publishXml(url)));
                compilation.emitAsset("jsplugins.xml", new RawSource(jspluginsXml(url)));
              });
            });
          },
        },
      ],
    },
  ];
}

module.exports = (env, argv) => wpsConfigs(env, argv);
module.exports.wpsConfigs = wpsConfigs;
module.exports.ADDIN_NAME = ADDIN_NAME;
