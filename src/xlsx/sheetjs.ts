import type * as SheetJSModule from "@e965/xlsx";

export type SheetJS = typeof SheetJSModule;

let loaded: Promise<SheetJS> | undefined;

/**
 * SheetJS (published as @e965/xlsx, 0.20.x), loaded on first use: only .xls, .et and
 * .ods need it, so an .xlsx check never pays for it, and the page's worker fetches it
 * as a chunk of its own. Node's build sets the code pages (BIFF5 and older in GBK …)
 * itself; the browser build is given them here.
 */
export function sheetJs(): Promise<SheetJS> {
  return (loaded ??= (async () => {
    const xlsx = await import("@e965/xlsx");
    const inNode = typeof process !== "undefined" && Boolean(process.versions?.node);
    if (!inNode) {
      const codepages = await import("@e965/xlsx/dist/cpexcel.full.mjs");
      xlsx.set_cptable(codepages);
    }
    return xlsx;
  })());
}
