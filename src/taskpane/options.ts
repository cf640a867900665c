/** The pane's options, shared with the ribbon command through the add-in's local storage. */
export interface PaneOptions {
  /** 核查结果 column, fills and notes. */
  writeFlags: boolean;
  /** SUM formulas on the total row. */
  fixTotals: boolean;
  /** The recomputed grade next to the total. */
  writeGrade: boolean;
}

export const DEFAULT_OPTIONS: PaneOptions = { writeFlags: true, fixTotals: true, writeGrade: true };

const KEY = "scorecheck.options";

export function loadOptions(storage: Pick<Storage, "getItem"> | undefined): PaneOptions {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return { ...DEFAULT_OPTIONS };
    const parsed = JSON.parse(raw) as Partial<PaneOptions>;
    return {
      writeFlags: typeof parsed.writeFlags === "boolean" ? parsed.writeFlags : DEFAULT_OPTIONS.writeFlags,
      fixTotals: typeof parsed.fixTotals === "boolean" ? parsed.fixTotals : DEFAULT_OPTIONS.fixTotals,
      writeGrade: typeof parsed.writeGrade === "boolean" ? parsed.writeGrade : DEFAULT_OPTIONS.writeGrade,
    };
  } catch {
    return { ...DEFAULT_OPTIONS };
  }
}

export function saveOptions(storage: Pick<Storage, "setItem"> | undefined, options: PaneOptions): void {
  try {
    storage?.setItem(KEY, JSON.stringify(options));
  } catch {
    // Storage may be disabled (private mode, policy): options then last for the session.
  }
}
