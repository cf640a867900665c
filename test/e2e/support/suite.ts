import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launch, openPage, type Watched } from "./browser";
import { serveStatic, type StaticServer } from "./server";

/** dist/ as `npm run build` leaves it (SCORECHECK_DIST points elsewhere, e.g. a copy). */
export const DIST = path.resolve(process.env.SCORECHECK_DIST ?? path.join(__dirname, "../../../dist"));

export interface BrowserSuite {
  readonly origin: string;
  readonly browser: Browser;
  /** The page the current test opened, if any. */
  readonly watched: Watched | undefined;
  /** Opens a watched page; after the test the suite checks it and closes it. */
  open(options?: { width?: number; height?: number; locale?: string }): Promise<Watched>;
}

/**
 * One static server of dist/ and one Chromium for a test file. After each test, nothing the
 * page did may have left the test server, and nothing may have crashed.
 */
export function browserSuite(entry: string): BrowserSuite {
  let server: StaticServer;
  let browser: Browser;
  let watched: Watched | undefined;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, entry))) throw new Error(`dist/${entry} is missing: run \`npm run build\` first`);
    server = await serveStatic(DIST);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    if (watched) {
      expect(watched.foreign(server.origin)).toEqual([]);
      expect(watched.errors).toEqual([]);
      await watched.context.close();
      watched = undefined;
    }
  });

  return {
    get origin() {
      return server.origin;
    },
    get browser() {
      return browser;
    },
    get watched() {
      return watched;
    },
    async open(options) {
      watched = await openPage(browser, options);
      return watched;
    },
  };
}
