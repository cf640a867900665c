/**
 * The record the command line and the page leave in a copy they annotated (`_scorecheck`:
 * sheet | address | JSON of the cell's exceljs value, style, note and the aspects written),
 * read as entries of this host's record: such a copy opened in WPS is checked as the user
 * left it, and 清除标记 there removes its marks. Only the aspects written are restored; what
 * ET cannot set here (a font, a border, a note of the user's the copy replaced) is left.
 * The same reading as the Excel add-in's, restated until the record moves into the core.
 */
import type { CellValue } from "../core/types";
import { pointsOfCharacters } from "./cells";
import type { PriorContent, PriorState, RecordEntry } from "./record";

type Aspect = "value" | "fill" | "alignment" | "note";
const ALL_ASPECTS: Aspect[] = ["value", "fill", "alignment", "note"];
/** Excel's standard column width, in characters. */
const STANDARD_WIDTH_CHARS = 8.43;

interface CliPrior {
  value?: unknown;
  style?: { fill?: { type?: string; pattern?: string; fgColor?: { argb?: string } }; alignment?: { wrapText?: boolean } } | null;
  note?: unknown;
  wrote?: Aspect[];
}

function scalar(v: unknown): CellValue | undefined {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : undefined;
}

function contentOf(v: unknown): PriorContent {
  if (v === null || v === undefined) return { constant: null };
  const s = scalar(v);
  if (s !== undefined) return { constant: s };
  if (typeof v !== "object") return { constant: String(v) };
  const o = v as Record<string, unknown>;
  if (typeof o.__date === "string") {
    const t = Date.parse(o.__date);
    return { constant: Number.isFinite(t) ? t / 86400000 + 25569 : null };
  }
  if (typeof o.formula === "string") {
    const formula = `=${o.formula.replace(/^=/, "")}`;
    const r = o.result;
    const shown = scalar(r) ?? (r && typeof r === "object" && typeof (r as { error?: unknown }).error === "string" ? (r as { error: string }).error : undefined);
    return shown === undefined ? { formula } : { formula, result: shown };
  }
  if (Array.isArray(o.richText)) return { constant: o.richText.map((r) => String((r as { text?: unknown }).text ?? "")).join("") };
  if (typeof o.text === "string") return { constant: o.text };
  if (typeof o.error === "string") return { constant: o.error };
  return { constant: null };
}

function fillOf(style: CliPrior["style"]): string | null {
  const f = style?.fill;
  return f && f.type === "pattern" && f.pattern === "solid" && typeof f.fgColor?.argb === "string" ? f.fgColor.argb.slice(-6).toUpperCase() : null;
}

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
    if (/^([A-Z]{1,3}):\1$/.test(address)) {
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
    if (wrote.includes("note") && (prior.note === null || prior.note === undefined)) state.note = true;
    if (Object.keys(state).length > 0) out.push({ sheet, range: address, prior: state });
  }
  return out;
}
