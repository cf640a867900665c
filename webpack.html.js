/* The <head> every built page shares (add-in pane, function file, dialog, browser page, WPS pages). */
const HtmlWebpackPlugin = require("html-webpack-plugin");

/**
 * The opening of a page's <head>, for its template to write as `<%= head({ title: "…" }) %>`,
 * followed by what is the page's own (its policies, its styles):
 * - the charset;
 * - for a page Office loads (the build gives `officeJs`): IE=Edge, which older Office webviews need;
 * - the viewport, but for a page nobody sees (`viewport: false`: the ribbon's function file, WPS's entry page);
 * - the title;
 * - for Office, office.js, from the add-in's own folder (intranet, offline) or Microsoft's CDN, as the build chose.
 *
 * @param {{ officeJs?: string }} build
 * @param {{ title: string, viewport?: boolean }} page
 */
function pageHead(build, { title, viewport = true }) {
  return [
    '<meta charset="UTF-8" />',
    build.officeJs && '<meta http-equiv="X-UA-Compatible" content="IE=Edge" />',
    viewport && '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${title}</title>`,
    build.officeJs && `<script type="text/javascript" src="${build.officeJs}"></script>`,
  ]
    .filter(Boolean)
    .join("\n    ");
}

/**
 * An HtmlWebpackPlugin whose template can call `head(…)`; `build` holds the build's own
 * parameters (office.js's address for the Office pages), handed to the template as well.
 *
 * @param {import("html-webpack-plugin").Options} options
 * @param {Record<string, unknown>} [build]
 */
function htmlPage(options, build = {}) {
  return new HtmlWebpackPlugin({ ...options, templateParameters: { ...build, head: (page) => pageHead(build, page) } });
}

module.exports = { htmlPage, pageHead };
