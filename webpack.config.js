/* eslint-disable no-undef */
/**
 * Builds the Excel add-in into dist/: taskpane.html (the React pane), commands.html (the
 * ribbon's function file), message.html (the dialog 一键核分 shows), the icons, office.js and
 * the manifest.
 *
 * Settings (environment variables, or --env on the command line):
 *   ADDIN_BASE_URL / --env baseUrl=…   the https address dist/ is served from, e.g.
 *                                      https://oa.example.gov.cn/scorecheck/ — every URL in the
 *                                      built manifest is rewritten to it (default: the dev server).
 *   OFFICE_JS=cdn / --env officeJs=cdn  load office.js from Microsoft's CDN (public deployments);
 *                                      by default it is served from dist/office-js/, copied from
 *                                      the @microsoft/office-js package, so the add-in needs no
 *                                      internet (intranet, offline).
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { htmlPage } = require("./webpack.html");
const { typescriptRule } = require("./webpack.typescript");
const { webConfigs } = require("./webpack.web.config"); // the browser page, dist/web/
const { wpsConfigs } = require("./webpack.wps.config"); // the WPS 表格 add-in, dist/wps/

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The pane in Excel: Office's UI font first. */
const PANE_FONTS = '"Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json")) + "/dist";

/** The part of the office-js package an Excel add-in loads: office.js, Excel's host scripts, strings. */
function isOfficeJsFileForExcel(file) {
  const rel = path.relative(OFFICE_JS_DIR, file).split(path.sep).join("/");
  if (rel.endsWith(".debug.js") || rel.endsWith(".d.ts") || rel.includes("vsdoc")) return false;
  if (!rel.includes("/")) {
    return /^(office|o15apptofilemappingtable|es6-promise)\.js$/.test(rel) || /^excel[\w.-]*\.js$/.test(rel);
  }
  const [dir, name] = [rel.slice(0, rel.lastIndexOf("/")), rel.slice(rel.lastIndexOf("/") + 1)];
  if (name === "office_strings.js") return true; // one per display language
  return /^(telemetry|ariatelemetry|agaveerrorux)(\/|$)/.test(dir);
}

function normalizeBaseUrl(url) {
  const u = new URL(url);
  if (u.protocol !== "https:") throw new Error(`The add-in must be served over https (got ${url})`);
  return u.href.endsWith("/") ? u.href : `${u.href}/`;
}

/** Rewrites every dev-server URL in the manifest, and the app domain, to the deployment address. */
function rewriteManifest(xml, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return xml
    .replace(/<!--[\s\S]*?-->\s*/g, "") // the source's notes about the dev server
    .split(DEV_URL)
    .join(baseUrl)
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
}

/**
 * The dev server's https certificate from office-addin-dev-certs (it installs its CA on first
 * use; Excel only loads the pane once that CA is trusted). Where installing is impossible (no
 * admin rights, a CI box) the generated files are used as they are, with a warning.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (e) {
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const read = (f) => require("fs").readFileSync(path.join(dir, f));
    try {
      const options = { ca: read("ca.crt"), key: read("localhost.key"), cert: read("localhost.crt") };
      console.warn(`[scorecheck] ${e.message.split("\n")[0]}\n[scorecheck] Serving with the untrusted certificate in ${dir}; run \`npx office-addin-dev-certs install\` as an administrator so that Excel trusts it.`);
      return options;
    } catch {
      throw e;
    }
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = normalizeBaseUrl(env.baseUrl || process.env.ADDIN_BASE_URL || DEV_URL);
  const cdn = (env.officeJs || process.env.OFFICE_JS || "local") === "cdn";
  const officeJs = cdn ? OFFICE_CDN : "office-js/office.js";

  const addin = {
    name: "addin",
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      message: "./src/commands/message.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      publicPath: "",
      clean: { keep: /^(web|wps)[\\/]/ }, // dist/web is the browser page's (webpack.web.config.js), dist/wps the WPS add-in's
    },
    resolve: { extensions: [".ts", ".tsx", ".mjs", ".js", ".json"] },
    module: {
      // ES2017: older Office webviews lack ?. and ??; our code at least adds none.
      rules: [typescriptRule({ dev, target: "es2017" })],
    },
    performance: { hints: false },
    optimization: { splitChunks: { chunks: "all" } },
    plugins: [
      // The pane's template is WPS's too (webpack.wps.config.js); each states its fonts.
      htmlPage({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }, { officeJs, paneFonts: PANE_FONTS }),
      htmlPage({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }, { officeJs }),
      htmlPage({ filename: "message.html", template: "./src/commands/message.html", chunks: ["message"] }, { officeJs }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icons/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString(), baseUrl),
          },
          ...(cdn
            ? []
            : [
                {
                  from: OFFICE_JS_DIR,
                  to: "office-js",
                  filter: (file) => isOfficeJsFileForExcel(file),
                  info: { minimized: true },
                },
              ]),
        ],
      }),
      {
        // Says where the built add-in expects to live, so nobody deploys a localhost manifest by mistake.
        apply(compiler) {
          compiler.hooks.done.tap("scorecheck-manifest-note", () => {
            if (!serving && baseUrl === DEV_URL && !dev) {
              console.log("\n[scorecheck] dist/manifest.xml points at https://localhost:3000/. Set ADDIN_BASE_URL to the https address you serve dist/ from (see docs/addin.md).\n");
            }
          });
        },
      },
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          server: { type: "https", options: await httpsOptions() },
          headers: { "Access-Control-Allow-Origin": "*" },
          hot: false,
          liveReload: true,
          static: false,
          devMiddleware: { writeToDisk: false },
          client: { overlay: false },
        }
      : undefined,
  };
  return [addin, ...webConfigs(env, argv), ...(serving ? [] : wpsConfigs(env, argv))];
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.isOfficeJsFileForExcel = isOfficeJsFileForExcel;
module.exports.DEV_URL = DEV_URL;
module.exports.OFFICE_CDN = OFFICE_CDN;
