/**
 * What the page's grid shows: the checked sheet as the annotated copy will hold it —
 * the user's cells, overlaid with the write plan (核查结果 column, flag fills, notes,
 * fixed totals) — with display text, merges, column widths and the findings of each cell.
 */
import type { CellValue, CheckResult, Finding, Severity } from "../core/types";
import { cellAddress, parseRange, type RangeRef } from "../core/address";
import type { SheetPicture } from "./protocol";

export type CellKind = "header" | "total" | "result";

export interface ViewCell {
  /** One line, as the grid shows it. */
  text: string;
  /** Everything, line breaks kept (the detail bar and the tooltip). */
  full: string;
  formula?: string;
  /** Fill as 6 hex digits, from the write plan. */
  fill?: string;
  note?: string;
  /** Top-left cell of a merged area: its size. */
  span?: { rows: number; cols: number };
  /** Inside a merged area, not its top-left: where that top-left is. */
  coveredBy?: { row: number; col: number };
  kind?: CellKind;
  /** Worst severity of the findings at this cell. */
  severity?: Severity;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function worse(a: Severity | undefined, b: Severity): Severity {
  return a === undefined || RANK[b] < RANK[a] ? b : a;
}

function decimalsOf(format: string): number {
  const m = /\.(0+)/.exec(format);
  return m ? m[1].length : 0;
}

function excelDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A cell value as Excel would roughly show it under its number format. */
export function displayValue(value: CellValue, format: string | null | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  const fmt = format && format !== "General" ? format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "") : "";
  if (fmt.includes("%")) return `${(value * 100).toFixed(decimalsOf(fmt))}%`;
  if (/[yd]/i.test(fmt) && /m/i.test(fmt)) return excelDate(value);
  if (/0/.test(fmt)) {
    const fixed = value.toFixed(decimalsOf(fmt));
    return fmt.includes(",") ? Number(fixed).toLocaleString("en-US", { minimumFractionDigits: decimalsOf(fmt) }) : fixed;
  }
  return String(Number(value.toPrecision(12)));
}

/** Display width of text in half-width character units (CJK and full-width count two). */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return units;
}

/** Pixels per character of Excel's column width, at the grid's 12px font. */
const CHAR_PX = 6.5;
const MIN_PX = 44;
const AUTO_MAX_PX = 260;
/** Widths set in the sheet are kept, up to this: the 核查结果 column should not be pushed far out of view. */
const SET_MAX_PX = 240;
const RESULT_MIN_PX = 320;
const RESULT_MAX_PX = 520;
/** Rows looked at (spread over the sheet) when a column's width has to be guessed from its content. */
const SAMPLE_ROWS = 400;

export class SheetView {
  readonly sheet: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** Pixel width of columns 1…colCount (index 0 is column A). */
  readonly widths: number[];
  readonly resultColumn: number;
  private readonly cells = new Map<number, ViewCell>();
  private readonly findings = new Map<string, Finding[]>();
  /** Merged areas (more than one cell). */
  readonly merges: RangeRef[] = [];
  /** Worst severity of any finding on a row (the row gutter shows it). */
  readonly rowSeverity = new Map<number, Severity>();

  constructor(picture: SheetPicture, result: Pick<CheckResult, "plan" | "layout" | "findings">) {
    const { snapshot } = picture;
    const { plan, layout } = result;
    this.sheet = snapshot.name;
    this.resultColumn = plan.resultColumn;
    let rows = snapshot.top + snapshot.values.length;
    let cols = snapshot.left + Math.max(0, ...snapshot.values.map((r) => r.length));
    for (const w of plan.writes) {
      rows = Math.max(rows, w.row);
      cols = Math.max(cols, w.col);
    }
    this.rowCount = Math.max(rows, 1);
    this.colCount = Math.max(cols, 1);

    snapshot.values.forEach((line, i) => {
      line.forEach((value, j) => {
        const formula = snapshot.formulas[i]?.[j] ?? null;
        if (value === null && formula === null) return;
        const full = displayValue(value, snapshot.numberFormats[i]?.[j]);
        this.put(snapshot.top + i + 1, snapshot.left + j + 1, { text: oneLine(full), full, ...(formula ? { formula } : {}) });
      });
    });

    for (const ref of snapshot.merges ?? []) {
      const r = parseRange(ref);
      if (!r || (r.top === r.bottom && r.left === r.right)) continue;
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          if (row === r.top && col === r.left) this.edit(row, col, { span: { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 } });
          else this.edit(row, col, { coveredBy: { row: r.top, col: r.left } });
        }
      }
      this.merges.push(r);
    }

    for (const w of plan.writes) {
      const change: Partial<ViewCell> = {};
      if (w.value !== undefined) {
        const full = displayValue(w.value, null);
        change.full = full;
        change.text = oneLine(full);
      }
      if (w.formula !== undefined) change.formula = w.formula;
      if (w.fill) change.fill = w.fill;
      if (w.note !== undefined) change.note = w.note;
      if (w.purpose === "result") change.kind = "result";
      this.edit(w.row, w.col, change);
    }

    for (const row of layout.headerRows) {
      for (let col = layout.firstColumn; col <= Math.max(layout.lastColumn, plan.resultColumn); col++) this.edit(row, col, { kind: "header" });
    }
    if (layout.totalRow !== undefined) {
      for (let col = layout.firstColumn; col <= layout.lastColumn; col++) this.edit(layout.totalRow, col, { kind: "total" });
    }

    for (const f of result.findings) {
      // A narrative finding on another sheet (or in the report file) is not about a cell of this grid.
      if ((f.sheet !== undefined && f.sheet !== layout.sheet) || f.paragraph !== undefined) continue;
      if (f.row !== undefined) this.rowSeverity.set(f.row, worse(this.rowSeverity.get(f.row), f.severity));
      if (!f.cell) continue;
      const list = this.findings.get(f.cell) ?? [];
      list.push(f);
      this.findings.set(f.cell, list);
      const at = parseRange(f.cell);
      if (at) this.edit(at.top, at.left, { severity: worse(this.cell(at.top, at.left)?.severity, f.severity) });
    }

    this.widths = this.measure(picture.widths);
  }

  cell(row: number, col: number): ViewCell | undefined {
    return this.cells.get(this.key(row, col));
  }

  /** Findings whose cell is this address. */
  findingsAt(address: string): Finding[] {
    return this.findings.get(address) ?? [];
  }

  /** Left edge of a column in pixels, from column A. */
  columnLeft(col: number): number {
    let x = 0;
    for (let c = 1; c < col; c++) x += this.widths[c - 1] ?? MIN_PX;
    return x;
  }

  get totalWidth(): number {
    return this.widths.reduce((a, b) => a + b, 0);
  }

  address(row: number, col: number): string {
    return cellAddress(row, col);
  }

  private key(row: number, col: number): number {
    return (row - 1) * 16384 + (col - 1);
  }

  private put(row: number, col: number, cell: ViewCell): void {
    this.cells.set(this.key(row, col), cell);
  }

  private edit(row: number, col: number, change: Partial<ViewCell>): void {
    const key = this.key(row, col);
    const cell = this.cells.get(key) ?? { text: "", full: "" };
    this.cells.set(key, { ...cell, ...change });
  }

  /** Excel's widths where the sheet sets them, else a guess from the content; 核查结果 wide enough to read. */
  private measure(excelWidths: (number | undefined)[]): number[] {
    const widths: number[] = [];
    for (let col = 1; col <= this.colCount; col++) {
      const set = excelWidths[col - 1];
      let px: number;
      if (set !== undefined && set > 0) {
        px = Math.min(SET_MAX_PX, Math.round(set * CHAR_PX + 5));
      } else {
        let units = 0;
        const stride = Math.max(1, Math.ceil(this.rowCount / SAMPLE_ROWS));
        for (let row = 1; row <= this.rowCount; row += stride) {
          const c = this.cell(row, col);
          if (!c || !c.text || (c.span && c.span.cols > 1) || c.kind === "result") continue;
          units = Math.max(units, textUnits(c.text));
        }
        px = Math.min(AUTO_MAX_PX, units * CHAR_PX + 14);
      }
      if (col === this.resultColumn) px = Math.min(RESULT_MAX_PX, Math.max(RESULT_MIN_PX, px));
      widths.push(Math.max(MIN_PX, px));
    }
    return widths;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ");
}
