import type ExcelJSModule from "exceljs";

let loaded: typeof ExcelJSModule | undefined;

/**
 * exceljs, loaded on first use. Loading it costs about 0.35 s of CPU, a tenth of checking a
 * 50,000-row table; a check without write-back reads with src/xlsx/stream.ts and never needs it.
 */
export function excelJs(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require("exceljs") as typeof ExcelJSModule);
}
