/**
 * A fake WPS 表格 (the ET object model of WPS加载项) for tests, in Node and in the browser.
 *
 * As ET is documented or as VBA behaves where ET's documents are silent: synchronous, 1-based
 * (Worksheets.Item(1)), a multi-cell Value2 / Formula as a 2-D array (or, with
 * `blockShape: "item"`, an object answering Item(r, c), as reported from WPS), one cell as a
 * scalar; colours BGR integers, white read back where there is no fill (ColorIndex tells);
 * NumberFormat / WrapText / MergeCells / Interior over several cells one value when they agree,
 * null when they differ; merged areas where a write into a covered cell is ignored (and logged
 * in `ignoredWrites`, so a test can fail on it); very hidden sheets; comments.
 *
 * Every property get or set and method call on an ET object counts as one cross-process call
 * (`calls`, and per member in `byMember`). A member it does not implement throws (and is logged
 * in `unimplemented`): the host cannot lean on an API nobody checked.
 */
import { cellAddress, columnLetter, columnNumber, type RangeRef } from "../../src/core/address";

export type EtCellValue = string | number | boolean | null;

export interface EtCellData {
  v?: EtCellValue;
  f?: string;
  fmt?: string;
  /** BGR integer. */
  fill?: number;
  wrap?: boolean;
  note?: string;
  /** Text entered with a leading apostrophe. */
  quoted?: boolean;
  bold?: boolean;
}

export interface EtSheetData {
  name: string;
  /** −1 visible, 0 hidden, 2 very hidden. */
  visible?: number;
  cells: Record<string, EtCellData>;
  merges?: string[];
  /** Column widths in characters, by column number. */
  widths?: Record<number, number>;
  /** 审阅 → 保护工作表, every cell locked (Excel's and ET's default): no cell, format, comment, merge or width may change. */
  protectContents?: boolean;
}

export interface EtBookData {
  sheets: EtSheetData[];
  active?: string;
  /** 审阅 → 保护工作簿 (structure). */
  protectStructure?: boolean;
  /** Workbook-level defined names, their formula with its "=". */
  names?: EtNameData[];
}

export interface EtNameData {
  name: string;
  refersTo: string;
  visible?: boolean;
}

export interface FakeEtOptions {
  blockShape?: "array" | "item";
  /** Range.Value(11) answers an XML Spreadsheet document (default); false: it fails, as an ET without it might. */
  xmlSpreadsheet?: boolean;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;
const KEY = 20000;
const WHITE = 16777215;
const XL_NONE = -4142;
/** WPS's standard column width, in characters (as Excel's). */
export const STANDARD_WIDTH = 8.43;

interface SheetState {
  name: string;
  visible: number;
  cells: Map<number, EtCellData>;
  merges: RangeRef[];
  widths: Map<number, number>;
  protectContents: boolean;
}

/** "A1", "A1:C3", "$A$1", "H:H" or "5:5" → bounds. */
export function parseEtAddress(address: string): RangeRef {
  const bare = address.replace(/\$/g, "").trim().toUpperCase();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(bare);
  if (cols) return { top: 1, bottom: MAX_ROW, left: columnNumber(cols[1]), right: columnNumber(cols[2]) };
  const rows = /^(\d+):(\d+)$/.exec(bare);
  if (rows) return { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: MAX_COL };
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(bare);
  if (!m) throw new Error(`fake ET: Range("${address}") is not an address`);
  const a = { row: Number(m[2]), col: columnNumber(m[1]) };
  const b = m[3] ? { row: Number(m[4]), col: columnNumber(m[3]) } : a;
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

function refAddress(r: RangeRef, absolute = true): string {
  const d = absolute ? "$" : "";
  const a = `${d}${columnLetter(r.left)}${d}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${d}${columnLetter(r.right)}${d}${r.bottom}`;
}

function intersect(a: RangeRef, b: RangeRef): number {
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + 1;
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1;
  return h > 0 && w > 0 ? h * w : 0;
}

function area(r: RangeRef): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** What typing `input` into a cell stores, as WPS parses it. */
function parseInput(input: unknown): { v: EtCellValue; f?: string; quoted?: boolean } {
  if (input === null || input === undefined || input === "") return { v: null };
  if (typeof input === "number" || typeof input === "boolean") return { v: input };
  const s = String(input);
  if (s.startsWith("'")) return { v: s.slice(1), quoted: true };
  if (s.startsWith("=") && s.length > 1) return { v: null, f: s };
  if (/^\s*(true|false)\s*$/i.test(s)) return { v: /true/i.test(s) };
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s)) return { v: Number(s) };
  return { v: s };
}

export class FakeEt {
  calls = 0;
  readonly byMember: Record<string, number> = {};
  readonly unimplemented: string[] = [];
  readonly ignoredWrites: string[] = [];
  readonly selections: { sheet: string; address: string }[] = [];
  /** ScreenUpdating as each call left it (to see it off while writing and restored). */
  readonly screenUpdatingLog: boolean[] = [];
  screenUpdating = true;
  displayAlerts = true;
  /** Sheets deleted while alerts were on (WPS would have asked the user). */
  deletesWithAlerts = 0;
  readonly sheets: SheetState[] = [];
  active: string;
  readonly storage = new Map<string, string>();
  /** As ET: under a protected structure no sheet is added, deleted, renamed, hidden or shown; names may be added and deleted. */
  protectStructure: boolean;
  readonly names: Required<EtNameData>[];
  readonly panes: { ID: number; url: string; title?: string; Visible: boolean }[] = [];
  /** What a write did while ScreenUpdating was on (the host must turn it off first). */
  writesWithScreenOn = 0;
  readonly Application: unknown;

  constructor(
    data: EtBookData,
    private readonly options: FakeEtOptions = {},
  ) {
    for (const s of data.sheets) {
      const cells = new Map<number, EtCellData>();
      for (const [a, c] of Object.entries(s.cells)) {
        const r = parseEtAddress(a);
        cells.set(r.top * KEY + r.left, { ...c });
      }
      this.sheets.push({
        name: s.name,
        visible: s.visible ?? -1,
        cells,
        merges: (s.merges ?? []).map(parseEtAddress),
        widths: new Map(Object.entries(s.widths ?? {}).map(([k, v]) => [Number(k), v])),
        protectContents: s.protectContents ?? false,
      });
    }
    this.active = data.active ?? this.sheets.find((s) => s.visible === -1)?.name ?? this.sheets[0]?.name ?? "";
    this.protectStructure = data.protectStructure ?? false;
    this.names = (data.names ?? []).map((n) => ({ visible: true, ...n }));
    this.Application = this.application();
  }

  resetCalls(): void {
    this.calls = 0;
    for (const k of Object.keys(this.byMember)) delete this.byMember[k];
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  // ------------------------------------------------------------------ proxies

  private object(type: string, members: Record<string, { get?: () => unknown; set?: (v: unknown) => void; call?: (...a: unknown[]) => unknown }>): unknown {
    const count = (name: string) => {
      this.calls++;
      this.byMember[name] = (this.byMember[name] ?? 0) + 1;
    };
    const missing = (prop: string) => {
      const name = `${type}.${prop}`;
      this.unimplemented.push(name);
      return new Error(`fake ET: ${name} is not implemented`);
    };
    return new Proxy(
      {},
      {
        get: (_t, prop) => {
          if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
          const m = members[prop];
          if (!m) throw missing(prop);
          if (m.call) {
            const call = m.call;
            return (...args: unknown[]) => {
              count(`${type}.${prop}()`);
              return call(...args);
            };
          }
          if (!m.get) throw missing(`${prop} (get)`);
          count(`${type}.${prop}`);
          return m.get();
        },
        set: (_t, prop, value) => {
          if (typeof prop === "symbol") return false;
          const m = members[prop];
          if (!m?.set) throw missing(`${prop} (set)`);
          count(`${type}.${prop}=`);
          m.set(value);
          return true;
        },
      },
    );
  }

  private application(): unknown {
    return this.object("Application", {
      ActiveWorkbook: { get: () => this.workbook() },
      ScreenUpdating: {
        get: () => this.screenUpdating,
        set: (v) => {
          this.screenUpdating = Boolean(v);
          this.screenUpdatingLog.push(this.screenUpdating);
        },
      },
      DisplayAlerts: { get: () => this.displayAlerts, set: (v) => (this.displayAlerts = Boolean(v)) },
      CreateTaskPane: {
        call: (url, title) => {
          const pane = { ID: this.panes.length + 1, url: String(url), title: title as string | undefined, Visible: false };
          this.panes.push(pane);
          return this.taskPane(pane);
        },
      },
      GetTaskPane: {
        call: (id) => {
          const pane = this.panes.find((p) => p.ID === Number(id));
          return pane ? this.taskPane(pane) : null;
        },
      },
      PluginStorage: { get: () => this.pluginStorage() },
    });
  }

  private taskPane(pane: { ID: number; Visible: boolean }): unknown {
    return this.object("TaskPane", {
      ID: { get: () => pane.ID },
      Visible: { get: () => pane.Visible, set: (v) => (pane.Visible = Boolean(v)) },
    });
  }

  private pluginStorage(): unknown {
    return this.object("PluginStorage", {
      getItem: { call: (k) => this.storage.get(String(k)) ?? null },
      setItem: { call: (k, v) => void this.storage.set(String(k), String(v)) },
    });
  }

  private workbook(): unknown {
    return this.object("Workbook", {
      Worksheets: { get: () => this.worksheets() },
      ActiveSheet: { get: () => this.worksheet(this.sheet(this.active)!) },
      ProtectStructure: { get: () => this.protectStructure },
      Names: { get: () => this.namesObject() },
    });
  }

  /** As ET on a protected sheet: changing a locked cell fails (every cell is locked unless unlocked first). */
  private refuseOnProtectedSheet(s: SheetState, what: string): void {
    if (s.protectContents) throw new Error(`fake ET: ${what}: the sheet "${s.name}" is protected`);
  }

  private refuseUnderProtection(what: string): void {
    if (this.protectStructure) throw new Error(`fake ET: ${what}: the workbook's structure is protected`);
  }

  private namesObject(): unknown {
    const find = (index: unknown) => {
      const n = typeof index === "number" ? this.names[index - 1] : this.names.find((x) => x.name.toLowerCase() === String(index).toLowerCase());
      if (!n) throw new Error(`fake ET: no name ${String(index)}`);
      return n;
    };
    return this.object("Names", {
      Count: { get: () => this.names.length },
      Item: { call: (index) => this.nameObject(find(index)) },
      Add: {
        call: (name, refersTo, visible) => {
          const n = String(name);
          if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(n)) throw new Error(`fake ET: not a valid name: ${n}`);
          const formula = String(refersTo);
          const text = /^="((?:[^"]|"")*)"$/s.exec(formula);
          if (text && text[1].replace(/""/g, '"').length > 255) throw new Error("fake ET: text values in formulas are limited to 255 characters");
          const existing = this.names.find((x) => x.name.toLowerCase() === n.toLowerCase());
          const entry = { name: n, refersTo: formula, visible: visible !== false };
          if (existing) Object.assign(existing, entry);
          else this.names.push(entry);
          return this.nameObject(existing ?? entry);
        },
      },
    });
  }

  private nameObject(n: Required<EtNameData>): unknown {
    return this.object("Name", {
      Name: { get: () => n.name },
      RefersTo: { get: () => n.refersTo },
      Visible: { get: () => n.visible },
      Delete: {
        call: () => {
          const i = this.names.indexOf(n);
          if (i >= 0) this.names.splice(i, 1);
        },
      },
    });
  }

  private worksheets(): unknown {
    return this.object("Worksheets", {
      Count: { get: () => this.sheets.length },
      Item: {
        call: (index) => {
          const s = typeof index === "number" ? this.sheets[index - 1] : this.sheet(String(index));
          if (!s) throw new Error(`fake ET: no worksheet ${String(index)}`);
          return this.worksheet(s);
        },
      },
      Add: {
        call: (before, after) => {
          this.refuseUnderProtection("Worksheets.Add");
          let n = this.sheets.length + 1;
          while (this.sheet(`Sheet${n}`)) n++;
          const s: SheetState = { name: `Sheet${n}`, visible: -1, cells: new Map(), merges: [], widths: new Map(), protectContents: false };
          const anchor = (after ?? before) as { Name?: string } | undefined;
          const at = anchor ? this.sheets.findIndex((x) => x.name === this.nameOfProxy(anchor)) + (after ? 1 : 0) : this.sheets.findIndex((x) => x.name === this.active);
          this.sheets.splice(at < 0 ? this.sheets.length : at, 0, s);
          this.active = s.name;
          return this.worksheet(s);
        },
      },
    });
  }

  /** The name behind a worksheet proxy, read without counting (the host passed the object itself). */
  private readonly proxyNames = new WeakMap<object, SheetState>();
  private nameOfProxy(p: object): string | undefined {
    return this.proxyNames.get(p)?.name;
  }

  private worksheet(s: SheetState): unknown {
    const ws = this.object("Worksheet", {
      Name: {
        get: () => s.name,
        set: (v) => {
          const name = String(v);
          if (name !== s.name) this.refuseUnderProtection("Worksheet.Name");
          if (this.sheets.some((x) => x !== s && x.name.toLowerCase() === name.toLowerCase())) throw new Error(`fake ET: a sheet is already named ${name}`);
          if (this.active === s.name) this.active = name;
          s.name = name;
        },
      },
      Visible: {
        get: () => s.visible,
        set: (v) => {
          const visible = v === true ? -1 : v === false ? 0 : Number(v);
          if (visible !== s.visible) this.refuseUnderProtection("Worksheet.Visible");
          s.visible = visible;
          if (s.visible !== -1 && this.active === s.name) this.active = this.sheets.find((x) => x.visible === -1)?.name ?? s.name;
        },
      },
      ProtectContents: { get: () => s.protectContents },
      UsedRange: { get: () => this.range(s, this.usedRef(s)) },
      Comments: { get: () => this.object("Comments", { Count: { get: () => [...s.cells.values()].filter((c) => c.note !== undefined).length } }) },
      Range: { call: (address) => this.range(s, parseEtAddress(String(address))) },
      Activate: {
        call: () => {
          if (s.visible !== -1) throw new Error("fake ET: a hidden sheet cannot be activated");
          this.active = s.name;
        },
      },
      Delete: {
        call: () => {
          this.refuseUnderProtection("Worksheet.Delete");
          if (this.sheets.filter((x) => x.visible === -1 && x !== s).length === 0) throw new Error("fake ET: the last visible sheet cannot be deleted");
          if (this.displayAlerts) this.deletesWithAlerts++;
          this.sheets.splice(this.sheets.indexOf(s), 1);
          if (this.active === s.name) this.active = this.sheets.find((x) => x.visible === -1)!.name;
          return true;
        },
      },
    }) as object;
    this.proxyNames.set(ws, s);
    return ws;
  }

  private usedRef(s: SheetState): RangeRef {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    const take = (r: number, c: number) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    for (const [k, c] of s.cells) {
      if ((c.v === null || c.v === undefined) && !c.f && !c.fmt && c.fill === undefined && !c.wrap && c.note === undefined && !c.bold) continue;
      take(Math.floor(k / KEY), k % KEY);
    }
    for (const m of s.merges) {
      take(m.top, m.left);
      take(m.bottom, m.right);
    }
    return bottom === 0 ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
  }

  // ------------------------------------------------------------------ cells

  private cell(s: SheetState, r: number, c: number): EtCellData | undefined {
    return s.cells.get(r * KEY + c);
  }

  private ensure(s: SheetState, r: number, c: number): EtCellData {
    let cell = s.cells.get(r * KEY + c);
    if (!cell) s.cells.set(r * KEY + c, (cell = {}));
    return cell;
  }

  private covering(s: SheetState, r: number, c: number): RangeRef | undefined {
    return s.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  }

  private isCovered(s: SheetState, r: number, c: number): boolean {
    const m = this.covering(s, r, c);
    return !!m && (m.top !== r || m.left !== c);
  }

  /** Cells of a range (a whole column is cut to the used rows: nothing beyond holds anything). */
  private each(s: SheetState, ref: RangeRef, fn: (r: number, c: number) => void): void {
    const used = ref.bottom === MAX_ROW || ref.right === MAX_COL ? this.usedRef(s) : ref;
    const bottom = ref.bottom === MAX_ROW ? Math.max(used.bottom, ref.top) : ref.bottom;
    const right = ref.right === MAX_COL ? Math.max(used.right, ref.left) : ref.right;
    for (let r = ref.top; r <= bottom; r++) for (let c = ref.left; c <= right; c++) fn(r, c);
  }

  /** One value when every cell agrees, else null. */
  private uniform(s: SheetState, ref: RangeRef, get: (c: EtCellData | undefined, r: number, col: number) => unknown): unknown {
    let first: unknown;
    let seen = false;
    let same = true;
    this.each(s, ref, (r, c) => {
      if (!same) return;
      const v = get(this.cell(s, r, c), r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) same = false;
    });
    return same ? first : null;
  }

  private block(s: SheetState, ref: RangeRef, get: (c: EtCellData | undefined) => unknown): unknown {
    if (area(ref) === 1) return get(this.cell(s, ref.top, ref.left));
    const rows: unknown[][] = [];
    for (let r = ref.top; r <= ref.bottom; r++) {
      const row: unknown[] = [];
      for (let c = ref.left; c <= ref.right; c++) row.push(get(this.cell(s, r, c)));
      rows.push(row);
    }
    if (this.options.blockShape === "item") return { Item: (r: number, c: number) => rows[r - 1][c - 1] };
    return rows;
  }

  /** Writes each cell (a scalar to all, a 2-D array cell by cell); a covered cell of a merged area ignores it. */
  private write(s: SheetState, ref: RangeRef, input: unknown, apply: (cell: EtCellData, v: unknown) => void): void {
    this.refuseOnProtectedSheet(s, "a write");
    if (this.screenUpdating) this.writesWithScreenOn++;
    const grid = Array.isArray(input) ? (input as unknown[][]) : undefined;
    for (let r = ref.top; r <= ref.bottom; r++) {
      for (let c = ref.left; c <= ref.right; c++) {
        const v = grid ? grid[r - ref.top]?.[c - ref.left] : input;
        if (grid && v === undefined) continue;
        if (this.isCovered(s, r, c)) {
          this.ignoredWrites.push(`${s.name}!${cellAddress(r, c)}`);
          continue;
        }
        apply(this.ensure(s, r, c), v);
      }
    }
  }

  private setContent(s: SheetState, cell: EtCellData, input: unknown): void {
    const p = parseInput(input);
    const sameFormula = p.f !== undefined && p.f === cell.f;
    cell.f = p.f;
    cell.quoted = p.quoted;
    cell.v = p.f !== undefined ? (sameFormula ? (cell.v ?? null) : this.evaluate(s, p.f)) : p.v;
  }

  /** Only SUM of cells and ranges is calculated; other formulas read as uncalculated (blank). */
  private evaluate(s: SheetState, formula: string): EtCellValue {
    const m = /^=SUM\(([^()]*)\)$/i.exec(formula.replace(/\s/g, ""));
    if (!m) return null;
    let sum = 0;
    for (const part of m[1].split(",")) {
      let ref: RangeRef;
      try {
        ref = parseEtAddress(part);
      } catch {
        return null;
      }
      this.each(s, ref, (r, c) => {
        const v = this.cell(s, r, c)?.v;
        if (typeof v === "number") sum += v;
      });
    }
    return sum;
  }

  private range(s: SheetState, ref: RangeRef): unknown {
    const whole = (v: number) => v === MAX_ROW || v === MAX_COL;
    return this.object("Range", {
      Row: { get: () => ref.top },
      Column: { get: () => ref.left },
      Rows: { get: () => this.object("Rows", { Count: { get: () => ref.bottom - ref.top + 1 } }) },
      Columns: { get: () => this.object("Columns", { Count: { get: () => ref.right - ref.left + 1 } }) },
      Value2: {
        get: () => this.block(s, ref, (c) => (c?.v === null || c?.v === undefined ? undefined : c.v)),
        set: (v) => this.write(s, ref, v, (cell, x) => this.setContent(s, cell, x)),
      },
      Value: {
        call: (type) => {
          if (type !== 11 || this.options.xmlSpreadsheet === false) throw new Error(`fake ET: Range.Value(${String(type)}) is not supported here`);
          return this.xmlSpreadsheet(s, ref);
        },
      },
      Formula: {
        get: () =>
          this.block(s, ref, (c) => {
            if (!c) return "";
            if (c.f) return c.f;
            if (c.v === null || c.v === undefined) return "";
            return typeof c.v === "boolean" ? (c.v ? "TRUE" : "FALSE") : String(c.v);
          }),
        set: (v) => this.write(s, ref, v, (cell, x) => this.setContent(s, cell, x)),
      },
      NumberFormat: {
        get: () => this.uniform(s, ref, (c) => c?.fmt ?? "General"),
        set: (v) => this.write(s, ref, v, (cell, x) => (cell.fmt = x === "General" ? undefined : String(x))),
      },
      MergeCells: {
        get: () => {
          const covered = s.merges.reduce((n, m) => n + intersect(m, ref), 0);
          return covered === 0 ? false : covered === area(ref) ? true : null;
        },
      },
      MergeArea: {
        get: () => this.range(s, this.covering(s, ref.top, ref.left) ?? { top: ref.top, left: ref.left, bottom: ref.top, right: ref.left }),
      },
      Merge: {
        call: () => {
          this.refuseOnProtectedSheet(s, "Merge");
          if (s.merges.some((m) => intersect(m, ref) > 0)) throw new Error("fake ET: merging over a merged area");
          // As Excel: the top-left value stays, the others are cleared.
          this.each(s, ref, (r, c) => {
            if (r === ref.top && c === ref.left) return;
            const cell = this.cell(s, r, c);
            if (cell) {
              cell.v = null;
              cell.f = undefined;
            }
          });
          if (area(ref) > 1) s.merges.push({ ...ref });
        },
      },
      Interior: {
        get: () =>
          this.object("Interior", {
            Color: {
              get: () => this.uniform(s, ref, (c) => c?.fill ?? WHITE),
              set: (v) => this.write(s, ref, v, (cell, x) => (cell.fill = Number(x))),
            },
            ColorIndex: {
              get: () => this.uniform(s, ref, (c) => (c?.fill === undefined ? XL_NONE : 1)),
              set: (v) => {
                if (Number(v) !== XL_NONE) throw new Error("fake ET: only ColorIndex = xlNone is implemented");
                this.write(s, ref, v, (cell) => delete cell.fill);
              },
            },
          }),
      },
      WrapText: {
        get: () => this.uniform(s, ref, (c) => c?.wrap === true),
        set: (v) => this.write(s, ref, v, (cell, x) => (cell.wrap = x === true ? true : undefined)),
      },
      ColumnWidth: {
        get: () => this.uniform(s, { ...ref, top: 1, bottom: 1 }, (_c, _r, col) => s.widths.get(col) ?? STANDARD_WIDTH),
        set: (v) => {
          this.refuseOnProtectedSheet(s, "ColumnWidth");
          if (!whole(ref.bottom)) throw new Error("fake ET: ColumnWidth is set on whole columns here");
          for (let c = ref.left; c <= ref.right; c++) s.widths.set(c, Number(v));
        },
      },
      RowHeight: { set: () => undefined },
      HorizontalAlignment: { set: () => undefined },
      VerticalAlignment: { set: () => undefined },
      Font: {
        get: () =>
          this.object("Font", {
            Bold: { set: (v) => this.write(s, ref, v, (cell, x) => (cell.bold = x === true ? true : undefined)) },
            Size: { set: () => undefined },
          }),
      },
      Borders: { get: () => this.object("Borders", { LineStyle: { set: () => undefined } }) },
      Comment: {
        get: () => {
          if (area(ref) !== 1) throw new Error("fake ET: Comment of a single cell only");
          const note = this.cell(s, ref.top, ref.left)?.note;
          return note === undefined ? null : this.object("Comment", { Text: { call: () => note } });
        },
      },
      AddComment: {
        call: (text) => {
          this.refuseOnProtectedSheet(s, "AddComment");
          if (area(ref) !== 1) throw new Error("fake ET: AddComment on a single cell only");
          const cell = this.ensure(s, ref.top, ref.left);
          if (cell.note !== undefined) throw new Error("fake ET: the cell already has a comment");
          if (this.screenUpdating) this.writesWithScreenOn++;
          cell.note = String(text ?? "");
          return this.object("Comment", { Text: { call: () => cell.note } });
        },
      },
      ClearComments: {
        call: () => {
          this.refuseOnProtectedSheet(s, "ClearComments");
          if (this.screenUpdating) this.writesWithScreenOn++;
          this.each(s, ref, (r, c) => {
            const cell = this.cell(s, r, c);
            if (cell) delete cell.note;
          });
        },
      },
      ClearContents: {
        call: () => {
          this.refuseOnProtectedSheet(s, "ClearContents");
          if (this.screenUpdating) this.writesWithScreenOn++;
          this.each(s, ref, (r, c) => {
            const cell = this.cell(s, r, c);
            if (cell) {
              cell.v = null;
              cell.f = undefined;
              cell.quoted = undefined;
            }
          });
        },
      },
      Address: { call: (rowAbs, colAbs) => refAddress(ref, rowAbs !== false && colAbs !== false) },
      Select: {
        call: () => {
          if (this.active !== s.name) throw new Error("fake ET: Select on a sheet that is not active");
          this.selections.push({ sheet: s.name, address: refAddress(ref, false) });
          return true;
        },
      },
    });
  }

  /** The range as Excel writes it for Value(11): styles with number formats, rows and cells by index, merges on their anchors. */
  private xmlSpreadsheet(s: SheetState, ref: RangeRef): string {
    const esc = (x: string) => x.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const styleIds = new Map<string, string>();
    const rows: string[] = [];
    const anchors = new Map<number, RangeRef>();
    const covered = new Set<number>();
    for (const m of s.merges) {
      anchors.set(m.top * KEY + m.left, m);
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(r * KEY + c);
    }
    for (let r = ref.top; r <= ref.bottom; r++) {
      const cells: string[] = [];
      for (let c = ref.left; c <= ref.right; c++) {
        if (covered.has(r * KEY + c)) continue;
        const cell = this.cell(s, r, c);
        const merge = anchors.get(r * KEY + c);
        const hasValue = cell && ((cell.v !== null && cell.v !== undefined) || cell.f);
        if (!hasValue && !cell?.fmt && !merge) continue;
        let style = "";
        if (cell?.fmt) {
          if (!styleIds.has(cell.fmt)) styleIds.set(cell.fmt, `s${styleIds.size + 62}`);
          style = ` ss:StyleID="${styleIds.get(cell.fmt)}"`;
        }
        const mergeAttrs = merge ? `${merge.right > merge.left ? ` ss:MergeAcross="${merge.right - merge.left}"` : ""}${merge.bottom > merge.top ? ` ss:MergeDown="${merge.bottom - merge.top}"` : ""}` : "";
        const data = hasValue ? `<Data ss:Type="${typeof cell!.v === "number" ? "Number" : "String"}">${esc(String(cell!.v ?? ""))}</Data>` : "";
        cells.push(`<Cell ss:Index="${c - ref.left + 1}"${style}${mergeAttrs}>${data}</Cell>`);
      }
      if (cells.length > 0) rows.push(`<Row ss:Index="${r - ref.top + 1}">${cells.join("")}</Row>`);
    }
    const styles = [...styleIds].map(([fmt, id]) => `<Style ss:ID="${id}"><NumberFormat ss:Format="${esc(fmt)}"/></Style>`).join("");
    return `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Styles><Style ss:ID="Default" ss:Name="Normal"/>${styles}</Styles><Worksheet ss:Name="${esc(s.name)}"><Table>${rows.join("")}</Table></Worksheet></Workbook>`;
  }

  // ------------------------------------------------------------------ state for tests (not counted)

  /** Every cell that holds something: value (or formula and its value), format, fill (hex), wrap, note. Plus merges and widths. */
  dump(sheetName: string): { cells: Record<string, Record<string, unknown>>; merges: string[]; widths: Record<number, number> } {
    const s = this.sheet(sheetName)!;
    const cells: Record<string, Record<string, unknown>> = {};
    for (const [k, c] of [...s.cells.entries()].sort((a, b) => a[0] - b[0])) {
      const o: Record<string, unknown> = {};
      if (c.f) o.f = c.f;
      if (c.v !== null && c.v !== undefined) o.v = c.v;
      if (c.fmt) o.fmt = c.fmt;
      if (c.fill !== undefined) o.fill = c.fill;
      if (c.wrap) o.wrap = true;
      if (c.note !== undefined) o.note = c.note;
      if (c.bold) o.bold = true;
      if (Object.keys(o).length > 0) cells[cellAddress(Math.floor(k / KEY), k % KEY)] = o;
    }
    // A width set back to the standard one is no width at all to the eye.
    const widths = Object.fromEntries([...s.widths].filter(([, w]) => Math.abs(w - STANDARD_WIDTH) > 0.005));
    return { cells, merges: s.merges.map((m) => refAddress(m, false)).sort(), widths };
  }
}
