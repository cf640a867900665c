/** The Office.js environment of the running add-in (globals Excel and Office), for the host. */
import type { DocumentSettings, ExcelEnv, RunOptions } from "./env";
import { ExcelHost, type ExcelHostOptions } from "./host";

export function officeEnv(): ExcelEnv {
  return {
    run: <T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) =>
      options.mergeUndoGroup ? Excel.run(options as Excel.RunOptions, batch) : Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    settings: Office.context.document?.settings as unknown as DocumentSettings | undefined,
  };
}

export function createOfficeHost(options?: ExcelHostOptions): ExcelHost {
  return new ExcelHost(officeEnv(), options);
}
