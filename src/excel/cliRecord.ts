/**
 * The record the command line and the page leave in an annotated copy (`_scorecheck`,
 * src/xlsx/record.ts), read as the add-in's own entries: a copy the finance bureau
 * annotated with `scorecheck check --out` and sent back is checked in Excel as the user
 * left it, and 清除标记 there takes the marks away.
 *
 * Each row keeps a cell's whole prior state (exceljs value, style and note) and which
 * aspects the write-back changed; only those are restored, so an edit made since (a score
 * corrected in a flagged cell) survives. A record written before the aspects were kept
 * restores everything it holds. What the add-in cannot set is left as it is: a font, a
 * border, the vertical alignment of the result column, a note of the user's own that the
 * copy replaced.
 *
 * Rows: ["sheet", "address", "prior"], then one per cell (or "L:L" for the result column's
 * width, in characters). Pure data, no Office.js.
 */
import type { CellValue } from "../core/types";
import type { PriorContent, PriorState, RecordEntry } from "./record";

export const CLI_RECORD_SHEET = "_scorecheck";

type Aspect = "value" | "fill" | "alignment" | "note";
const ALL_ASPECTS: Aspect[] = ["value", "fill", "alignment", "note"];

interface CliPrior {
  value?: unknown;
  style?: { fill?: { type?: string; pattern?: string; fgColor?: { argb?: string } }; alignment?: { wrapText?: boolean } } | null;
  note?: unknown;
  wrote?: Aspect[];
}

/** Excel's standard column, 8.43 characters of the default font: 64 pixels, 48 points. */
const STANDARD_WIDTH_CHARS = 8.43;

/** A width in characters (exceljs) as points (Office.js): 7 pixels a character and 5 of padding, 0.75 point a pixel. */
export function pointsOfCharacters(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

function excelSerial(iso: string): number | null {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t / 86400000 + 25569 : null;
}

/** An exceljs cell value, as JSON keeps it, as the add-in's prior content. */
function contentOf(v: unknown): PriorContent {
  if (v === null || v === undefined) return { constant: null };
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { constant: v };
  if (typeof v !== "object") return { constant: String(v) };
  const o = v as Record<string, unknown>;
  if (typeof o.__date === "string") return { constant: excelSerial(o.__date) };
  if (typeof o.formula === "string") {
    const result = o.result;
    const shown: CellValue | undefined =
      typeof result === "string" || typeof result === "number" || typeof result === "boolean"
        ? result
        : result && typeof result === "object" && typeof (result as { error?: unknown }).error === "string"
          ? (result as { error: string }).error
          : undefined;
    return shown === undefined ? { formula: `=${o.formula.replace(/^=/, "")}` } : { formula: `=${o.formula.replace(/^=/, "")}`, result: shown };
  }
  if (Array.isArray(o.richText)) return { constant: o.richText.map((r) => String((r as { text?: unknown }).text ?? "")).join("") };
  if (typeof o.text === "string") return { constant: o.text };
  if (typeof o.error === "string") return { constant: o.error };
  return { constant: null };
}

function fillOf(style: CliPrior["style"]): string | null {
  const f = style?.fill;
  if (f && f.type === "pattern" && f.pattern === "solid" && typeof f.fgColor?.argb === "string") return f.fgColor.argb.slice(-6).toUpperCase();
  return null;
}

/** The entries of a `_scorecheck` sheet's values (as Office.js reads them); rows it cannot read are skipped. */
export function entriesFromCliRecord(rows: unknown[][]): RecordEntry[] {
  if (rows.length === 0 || rows[0][0] !== "sheet" || rows[0][1] !== "address") return [];
  const out: RecordEntry[] = [];
  for (const [sheet, address, json] of rows.slice(1)) {
    if (typeof sheet !== "string" || !sheet || typeof address !== "string" || typeof json !== "string") continue;
    let prior: CliPrior;
    try {
      prior = JSON.parse(json) as CliPrior;
    } catch {
      continue;
    }
    if (!prior || typeof prior !== "object") continue;
    const column = /^([A-Z]{1,3}):\1$/.exec(address);
    if (column) {
      const width = (prior.value as { width?: unknown } | null)?.width;
      out.push({ sheet, range: address, prior: { width: pointsOfCharacters(typeof width === "number" ? width : STANDARD_WIDTH_CHARS) } });
      continue;
    }
    if (!/^[A-Z]{1,3}[1-9][0-9]*$/.test(address)) continue;
    const wrote = Array.isArray(prior.wrote) ? prior.wrote : ALL_ASPECTS;
    const state: PriorState = {};
    if (wrote.includes("value")) state.content = contentOf(prior.value);
    if (wrote.includes("fill")) state.fill = fillOf(prior.style);
    if (wrote.includes("alignment")) state.wrap = prior.style?.alignment?.wrapText === true;
    // The copy's note replaced nothing: it is removed. A note of the user's that it replaced cannot be written back here.
    if (wrote.includes("note") && (prior.note === null || prior.note === undefined)) state.note = true;
    if (Object.keys(state).length > 0) out.push({ sheet, range: address, prior: state });
  }
  return out;
}
