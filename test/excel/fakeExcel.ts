/**
 * A recording fake of the Excel JavaScript API: exactly the surface src/excel uses,
 * with Office.js semantics where they matter for correctness and cost:
 *
 * - proxies queue actions; nothing happens until context.sync();
 * - a property can be read only after load() and a sync, otherwise it throws
 *   PropertyNotLoaded (as Office.js does);
 * - every sync is counted, with the bytes of its request and response; a sync over
 *   the payload limit (5 MB, as Excel on the web) fails with *PayloadSizeLimitExceeded;
 * - an action that fails rejects the sync; actions before it stay applied;
 * - APIs above the fake's ExcelApi version fail with ApiNotFound, and
 *   isSetSupported answers accordingly, so the host's fall-backs run;
 * - text written through values/formulas is read as typed: "=…" is a formula,
 *   "'…" is text, "12" a number, "TRUE" a boolean; null in an input array leaves the cell;
 * - merged areas: the value sits in the top-left cell, the others read blank;
 *   getMergedAreasOrNullObject fails past 512 areas; a value, formula, fill, wrap or note
 *   written into a covered cell (not the top-left; a format over a range that holds the
 *   top-left is fine) is ignored, as Excel ignores it, and reported: it is listed in
 *   `coveredWrites`, and the run that wrote it fails (unless `allowCoveredWrites`);
 * - getSpecialCellsOrNullObject("Constants" | "Formulas") gives the cells with content as areas
 *   (row runs merged down), with cellCount, areaCount and address;
 * - a load of values, formulas or number formats over five million cells fails (RangeExceedsLimit),
 *   and one whose response could not fit in the payload limit fails before it is built;
 *   stats.loadedCells counts every cell such loads returned;
 * - formulas are computed (SUM, IF, comparisons, arithmetic, cell references).
 *
 * Reusable by the benchmark: build a FakeWorkbook (from exceljs or by hand), pass
 * `fake.env()` to the host, read `fake.stats`.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/types";
import { cellAddress, columnNumber, parseRange, type RangeRef } from "../../src/core/address";
import { fromExcelJsValue } from "../../src/xlsx/read";
import type { ExcelEnv, RunOptions } from "../../src/excel/env";

// ---------------------------------------------------------------- state

export interface FakeCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: string | null;
  wrap?: boolean;
  quotePrefix?: boolean;
  bold?: boolean;
  fontSize?: number;
  hAlign?: string;
  vAlign?: string;
  borders?: string[];
}

export interface FakeValidation {
  range: string;
  rule?: unknown;
  ignoreBlanks?: boolean;
  errorAlert?: unknown;
  prompt?: unknown;
}

const KEY_STRIDE = 20000;

export class FakeSheet {
  private mergeIndex: { of: string[]; count: number; byRow: Map<number, RangeRef[]> } | undefined;

  /** The merged area covering a cell other than its top-left, if any. */
  coveringArea(row: number, col: number): RangeRef | undefined {
    if (!this.mergeIndex || this.mergeIndex.of !== this.merges || this.mergeIndex.count !== this.merges.length) {
      const byRow = new Map<number, RangeRef[]>();
      for (const m of this.merges) {
        const b = parseRange(m);
        if (!b) continue;
        for (let r = b.top; r <= b.bottom; r++) byRow.set(r, [...(byRow.get(r) ?? []), b]);
      }
      this.mergeIndex = { of: this.merges, count: this.merges.length, byRow };
    }
    for (const b of this.mergeIndex.byRow.get(row) ?? []) {
      if (col < b.left || col > b.right) continue;
      return b.top === row && b.left === col ? undefined : b;
    }
    return undefined;
  }

  /** Keyed by FakeSheet.key(row, col). */
  readonly cells = new Map<number, FakeCell>();
  merges: string[] = [];
  readonly notes = new Map<number, string>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly validations: FakeValidation[] = [];
  freeze: { rows: number; columns: number } | undefined;
  readonly pageLayout: Record<string, unknown> = {};
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;

  constructor(public name: string) {}

  static key(row: number, col: number): number {
    return row * KEY_STRIDE + col;
  }

  static unkey(k: number): [number, number] {
    return [Math.floor(k / KEY_STRIDE), k % KEY_STRIDE];
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, col));
  }

  ensure(row: number, col: number): FakeCell {
    const k = FakeSheet.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null, formula: undefined, numberFormat: undefined, fill: undefined, wrap: undefined, quotePrefix: undefined };
      this.cells.set(k, c);
    }
    return c;
  }

  /** Sets a cell by hand (tests): a string starting with "=" is a formula. */
  set(address: string, value: CellValue, extra: Partial<FakeCell> = {}): void {
    const at = parseRange(address)!;
    const c = this.ensure(at.top, at.left);
    if (typeof value === "string" && value.startsWith("=")) {
      c.formula = value;
      c.value = null;
    } else {
      c.value = value;
      c.formula = undefined;
    }
    Object.assign(c, extra);
  }

  /** Column width in points (Excel's default is 48). */
  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? 48;
  }
}

export interface SyncRecord {
  actions: number;
  requestBytes: number;
  responseBytes: number;
}

export interface FakeStats {
  syncs: number;
  runs: { options: RunOptions; syncs: number }[];
  log: SyncRecord[];
  suspendCalculation: number;
  suspendScreen: number;
  /** Largest request or response of any sync. */
  maxPayload: number;
  /** Cells returned by loads of values, formulas or number formats (each range load counted once). */
  loadedCells: number;
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

// ---------------------------------------------------------------- workbook

export interface FakeOptions {
  /** Highest ExcelApi version the fake Excel supports (default "1.20"). */
  apiVersion?: string;
  /** Payload limit per request/response in bytes (default 5 MB). Infinity to lift it. */
  payloadLimit?: number;
  /** Let a run that wrote into a covered cell of a merged area end normally (the write is still ignored and listed). */
  allowCoveredWrites?: boolean;
}

function versionLE(a: string, b: string): boolean {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeSheet = "";
  selection: { sheet: string; address: string } | undefined;
  /** 审阅 → 保护工作簿 (structure): no sheet may be added, deleted, hidden or shown; names may be. */
  structureProtected = false;
  /** Workbook-level defined names, their formula as Excel gives it ("=…"). */
  readonly names: FakeName[] = [];
  apiVersion: string;
  payloadLimit: number;
  stats: FakeStats = FakeWorkbook.emptyStats();
  /** Writes into covered cells of merged areas ("Sheet!B33 value"), which Excel ignores. */
  readonly coveredWrites: string[] = [];
  allowCoveredWrites: boolean;

  constructor(options: FakeOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.20";
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.allowCoveredWrites = options.allowCoveredWrites ?? false;
  }

  /** True (and listed) when a write lands in a covered cell of a merged area, outside any range holding its top-left. */
  coveredWrite(sheet: FakeSheet, row: number, col: number, what: string, range?: RangeRef): boolean {
    const area = sheet.coveringArea(row, col);
    if (!area) return false;
    if (range && range.top <= area.top && range.bottom >= area.top && range.left <= area.left && range.right >= area.left) return false;
    this.coveredWrites.push(`${sheet.name}!${cellAddress(row, col)} ${what}`);
    return true;
  }

  static emptyStats(): FakeStats {
    return { syncs: 0, runs: [], log: [], suspendCalculation: 0, suspendScreen: 0, maxPayload: 0, loadedCells: 0 };
  }

  resetStats(): void {
    this.stats = FakeWorkbook.emptyStats();
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  supports(version: string): boolean {
    return versionLE(version, this.apiVersion);
  }

  /** The host's environment over this fake. */
  env(): ExcelEnv {
    return {
      run: (options, batch) => this.run(options, batch as unknown as (ctx: FakeContext) => Promise<never>),
      isSetSupported: (name, version) => name === "ExcelApi" && this.supports(version),
      payloadLimit: this.payloadLimit,
    };
  }

  async run<T>(options: RunOptions, batch: (context: FakeContext) => Promise<T>): Promise<T> {
    if (options.mergeUndoGroup && !this.supports("1.20")) throw new OfficeError("ApiNotFound", "mergeUndoGroup needs ExcelApi 1.20");
    const context = new FakeContext(this);
    const entry = { options, syncs: 0 };
    this.stats.runs.push(entry);
    context.onSync = () => entry.syncs++;
    const covered = this.coveredWrites.length;
    const out = await batch(context);
    if (context.queue.length > 0) throw new Error(`fake Excel: ${context.queue.length} queued action(s) never synced`);
    if (!this.allowCoveredWrites && this.coveredWrites.length > covered) {
      throw new Error(`fake Excel: written into covered cells of merged areas, which Excel ignores: ${this.coveredWrites.slice(covered).join(", ")}`);
    }
    return out;
  }

  /** Copies an exceljs workbook: values, formulas, number formats, fills, wrap, notes, merges, visibility. */
  static fromExcelJs(wb: ExcelJS.Workbook, options: FakeOptions = {}): FakeWorkbook {
    const fake = new FakeWorkbook(options);
    for (const ws of wb.worksheets) {
      const sheet = fake.addSheet(ws.name);
      sheet.visibility = ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
      sheet.merges = [...((ws.model as unknown as { merges?: string[] }).merges ?? [])];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const isSlave = cell.isMerged && cell.master && cell.master.address !== cell.address;
          const { value, formula } = isSlave ? { value: null, formula: null } : fromExcelJsValue(cell.value);
          const fill = cell.fill as ExcelJS.FillPattern | undefined;
          const argb = fill && fill.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
          const numFmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
          const wrap = cell.alignment?.wrapText ? true : undefined;
          if (value === null && !formula && !argb && !numFmt && !wrap && !cell.note) return;
          const fc = sheet.ensure(r, c);
          fc.value = value;
          if (formula) fc.formula = formula;
          if (numFmt) fc.numberFormat = numFmt;
          if (argb) fc.fill = argb.slice(-6).toUpperCase();
          if (wrap) fc.wrap = true;
          if (cell.note) {
            const n = cell.note as string | { texts?: { text: string }[] };
            sheet.notes.set(FakeSheet.key(r, c), typeof n === "string" ? n : (n.texts ?? []).map((t) => t.text).join(""));
          }
        });
      });
    }
    const firstVisible = fake.sheets.find((s) => s.visibility === "Visible");
    fake.activeSheet = firstVisible?.name ?? fake.sheets[0]?.name ?? "";
    return fake;
  }

  // ---- reading state (tests)

  /** What a cell shows: a formula's computed result, else its value. */
  valueAt(sheetName: string, row: number, col: number): CellValue {
    const s = this.sheet(sheetName);
    if (!s) return null;
    return evaluateCell(this, s, row, col, new Set());
  }

  /** A plain, comparable copy of a sheet's cells, notes, merges, widths. */
  dump(sheetName: string): unknown {
    const s = this.sheet(sheetName)!;
    const a1 = (k: number) => {
      const [r, c] = FakeSheet.unkey(k);
      return cellAddress(r, c);
    };
    const cells: Record<string, FakeCell> = {};
    for (const [k, c] of [...s.cells.entries()].sort((x, y) => x[0] - y[0])) {
      // A formula cell shows its computed result, as Excel recalculates a formula written back (the fake keeps none).
      const [r, col] = FakeSheet.unkey(k);
      const shown = c.formula ? { ...c, value: evaluateCell(this, s, r, col, new Set()) } : c;
      const clean = Object.fromEntries(Object.entries(shown).filter(([, v]) => v !== undefined && v !== null && v !== false && v !== "General"));
      if (Object.keys(clean).length) cells[a1(k)] = clean as FakeCell;
    }
    return {
      cells,
      notes: Object.fromEntries([...s.notes.entries()].sort((x, y) => x[0] - y[0]).map(([k, v]) => [a1(k), v])),
      merges: s.merges.slice().sort(),
      // A column set to the standard width looks and prints as standard.
      widths: Object.fromEntries([...s.columnWidths.entries()].filter(([, w]) => w !== 48).sort((x, y) => x[0] - y[0])),
      visibility: s.visibility,
    };
  }
}

// ---------------------------------------------------------------- formulas

function evaluateCell(wb: FakeWorkbook, s: FakeSheet, row: number, col: number, seen: Set<string>): CellValue {
  const c = s.cell(row, col);
  if (!c) return null;
  if (!c.formula) return c.value;
  const key = `${s.name}!${row}:${col}`;
  if (seen.has(key)) return "#REF!";
  seen.add(key);
  try {
    const v = new FormulaParser(c.formula.slice(1), (r, cc) => evaluateCell(wb, s, r, cc, seen)).parse();
    return Array.isArray(v) ? (v[0] ?? null) : v;
  } catch {
    return c.value ?? "#NAME?";
  } finally {
    seen.delete(key);
  }
}

type FValue = CellValue | CellValue[];

/** A small recursive-descent evaluator: enough for SUM totals and the template's IF grade. */
class FormulaParser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly cell: (row: number, col: number) => CellValue,
  ) {}

  parse(): FValue {
    const v = this.comparison();
    this.ws();
    if (this.i < this.src.length) throw new Error(`unexpected ${this.src.slice(this.i)}`);
    return v;
  }

  private ws() {
    while (this.src[this.i] === " ") this.i++;
  }

  private comparison(): FValue {
    let left = this.additive();
    this.ws();
    const m = /^(>=|<=|<>|=|>|<)/.exec(this.src.slice(this.i));
    if (m) {
      this.i += m[1].length;
      const right = this.additive();
      const a = scalar(left);
      const b = scalar(right);
      const an = typeof a === "number" ? a : Number(a ?? 0);
      const bn = typeof b === "number" ? b : Number(b ?? 0);
      const op = m[1];
      left = op === ">=" ? an >= bn : op === "<=" ? an <= bn : op === ">" ? an > bn : op === "<" ? an < bn : op === "=" ? a === b : a !== b;
    }
    return left;
  }

  private additive(): FValue {
    let v = this.term();
    for (;;) {
      this.ws();
      const ch = this.src[this.i];
      if (ch !== "+" && ch !== "-") return v;
      this.i++;
      const r = this.term();
      v = ch === "+" ? num(v) + num(r) : num(v) - num(r);
    }
  }

  private term(): FValue {
    let v = this.unary();
    for (;;) {
      this.ws();
      const ch = this.src[this.i];
      if (ch !== "*" && ch !== "/") return v;
      this.i++;
      const r = this.unary();
      v = ch === "*" ? num(v) * num(r) : num(r) === 0 ? "#DIV/0!" : num(v) / num(r);
    }
  }

  private unary(): FValue {
    this.ws();
    if (this.src[this.i] === "-") {
      this.i++;
      return -num(this.unary());
    }
    return this.primary();
  }

  private primary(): FValue {
    this.ws();
    const rest = this.src.slice(this.i);
    if (rest.startsWith("(")) {
      this.i++;
      const v = this.comparison();
      this.expect(")");
      return v;
    }
    if (rest.startsWith('"')) {
      const end = this.src.indexOf('"', this.i + 1);
      const s = this.src.slice(this.i + 1, end);
      this.i = end + 1;
      return s;
    }
    const n = /^\d+(\.\d+)?/.exec(rest);
    if (n) {
      this.i += n[0].length;
      return Number(n[0]);
    }
    const fn = /^([A-Z]+)\(/i.exec(rest);
    if (fn) {
      this.i += fn[0].length;
      const args: FValue[] = [];
      this.ws();
      if (this.src[this.i] !== ")") {
        for (;;) {
          args.push(this.comparison());
          this.ws();
          if (this.src[this.i] === ",") {
            this.i++;
            continue;
          }
          break;
        }
      }
      this.expect(")");
      const name = fn[1].toUpperCase();
      if (name === "SUM") return args.flatMap((a) => (Array.isArray(a) ? a : [a])).reduce<number>((s, x) => s + (typeof x === "number" ? x : 0), 0);
      if (name === "IF") return scalar(args[0]) ? (args[1] ?? true) : (args[2] ?? false);
      if (name === "ROUND") return Math.round(num(args[0]) * 10 ** num(args[1])) / 10 ** num(args[1]);
      throw new Error(`unknown function ${name}`);
    }
    const ref = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/i.exec(rest);
    if (ref) {
      this.i += ref[0].length;
      const r = parseRange(ref[0].replace(/\$/g, ""))!;
      if (!ref[3]) return this.cell(r.top, r.left);
      const out: CellValue[] = [];
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(this.cell(row, col));
      return out;
    }
    throw new Error(`cannot read ${rest}`);
  }

  private expect(ch: string) {
    this.ws();
    if (this.src[this.i] !== ch) throw new Error(`expected ${ch}`);
    this.i++;
  }
}

function scalar(v: FValue): CellValue {
  return Array.isArray(v) ? (v[0] ?? null) : v;
}

function num(v: FValue): number {
  const s = scalar(v);
  if (typeof s === "number") return s;
  if (typeof s === "boolean") return s ? 1 : 0;
  const n = Number(s ?? 0);
  return Number.isFinite(n) ? n : 0;
}

// ---------------------------------------------------------------- input parsing

/** What typing `input` into a cell stores. */
export function parseInput(input: unknown): { value: CellValue; formula?: string; quotePrefix?: boolean } {
  if (input === "" || input === undefined) return { value: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  if (input === null) return { value: null };
  const s = String(input);
  if (s.startsWith("'")) return { value: s.slice(1), quotePrefix: true };
  if (s.startsWith("=") && s.length > 1) return { value: null, formula: s };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s.trim())) return { value: Number(s) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(s.trim())) return { value: Number(s.trim().slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(s.trim())) return { value: s.trim().toUpperCase() === "TRUE" };
  return { value: s };
}

// ---------------------------------------------------------------- proxies

interface Action {
  /** ExcelApi version the action needs. */
  version: string;
  requestBytes: number;
  /** Runs at sync; returns the bytes of its response. */
  run(): number;
}

function bytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? "", "utf8");
}

const ACTION_BYTES = 120;

export class FakeContext {
  readonly queue: Action[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  onSync: () => void = () => {};

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  enqueue(version: string, requestBytes: number, run: () => unknown): void {
    this.queue.push({
      version,
      requestBytes: ACTION_BYTES + requestBytes,
      run: () => {
        const r = run();
        return typeof r === "number" ? r : 0;
      },
    });
  }

  async sync(): Promise<void> {
    const actions = this.queue.splice(0);
    const stats = this.book.stats;
    stats.syncs++;
    this.onSync();
    const requestBytes = actions.reduce((s, a) => s + a.requestBytes, 0);
    const record: SyncRecord = { actions: actions.length, requestBytes, responseBytes: 0 };
    stats.log.push(record);
    stats.maxPayload = Math.max(stats.maxPayload, requestBytes);
    if (requestBytes > this.book.payloadLimit) {
      throw new OfficeError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes`);
    }
    let responseBytes = 0;
    for (const a of actions) {
      if (!this.book.supports(a.version)) throw new OfficeError("ApiNotFound", `needs ExcelApi ${a.version}`);
      responseBytes += a.run();
    }
    record.responseBytes = responseBytes;
    stats.maxPayload = Math.max(stats.maxPayload, responseBytes);
    if (responseBytes > this.book.payloadLimit) {
      throw new OfficeError("ResponsePayloadSizeLimitExceeded", `response of ${responseBytes} bytes`);
    }
  }
}

/** Base of every proxy: loaded properties are readable only after a sync. */
class Proxy {
  protected readonly loaded = new Map<string, unknown>();
  constructor(readonly context: FakeContext) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new OfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Call load() and context.sync() first.`);
    }
    return this.loaded.get(prop) as T;
  }

  /** Splits "a,b/c" into property names; nested paths are handled by the subclasses. */
  protected static props(names: string | string[] | undefined): string[] {
    if (names === undefined) return [];
    const list = Array.isArray(names) ? names : names.split(",");
    return list.map((p) => p.trim()).filter(Boolean);
  }
}

class ApplicationProxy extends Proxy {
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue("1.6", 0, () => void this.context.book.stats.suspendCalculation++);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue("1.9", 0, () => void this.context.book.stats.suspendScreen++);
  }
}

class ProtectionProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly get: () => boolean,
    private readonly version: string,
  ) {
    super(context);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  load(_props?: string): this {
    this.context.enqueue(this.version, 20, () => {
      this.loaded.set("protected", this.get());
      return 20;
    });
    return this;
  }
}

class WorkbookProxy extends Proxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly protection: ProtectionProxy;
  readonly names: NamedItemCollectionProxy;
  constructor(context: FakeContext) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
    this.protection = new ProtectionProxy(context, () => context.book.structureProtected, "1.7");
    this.names = new NamedItemCollectionProxy(context);
  }
}

/** What Excel computes for a name: a string constant gives type "String" and its text; a reference its address. */
function nameValue(formula: string): { type: string; value: unknown } {
  const text = /^="((?:[^"]|"")*)"$/s.exec(formula);
  if (text) return { type: "String", value: text[1].replace(/""/g, '"') };
  if (/^=-?\d+(\.\d+)?$/.test(formula)) return { type: "Double", value: Number(formula.slice(1)) };
  return { type: "Range", value: formula.slice(1) };
}

const NAME_SYNTAX = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;

/** Workbook.names: as Excel, adding and deleting names is allowed under a protected structure. */
class NamedItemCollectionProxy extends Proxy {
  get items(): NamedItemProxy[] {
    return this.read("items");
  }

  load(props?: string): this {
    const names = Proxy.props(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue("1.1", bytes(props), () => {
      const items = this.context.book.names.map((n) => {
        const p = new NamedItemProxy(this.context, () => n);
        p.fill(names);
        return p;
      });
      this.loaded.set("items", items);
      return bytes(items.map((p) => p.snapshot(names)));
    });
    return this;
  }

  /** The reference here is a formula ("=…"); Excel refuses a name that exists or is not a name. */
  add(name: string, reference: string): NamedItemProxy {
    const book = this.context.book;
    this.context.enqueue("1.4", bytes([name, reference]), () => {
      if (!NAME_SYNTAX.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new OfficeError("InvalidArgument", `not a valid name: ${name}`);
      if (book.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new OfficeError("ItemAlreadyExists", `name ${name} exists`);
      const text = /^="((?:[^"]|"")*)"$/s.exec(reference);
      // A string constant in a formula holds at most 255 characters.
      if (text && text[1].replace(/""/g, '"').length > 255) throw new OfficeError("InvalidArgument", "text values in formulas are limited to 255 characters");
      book.names.push({ name, formula: reference, visible: true });
    });
    return new NamedItemProxy(this.context, () => {
      const n = book.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!n) throw new OfficeError("ItemNotFound", `no name ${name}`);
      return n;
    });
  }
}

class NamedItemProxy extends Proxy {
  constructor(
    context: FakeContext,
    readonly resolve: () => FakeName,
  ) {
    super(context);
  }

  fill(names: string[]): void {
    const n = this.resolve();
    for (const p of names) {
      if (p === "name") this.loaded.set("name", n.name);
      else if (p === "type") this.loaded.set("type", nameValue(n.formula).type);
      else if (p === "value") this.loaded.set("value", nameValue(n.formula).value);
      else if (p === "visible") this.loaded.set("visible", n.visible);
      else throw new Error(`fake Excel: named item property ${p} not supported`);
    }
  }

  snapshot(names: string[]): Record<string, unknown> {
    return Object.fromEntries(names.map((n) => [n, this.loaded.get(n)]));
  }

  get name(): string {
    return this.read("name");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): unknown {
    return this.read("value");
  }
  set visible(v: boolean) {
    this.context.enqueue("1.1", 8, () => {
      this.resolve().visible = v;
    });
  }

  delete(): void {
    this.context.enqueue("1.4", 0, () => {
      const book = this.context.book;
      book.names.splice(book.names.indexOf(this.resolve()), 1);
    });
  }
}

class WorksheetCollectionProxy extends Proxy {
  get items(): WorksheetProxy[] {
    return this.read("items");
  }

  load(props?: string): this {
    const names = Proxy.props(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue("1.1", bytes(props), () => {
      const items = this.context.book.sheets.map((s) => {
        const w = new WorksheetProxy(this.context, () => s);
        w.fill(names);
        return w;
      });
      this.loaded.set("items", items);
      return bytes(items.map((w) => w.snapshot(names)));
    });
    return this;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const s = this.context.book.sheet(name);
      if (!s) throw new OfficeError("ItemNotFound", `no sheet ${name}`);
      return s;
    });
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.book.sheet(this.context.book.activeSheet)!);
  }

  /** As Excel: refused while the workbook's structure is protected. */
  add(name: string): WorksheetProxy {
    this.context.enqueue("1.1", bytes(name), () => {
      if (this.context.book.structureProtected) throw new OfficeError("AccessDenied", "the workbook structure is protected");
      if (this.context.book.sheet(name)) throw new OfficeError("ItemAlreadyExists", `sheet ${name} exists`);
      this.context.book.addSheet(name);
    });
    return this.getItem(name);
  }
}

class WorksheetProxy extends Proxy {
  constructor(
    context: FakeContext,
    readonly resolve: () => FakeSheet,
  ) {
    super(context);
  }

  fill(names: string[]): void {
    const s = this.resolve();
    for (const n of names) {
      if (n === "name") this.loaded.set("name", s.name);
      else if (n === "visibility") this.loaded.set("visibility", s.visibility);
      else throw new Error(`fake Excel: worksheet property ${n} not supported`);
    }
  }

  snapshot(names: string[]): Record<string, unknown> {
    return Object.fromEntries(names.map((n) => [n, this.loaded.get(n)]));
  }

  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  /** As Excel: a sheet is neither hidden nor shown while the workbook's structure is protected. */
  set visibility(v: string) {
    this.context.enqueue("1.1", bytes(v), () => {
      if (this.context.book.structureProtected && this.resolve().visibility !== v) throw new OfficeError("AccessDenied", "the workbook structure is protected");
      this.resolve().visibility = v as FakeSheet["visibility"];
    });
  }

  load(props?: string): this {
    const names = Proxy.props(props);
    this.context.enqueue("1.1", bytes(props), () => {
      this.fill(names);
      return bytes(this.snapshot(names));
    });
    return this;
  }

  private nav = new Map<string, unknown>();
  private cached<T>(key: string, make: () => T): T {
    if (!this.nav.has(key)) this.nav.set(key, make());
    return this.nav.get(key) as T;
  }

  get protection(): ProtectionProxy {
    return this.cached("protection", () => new ProtectionProxy(this.context, () => this.resolve().protected, "1.2"));
  }

  get notes(): NoteCollectionProxy {
    return this.cached("notes", () => new NoteCollectionProxy(this.context, this.resolve));
  }

  get freezePanes(): FreezePanesProxy {
    return this.cached("freezePanes", () => new FreezePanesProxy(this.context, this.resolve));
  }

  get pageLayout(): PageLayoutProxy {
    return this.cached("pageLayout", () => new PageLayoutProxy(this.context, this.resolve));
  }

  getRange(address: string): RangeProxy {
    return new RangeProxy(this.context, this.resolve, () => address);
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    const version = valuesOnly === undefined ? "1.1" : "1.2";
    // Resolved once, when the first action on it runs (the used range of that moment).
    let address: string | undefined;
    return new RangeProxy(this.context, this.resolve, () => (address ??= usedAddress(this.resolve(), !!valuesOnly)), version);
  }

  activate(): void {
    this.context.enqueue("1.1", 0, () => {
      this.context.book.activeSheet = this.resolve().name;
    });
  }

  /** As Excel: refused while the workbook's structure is protected, or for the last visible sheet. */
  delete(): void {
    this.context.enqueue("1.1", 0, () => {
      const book = this.context.book;
      const sheet = this.resolve();
      if (book.structureProtected) throw new OfficeError("AccessDenied", "the workbook structure is protected");
      if (sheet.visibility === "Visible" && book.sheets.filter((s) => s.visibility === "Visible").length === 1) {
        throw new OfficeError("InvalidOperation", "the last visible sheet");
      }
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      if (book.activeSheet === sheet.name) book.activeSheet = book.sheets.find((s) => s.visibility === "Visible")?.name ?? "";
    });
  }
}

/** Excel's used range: cells with values (valuesOnly) or with anything at all; A1 when the sheet is blank. */
function usedAddress(s: FakeSheet, valuesOnly: boolean): string {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const take = (r: number, c: number) => {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  for (const [k, c] of s.cells) {
    const [r, col] = FakeSheet.unkey(k);
    const hasValue = c.formula !== undefined || (c.value !== null && c.value !== "");
    const hasFormat = !!(c.fill || c.wrap || c.numberFormat || c.bold || c.fontSize || c.hAlign || c.vAlign || c.borders?.length);
    if (hasValue || (!valuesOnly && hasFormat)) take(r, col);
  }
  if (!valuesOnly) {
    for (const m of s.merges) {
      const r = parseRange(m)!;
      take(r.top, r.left);
      take(r.bottom, r.right);
    }
    for (const k of s.notes.keys()) {
      const [r, col] = FakeSheet.unkey(k);
      take(r, col);
    }
  }
  if (bottom === 0) return "A1";
  return top === bottom && left === right ? cellAddress(top, left) : `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** On every platform Excel refuses a get of a range over five million cells. */
const MAX_LOAD_CELLS = 5_000_000;
/** The fewest bytes a cell can take in a response, per property (a one-digit number and a comma). */
const MIN_CELL_BYTES = 2;
const GRID_PROPS = ["values", "formulas", "numberFormat"];

/** "A1", "A1:C3", "H:H", "3:3" to bounds. */
function bounds(address: string): RangeRef {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const col = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(bare);
  if (col) return { top: 1, bottom: MAX_ROWS, left: columnNumber(col[1]), right: columnNumber(col[2]) };
  const row = /^\$?(\d+):\$?(\d+)$/.exec(bare);
  if (row) return { top: Number(row[1]), bottom: Number(row[2]), left: 1, right: MAX_COLS };
  const r = parseRange(bare);
  if (!r) throw new OfficeError("InvalidArgument", `bad address ${address}`);
  return r;
}

/** Whole columns ("H:H") or whole rows ("3:3"): every row, or every column, of the sheet. */
function isWhole(b: RangeRef): boolean {
  return (b.top === 1 && b.bottom === MAX_ROWS) || (b.left === 1 && b.right === MAX_COLS);
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class RangeProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly sheetOf: () => FakeSheet,
    private readonly addressOf: () => string,
    private readonly version = "1.1",
  ) {
    super(context);
  }

  private target(): { sheet: FakeSheet; b: RangeRef } {
    const sheet = this.sheetOf();
    return { sheet, b: bounds(this.addressOf()) };
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }

  set values(v: unknown[][]) {
    this.write(v, "values");
  }
  set formulas(v: unknown[][]) {
    this.write(v, "formulas");
  }
  set numberFormat(v: unknown[][]) {
    this.context.enqueue(this.version, bytes(v), () => {
      const { sheet, b } = this.target();
      this.checkShape(v, b);
      v.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null) return;
          const c = sheet.ensure(b.top + i, b.left + j);
          c.numberFormat = f === "General" ? undefined : String(f);
        }),
      );
    });
  }

  private checkShape(v: unknown[][], b: RangeRef): void {
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new OfficeError("InvalidArgument", `input of ${v.length} rows does not match ${rows}x${cols}`);
    }
  }

  private write(v: unknown[][], _kind: "values" | "formulas"): void {
    this.context.enqueue(this.version, bytes(v), () => {
      const { sheet, b } = this.target();
      this.checkShape(v, b);
      v.forEach((row, i) =>
        row.forEach((input, j) => {
          if (input === null) return; // null leaves the cell as it is
          if (input !== "" && this.context.book.coveredWrite(sheet, b.top + i, b.left + j, _kind)) return;
          const parsed = parseInput(input);
          const c = sheet.ensure(b.top + i, b.left + j);
          c.value = parsed.value;
          if (parsed.formula) c.formula = parsed.formula;
          else c.formula = undefined;
          if (parsed.quotePrefix) c.quotePrefix = true;
          else c.quotePrefix = undefined;
        }),
      );
    });
  }

  load(props?: string): this {
    const names = Proxy.props(props);
    this.context.enqueue(this.version, bytes(props), () => {
      const { sheet, b } = this.target();
      const gridProps = names.filter((n) => GRID_PROPS.includes(n)).length;
      if (isWhole(b) && gridProps > 0) {
        throw new OfficeError("ResponsePayloadSizeLimitExceeded", "whole row/column loads");
      }
      if (gridProps > 0) {
        const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
        if (cells > MAX_LOAD_CELLS) throw new OfficeError("RangeExceedsLimit", `a get of ${cells} cells`);
        // Refused before it is built: the response could not be smaller than this.
        if (cells * MIN_CELL_BYTES * gridProps > this.context.book.payloadLimit) {
          throw new OfficeError("ResponsePayloadSizeLimitExceeded", `a get of ${cells} cells`);
        }
        this.context.book.stats.loadedCells += cells;
      }
      const out: Record<string, unknown> = {};
      for (const n of names) {
        if (n === "address") out.address = `${quoteSheet(sheet.name)}!${this.addressOf()}`;
        else if (n === "rowIndex") out.rowIndex = b.top - 1;
        else if (n === "columnIndex") out.columnIndex = b.left - 1;
        else if (n === "rowCount") out.rowCount = b.bottom - b.top + 1;
        else if (n === "columnCount") out.columnCount = b.right - b.left + 1;
        else if (n === "values") out.values = grid(b, (r, c) => officeValue(this.context.book.valueAt(sheet.name, r, c)));
        else if (n === "formulas")
          out.formulas = grid(b, (r, c) => {
            const cell = sheet.cell(r, c);
            return cell?.formula ?? officeValue(cell?.value ?? null);
          });
        else if (n === "numberFormat") out.numberFormat = grid(b, (r, c) => sheet.cell(r, c)?.numberFormat ?? "General");
        else throw new Error(`fake Excel: range property ${n} not supported`);
      }
      for (const [k, v] of Object.entries(out)) this.loaded.set(k, v);
      return bytes(out);
    });
    return this;
  }

  // Office.js hands out the same navigation object each time (range.format === range.format).
  private nav = new Map<string, unknown>();
  private cached<T>(key: string, make: () => T): T {
    if (!this.nav.has(key)) this.nav.set(key, make());
    return this.nav.get(key) as T;
  }

  get format(): RangeFormatProxy {
    return this.cached("format", () => new RangeFormatProxy(this.context, () => this.target()));
  }

  get dataValidation(): DataValidationProxy {
    return this.cached("dataValidation", () => new DataValidationProxy(this.context, () => ({ sheet: this.sheetOf(), address: this.addressOf() })));
  }

  getCellProperties(spec: {
    format?: { fill?: { color?: boolean; pattern?: boolean }; wrapText?: boolean };
  }): ClientResult<{ format: { fill?: { color?: string; pattern?: string }; wrapText?: boolean } }[][]> {
    const result = new ClientResult<{ format: { fill?: { color?: string; pattern?: string }; wrapText?: boolean } }[][]>();
    this.context.enqueue("1.9", bytes(spec), () => {
      const { sheet, b } = this.target();
      const value = grid(b, (r, c) => {
        const cell = sheet.cell(r, c);
        const format: { fill?: { color?: string; pattern?: string }; wrapText?: boolean } = {};
        if (spec.format?.fill) {
          format.fill = {};
          if (spec.format.fill.color) format.fill.color = cell?.fill ? `#${cell.fill}` : "#FFFFFF";
          if (spec.format.fill.pattern) format.fill.pattern = cell?.fill ? "Solid" : "None";
        }
        if (spec.format?.wrapText) format.wrapText = !!cell?.wrap;
        return { format };
      });
      result.set(value);
      return bytes(value);
    });
    return result;
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => this.target());
  }

  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): SpecialCellsProxy {
    if (cellType !== "Constants" && cellType !== "Formulas") throw new Error(`fake Excel: special cells ${cellType} not supported`);
    if (cellValueType !== undefined) throw new Error("fake Excel: special cells by value type not supported");
    return new SpecialCellsProxy(this.context, () => this.target(), cellType);
  }

  select(): void {
    this.context.enqueue("1.1", 0, () => {
      const { sheet } = this.target();
      if (sheet.name !== this.context.book.activeSheet) throw new OfficeError("InvalidSelection", "select on a sheet that is not active");
      this.context.book.selection = { sheet: sheet.name, address: this.addressOf() };
    });
  }

  merge(across?: boolean): void {
    this.context.enqueue("1.2", 0, () => {
      const { sheet } = this.target();
      if (across) throw new Error("fake Excel: merge(across) not supported");
      sheet.merges.push(this.addressOf());
    });
  }

  clear(): void {
    this.context.enqueue("1.1", 0, () => {
      const { sheet, b } = this.target();
      for (const k of [...sheet.cells.keys()]) {
        const [r, c] = FakeSheet.unkey(k);
        if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) sheet.cells.delete(k);
      }
    });
  }
}

function officeValue(v: CellValue): string | number | boolean {
  return v === null ? "" : v;
}

function grid<T>(b: RangeRef, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row: T[] = [];
    for (let c = b.left; c <= b.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

class ClientResult<T> {
  private loadedValue: { v: T } | undefined;
  set(v: T): void {
    this.loadedValue = { v };
  }
  get value(): T {
    if (!this.loadedValue) throw new OfficeError("PropertyNotLoaded", "ClientResult.value read before sync");
    return this.loadedValue.v;
  }
}

class RangeAreasProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly target: () => { sheet: FakeSheet; b: RangeRef },
  ) {
    super(context);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  load(_props?: string): this {
    this.context.enqueue("1.13", 40, () => {
      const { sheet, b } = this.target();
      const inside = sheet.merges.filter((m) => {
        const r = parseRange(m)!;
        return r.top <= b.bottom && r.bottom >= b.top && r.left <= b.right && r.right >= b.left;
      });
      if (inside.length > 512) throw new OfficeError("GeneralException", "more than 512 merged areas");
      this.loaded.set("isNullObject", inside.length === 0);
      const address = inside.map((m) => `${quoteSheet(sheet.name)}!${m}`).join(", ");
      this.loaded.set("address", address);
      return bytes(address);
    });
    return this;
  }
}

/** The RangeAreas of Range.getSpecialCellsOrNullObject: the cells holding a constant, or a formula. */
class SpecialCellsProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly target: () => { sheet: FakeSheet; b: RangeRef },
    private readonly cellType: "Constants" | "Formulas",
  ) {
    super(context);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get cellCount(): number {
    return this.property("cellCount");
  }
  get areaCount(): number {
    return this.property("areaCount");
  }
  get address(): string {
    return this.property("address");
  }
  /** A null object has no properties to read: the caller must look at isNullObject first. */
  private property<T>(name: string): T {
    if (this.loaded.get("isNullObject") === true) throw new OfficeError("InvalidOperation", `${name} of a null object`);
    return this.read(name);
  }
  load(props?: string): this {
    const names = Proxy.props(props);
    this.context.enqueue("1.9", bytes(props), () => {
      const { sheet, b } = this.target();
      const keys: number[] = [];
      for (const [k, c] of sheet.cells) {
        const [r, col] = FakeSheet.unkey(k);
        if (r < b.top || r > b.bottom || col < b.left || col > b.right) continue;
        const match = this.cellType === "Formulas" ? c.formula !== undefined : c.formula === undefined && c.value !== null && c.value !== "";
        if (match) keys.push(k);
      }
      this.loaded.set("isNullObject", keys.length === 0);
      const out: Record<string, unknown> = { isNullObject: keys.length === 0 };
      if (keys.length > 0) {
        const areas = areasOf(keys.sort((x, y) => x - y));
        for (const n of names) {
          if (n === "cellCount") out.cellCount = keys.length;
          else if (n === "areaCount") out.areaCount = areas.length;
          else if (n === "address") out.address = areas.map((a) => `${quoteSheet(sheet.name)}!${a}`).join(",");
          else throw new Error(`fake Excel: special cells property ${n} not supported`);
        }
      }
      for (const [k, v] of Object.entries(out)) this.loaded.set(k, v);
      return bytes(out);
    });
    return this;
  }
}

/** Cells (sorted keys) as rectangles: runs along each row, merged down while the next row has the same run. */
function areasOf(sortedKeys: number[]): string[] {
  const closed: RangeRef[] = [];
  let open = new Map<string, RangeRef>();
  let row = -1;
  let next = new Map<string, RangeRef>();
  const endRow = () => {
    for (const r of open.values()) closed.push(r);
    open = next;
    next = new Map();
  };
  let run: { row: number; left: number; right: number } | undefined;
  const endRun = () => {
    if (!run) return;
    const key = `${run.left}:${run.right}`;
    const above = open.get(key);
    if (above && above.bottom === run.row - 1) {
      above.bottom = run.row;
      open.delete(key);
      next.set(key, above);
    } else {
      next.set(key, { top: run.row, bottom: run.row, left: run.left, right: run.right });
    }
    run = undefined;
  };
  for (const k of sortedKeys) {
    const [r, c] = FakeSheet.unkey(k);
    if (run && run.row === r && c === run.right + 1) {
      run.right = c;
      continue;
    }
    endRun();
    if (r !== row) {
      if (row >= 0) endRow();
      row = r;
    }
    run = { row: r, left: c, right: c };
  }
  endRun();
  endRow();
  endRow();
  return closed
    .sort((x, y) => x.top - y.top || x.left - y.left)
    .map((a) => (a.top === a.bottom && a.left === a.right ? cellAddress(a.top, a.left) : `${cellAddress(a.top, a.left)}:${cellAddress(a.bottom, a.right)}`));
}

class RangeFormatProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly target: () => { sheet: FakeSheet; b: RangeRef },
  ) {
    super(context);
  }

  private each(f: (c: FakeCell, row: number, col: number) => void): void {
    const { sheet, b } = this.target();
    if (isWhole(b)) throw new Error("fake Excel: cell formats on whole rows/columns not supported");
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        if (this.context.book.coveredWrite(sheet, r, c, "format", b)) continue;
        f(sheet.ensure(r, c), r, c);
      }
    }
  }

  private setter(version: string, value: unknown, f: (c: FakeCell) => void) {
    this.context.enqueue(version, bytes(value), () => this.each(f));
  }

  private fillProxy: FillProxy | undefined;
  private fontProxy: FontProxy | undefined;
  private bordersProxy: BordersProxy | undefined;
  get fill(): FillProxy {
    return (this.fillProxy ??= new FillProxy(this.context, (f) => this.each(f), () => this.target()));
  }
  get font(): FontProxy {
    return (this.fontProxy ??= new FontProxy(this.context, (f) => this.each(f)));
  }
  get borders(): BordersProxy {
    return (this.bordersProxy ??= new BordersProxy(this.context, (f) => this.each(f)));
  }

  get wrapText(): boolean | null {
    return this.read("wrapText");
  }
  set wrapText(v: boolean | null) {
    this.setter("1.1", v, (c) => (c.wrap = !!v || undefined));
  }
  set horizontalAlignment(v: string) {
    this.setter("1.1", v, (c) => (c.hAlign = v));
  }
  set verticalAlignment(v: string) {
    this.setter("1.1", v, (c) => (c.vAlign = v));
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(v: number) {
    this.context.enqueue("1.2", 8, () => {
      const { sheet, b } = this.target();
      for (let c = b.left; c <= b.right; c++) sheet.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.context.enqueue("1.2", 8, () => {
      const { sheet, b } = this.target();
      for (let r = b.top; r <= b.bottom; r++) sheet.rowHeights.set(r, v);
    });
  }

  load(props?: string): this {
    const names = Proxy.props(props);
    this.context.enqueue("1.1", bytes(props), () => {
      const { sheet, b } = this.target();
      for (const n of names) {
        if (n === "wrapText") {
          const seen = new Set<boolean>();
          for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) seen.add(!!sheet.cell(r, c)?.wrap);
          this.loaded.set("wrapText", seen.size === 1 ? [...seen][0] : null);
        } else if (n === "columnWidth") {
          if (!this.context.book.supports("1.2")) throw new OfficeError("ApiNotFound", "columnWidth needs 1.2");
          const widths = new Set<number>();
          for (let c = b.left; c <= Math.min(b.right, b.left + 100); c++) widths.add(sheet.columnWidth(c));
          this.loaded.set("columnWidth", widths.size === 1 ? [...widths][0] : null);
        } else throw new Error(`fake Excel: format property ${n} not supported`);
      }
      return 40;
    });
    return this;
  }
}

class FillProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly each: (f: (c: FakeCell) => void) => void,
    private readonly target: () => { sheet: FakeSheet; b: RangeRef },
  ) {
    super(context);
  }
  get color(): string | null {
    return this.read("color");
  }
  set color(v: string | null) {
    this.context.enqueue("1.1", bytes(v), () =>
      this.each((c) => {
        const hex = String(v).replace("#", "").toUpperCase();
        if (!/^[0-9A-F]{6}$/.test(hex)) throw new OfficeError("InvalidArgument", `bad colour ${v}`);
        c.fill = hex;
      }),
    );
  }
  clear(): void {
    this.context.enqueue("1.1", 0, () => this.each((c) => (c.fill = undefined)));
  }
  get pattern(): string | null {
    return this.read("pattern");
  }
  load(props?: string): this {
    const names = props ? Proxy.props(props) : ["color"];
    const wantsPattern = names.includes("pattern");
    this.context.enqueue(wantsPattern ? "1.9" : "1.1", 10, () => {
      const { sheet, b } = this.target();
      const seen = new Set<string>();
      const patterns = new Set<string>();
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          const fill = sheet.cell(r, c)?.fill;
          seen.add(fill ?? "FFFFFF");
          patterns.add(fill ? "Solid" : "None");
        }
      }
      // Office.js reads "no fill" as white (its pattern says "None"), and null when the cells differ.
      this.loaded.set("color", seen.size === 1 ? `#${[...seen][0]}` : null);
      if (wantsPattern) this.loaded.set("pattern", patterns.size === 1 ? [...patterns][0] : null);
      return wantsPattern ? 36 : 20;
    });
    return this;
  }
}

class FontProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly each: (f: (c: FakeCell) => void) => void,
  ) {
    super(context);
  }
  set bold(v: boolean) {
    this.context.enqueue("1.1", 8, () => this.each((c) => (c.bold = v || undefined)));
  }
  set size(v: number) {
    this.context.enqueue("1.1", 8, () => this.each((c) => (c.fontSize = v)));
  }
}

class BordersProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly each: (f: (c: FakeCell, row: number, col: number) => void) => void,
  ) {
    super(context);
  }
  getItem(edge: string): { style: string } {
    const each = this.each;
    const context = this.context;
    return {
      set style(v: string) {
        context.enqueue("1.1", 16, () =>
          each((c) => {
            c.borders = [...new Set([...(c.borders ?? []), `${edge}:${v}`])].sort();
          }),
        );
      },
      get style(): string {
        throw new OfficeError("PropertyNotLoaded", "border style");
      },
    };
  }
}

class DataValidationProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly target: () => { sheet: FakeSheet; address: string },
  ) {
    super(context);
  }
  private update(key: keyof FakeValidation, v: unknown) {
    this.context.enqueue("1.8", bytes(v), () => {
      const { sheet, address } = this.target();
      let entry = sheet.validations.find((x) => x.range === address);
      if (!entry) {
        entry = { range: address };
        sheet.validations.push(entry);
      }
      (entry as unknown as Record<string, unknown>)[key] = v;
    });
  }
  set rule(v: unknown) {
    this.update("rule", v);
  }
  set ignoreBlanks(v: boolean) {
    this.update("ignoreBlanks", v);
  }
  set errorAlert(v: unknown) {
    this.update("errorAlert", v);
  }
  set prompt(v: unknown) {
    this.update("prompt", v);
  }
}

class FreezePanesProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
  }
  freezeRows(n: number): void {
    this.context.enqueue("1.7", 8, () => (this.sheet().freeze = { rows: n, columns: 0 }));
  }
  freezeColumns(n: number): void {
    this.context.enqueue("1.7", 8, () => (this.sheet().freeze = { rows: 0, columns: n }));
  }
  freezeAt(range: RangeProxy): void {
    this.context.enqueue("1.7", 8, () => {
      const b = bounds((range as unknown as { addressOf: () => string }).addressOf());
      this.sheet().freeze = { rows: b.bottom, columns: b.right };
    });
  }
}

class PageLayoutProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
    const setters = ["orientation", "paperSize", "zoom", "centerHorizontally", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"];
    for (const key of setters) {
      Object.defineProperty(this, key, {
        set: (v: unknown) => this.context.enqueue("1.9", bytes(v), () => void (this.sheet().pageLayout[key] = v)),
        get: () => this.read(key),
      });
    }
  }
  setPrintArea(address: string): void {
    this.context.enqueue("1.9", bytes(address), () => void (this.sheet().pageLayout.printArea = address));
  }
  setPrintTitleRows(address: string): void {
    this.context.enqueue("1.9", bytes(address), () => void (this.sheet().pageLayout.printTitleRows = address));
  }
}

class NoteCollectionProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
  }
  add(cellAddress: string, content: string): NoteProxy {
    this.context.enqueue("1.18", bytes(content), () => {
      const s = this.sheet();
      const at = parseRange(cellAddress)!;
      const key = FakeSheet.key(at.top, at.left);
      if (this.context.book.coveredWrite(s, at.top, at.left, "note")) return;
      if (s.notes.has(key)) throw new OfficeError("InvalidArgument", `a note exists at ${cellAddress}`);
      s.notes.set(key, content);
    });
    return new NoteProxy(this.context, this.sheet, cellAddress);
  }
  getItemOrNullObject(cellAddress: string): NoteProxy {
    return new NoteProxy(this.context, this.sheet, cellAddress);
  }
}

class NoteProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly at: string,
  ) {
    super(context);
  }
  private key(): number {
    const r = parseRange(this.at)!;
    return FakeSheet.key(r.top, r.left);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get content(): string {
    return this.read("content");
  }
  load(_props?: string): this {
    this.context.enqueue("1.18", 20, () => {
      const text = this.sheet().notes.get(this.key());
      this.loaded.set("isNullObject", text === undefined);
      this.loaded.set("content", text ?? null);
      return bytes(text ?? null);
    });
    return this;
  }
  delete(): void {
    this.context.enqueue("1.18", 0, () => {
      if (!this.sheet().notes.delete(this.key())) throw new OfficeError("ItemNotFound", `no note at ${this.at}`);
    });
  }
}

