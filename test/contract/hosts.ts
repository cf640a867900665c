/**
 * The three hosts over the same workbook, for the contract tests: the Office.js add-in over the
 * fake Excel, the exceljs host (CLI and page), the WPS host over the fake ET. Each opens a
 * workbook given as .xlsx bytes, shows what a sheet holds in one comparable shape, and saves
 * what it holds as .xlsx again (so a copy marked by one host can be opened in another).
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/types";
import type { Host } from "../../src/host";
import { cellAddress, parseAddress, parseRange } from "../../src/core/address";
import { ExcelHost } from "../../src/excel/host";
import { XlsxHost } from "../../src/web/host";
import { WpsHost } from "../../src/wps/host";
import type { EtApplication } from "../../src/wps/et";
import { FakeSheet, FakeWorkbook } from "../excel/fakeExcel";
import { FakeEt } from "../wps/fakeEt";
import { etDataOf } from "../wps/etData";
import { workbookOf } from "../wps/support";
import { patchWorkbookXml, readWorkbookXml, type WorkbookXmlExtras } from "../../src/xlsx/workbookXml";
import { replaceZipPart, zipPartText } from "../../src/xlsx/zipRewrite";
import { isRulesName, type DefinedNameText } from "../../src/core/config/storedNames";

export type HostKind = "office" | "xlsx" | "wps";
export const HOST_KINDS: HostKind[] = ["office", "xlsx", "wps"];

/** What the user sees in a cell: its formula (else value), fill, wrap and note. */
export interface SeenCell {
  content?: CellValue;
  fill?: string;
  wrap?: true;
  note?: string;
}

export interface Subject {
  kind: HostKind;
  host: Host;
  /** Cells that hold anything, by A1 address. */
  seen(sheet: string): Record<string, SeenCell>;
  sheetNames(): string[];
  /** The workbook as it now stands, as .xlsx bytes. */
  save(): Promise<Uint8Array>;
  /** Writes a covered cell of a merged area got (the fakes ignore them, as the applications do). */
  ignoredWrites(): string[];
}

function put(out: Record<string, SeenCell>, address: string, cell: SeenCell): void {
  const clean = Object.fromEntries(Object.entries(cell).filter(([, v]) => v !== undefined && v !== null && v !== "")) as SeenCell;
  if (Object.keys(clean).length > 0) out[address] = clean;
}

/** A covered cell of a merged area shows nothing of its own: left out, whatever style the file gave it. */
function withoutCovered(cells: Record<string, SeenCell>, merges: string[]): Record<string, SeenCell> {
  const refs = merges.map((m) => parseRange(m)!).filter(Boolean);
  return Object.fromEntries(
    Object.entries(cells).filter(([a]) => {
      const p = parseAddress(a)!;
      return !refs.some((r) => p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right && (p.row !== r.top || p.col !== r.left));
    }),
  );
}

function hexOfBgr(bgr: number): string {
  return [bgr & 0xff, (bgr >> 8) & 0xff, (bgr >> 16) & 0xff].map((x) => x.toString(16).padStart(2, "0")).join("").toUpperCase();
}

function excelJsNote(note: unknown): string | undefined {
  if (!note) return undefined;
  if (typeof note === "string") return note;
  return ((note as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** What a fake application holds beyond the sheets, from the file it opens: workbook protection and names. */
async function workbookXmlOf(bytes: Uint8Array): Promise<WorkbookXmlExtras> {
  return readWorkbookXml((await zipPartText(bytes, "xl/workbook.xml")) ?? "");
}

/** Saves as the application would: its structure protection and the rules' names go into the file too. */
async function savedWith(wb: ExcelJS.Workbook, protection: string | undefined, names: DefinedNameText[]): Promise<Uint8Array> {
  const bytes = await bytesOf(wb);
  const ruleNames = names.filter((n) => isRulesName(n.name));
  if (!protection && ruleNames.length === 0) return bytes;
  const xml = (await zipPartText(bytes, "xl/workbook.xml"))!;
  return replaceZipPart(bytes, "xl/workbook.xml", patchWorkbookXml(xml, { protection, ruleNames }));
}

/** One cell written into an exceljs sheet as a host's state has it. */
function setExcelJsCell(ws: ExcelJS.Worksheet, address: string, c: { value: CellValue; formula?: string; fill?: string; wrap?: boolean; note?: string; numFmt?: string }): void {
  const cell = ws.getCell(address);
  if (c.formula) cell.value = { formula: c.formula.replace(/^=/, ""), result: (c.value ?? undefined) as number | string | undefined } as ExcelJS.CellFormulaValue;
  else if (c.value !== null && c.value !== undefined) cell.value = c.value;
  if (c.numFmt) cell.numFmt = c.numFmt;
  if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${c.fill}` } };
  if (c.wrap) cell.alignment = { wrapText: true };
  if (c.note !== undefined) cell.note = c.note;
}

function officeSubject(fake: FakeWorkbook, protection: string | undefined): Subject {
  return {
    kind: "office",
    host: new ExcelHost(fake.env()),
    sheetNames: () => fake.sheets.map((s) => s.name),
    seen(name) {
      const s = fake.sheet(name)!;
      const out: Record<string, SeenCell> = {};
      const keys = new Set([...s.cells.keys(), ...s.notes.keys()]);
      for (const k of [...keys].sort((a, b) => a - b)) {
        const [r, c] = FakeSheet.unkey(k);
        const cell = s.cells.get(k);
        put(out, cellAddress(r, c), { content: cell?.formula ?? cell?.value, fill: cell?.fill ?? undefined, wrap: cell?.wrap ? true : undefined, note: s.notes.get(k) });
      }
      return withoutCovered(out, s.merges);
    },
    async save() {
      const wb = new ExcelJS.Workbook();
      for (const s of fake.sheets) {
        const ws = wb.addWorksheet(s.name, { state: s.visibility === "VeryHidden" ? "veryHidden" : s.visibility === "Hidden" ? "hidden" : "visible" });
        const keys = new Set([...s.cells.keys(), ...s.notes.keys()]);
        for (const k of keys) {
          const [r, c] = FakeSheet.unkey(k);
          const cell = s.cells.get(k);
          setExcelJsCell(ws, cellAddress(r, c), {
            value: cell?.formula ? fake.valueAt(s.name, r, c) : (cell?.value ?? null),
            formula: cell?.formula,
            fill: cell?.fill ?? undefined,
            wrap: cell?.wrap,
            note: s.notes.get(k),
            numFmt: cell?.numberFormat,
          });
        }
        for (const m of s.merges) ws.mergeCells(m);
        for (const [col, points] of s.columnWidths) ws.getColumn(col).width = Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
      }
      return savedWith(wb, fake.structureProtected ? protection : undefined, fake.names.map((n) => ({ name: n.name, formula: n.formula })));
    },
    ignoredWrites: () => [],
  };
}

function xlsxSubject(host: XlsxHost): Subject {
  return {
    kind: "xlsx",
    host,
    sheetNames: () => host.workbook.worksheets.map((w) => w.name),
    seen(name) {
      const ws = host.workbook.getWorksheet(name)!;
      const out: Record<string, SeenCell> = {};
      ws.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          const v = cell.value as unknown;
          const formula = v && typeof v === "object" && "formula" in (v as object) ? `=${String((v as { formula: string }).formula).replace(/^=/, "")}` : undefined;
          const value = formula ? undefined : v && typeof v === "object" && "richText" in (v as object) ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("") : (v as CellValue);
          const fill = cell.fill as ExcelJS.FillPattern | undefined;
          const argb = fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
          put(out, cell.address, { content: formula ?? value, fill: argb?.slice(-6).toUpperCase(), wrap: cell.alignment?.wrapText ? true : undefined, note: excelJsNote(cell.note) });
        });
      });
      return withoutCovered(out, (ws.model as unknown as { merges?: string[] }).merges ?? []);
    },
    save: () => host.toBytes(),
    ignoredWrites: () => [],
  };
}

function wpsSubject(et: FakeEt, protection: string | undefined): Subject {
  return {
    kind: "wps",
    host: new WpsHost(et.Application as EtApplication),
    sheetNames: () => et.sheets.map((s) => s.name),
    seen(name) {
      const out: Record<string, SeenCell> = {};
      const d = et.dump(name);
      for (const [address, c] of Object.entries(d.cells)) {
        put(out, address, {
          content: (c.f as string | undefined) ?? (c.v as CellValue | undefined),
          fill: typeof c.fill === "number" ? hexOfBgr(c.fill) : undefined,
          wrap: c.wrap ? true : undefined,
          note: c.note as string | undefined,
        });
      }
      return withoutCovered(out, d.merges);
    },
    async save() {
      const wb = new ExcelJS.Workbook();
      for (const s of et.sheets) {
        const ws = wb.addWorksheet(s.name, { state: s.visible === 2 ? "veryHidden" : s.visible === 0 ? "hidden" : "visible" });
        const d = et.dump(s.name);
        for (const [address, c] of Object.entries(d.cells)) {
          setExcelJsCell(ws, address, {
            value: (c.v as CellValue | undefined) ?? null,
            formula: c.f as string | undefined,
            fill: typeof c.fill === "number" ? hexOfBgr(c.fill) : undefined,
            wrap: c.wrap === true,
            note: c.note as string | undefined,
            numFmt: c.fmt as string | undefined,
          });
        }
        for (const m of d.merges) ws.mergeCells(m);
        for (const [col, w] of Object.entries(d.widths)) ws.getColumn(Number(col)).width = w;
      }
      return savedWith(wb, et.protectStructure ? protection : undefined, et.names.map((n) => ({ name: n.name, formula: n.refersTo })));
    },
    ignoredWrites: () => et.ignoredWrites,
  };
}

/** Opens .xlsx bytes in one host, as that application would open the file. */
export async function openIn(kind: HostKind, bytes: Uint8Array): Promise<Subject> {
  if (kind === "xlsx") return xlsxSubject(await XlsxHost.open(bytes));
  const wb = await workbookOf(bytes);
  const extras = await workbookXmlOf(bytes);
  const names = extras.names.map((n) => ({ name: n.name, formula: `=${n.formula.replace(/^=/, "")}` }));
  if (kind === "office") {
    const fake = FakeWorkbook.fromExcelJs(wb);
    fake.structureProtected = extras.structureLocked;
    fake.names.push(...names.map((n) => ({ ...n, visible: false })));
    return officeSubject(fake, extras.protection);
  }
  return wpsSubject(new FakeEt({ ...etDataOf(wb), protectStructure: extras.structureLocked, names: names.map((n) => ({ name: n.name, refersTo: n.formula, visible: false })) }), extras.protection);
}

export { parseAddress };
