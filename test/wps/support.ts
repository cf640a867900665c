/** Workbooks inside the fake ET, and the same workbook through the exceljs host, for the WPS tests. */
import ExcelJS from "exceljs";
import type { SheetSnapshot } from "../../src/core/types";
import { check } from "../../src/core/check";
import type { CheckOptions, CheckResult } from "../../src/core/types";
import type { Host } from "../../src/host";
import { XlsxHost } from "../../src/web/host";
import { WpsHost } from "../../src/wps/host";
import type { EtApplication } from "../../src/wps/et";
import { FakeEt, type FakeEtOptions } from "./fakeEt";
import { etDataOf } from "./etData";

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The workbook (as saved and opened again, so formulas carry results) in a fake WPS, with its host. */
export async function wpsOf(bytes: Uint8Array, options: FakeEtOptions = {}): Promise<{ et: FakeEt; host: WpsHost }> {
  const et = new FakeEt(etDataOf(await workbookOf(bytes)), options);
  return { et, host: new WpsHost(et.Application as EtApplication) };
}

export async function checkWith(host: Host, options: CheckOptions = {}): Promise<CheckResult> {
  const out = check(await host.readWorkbook(), options);
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

export async function xlsxSnapshots(bytes: Uint8Array): Promise<SheetSnapshot[]> {
  return (await XlsxHost.open(bytes)).readWorkbook();
}

/** A snapshot as comparable data: its cells by address, its merges as a set, its visibility. */
export function comparable(s: SheetSnapshot): { name: string; hidden: boolean; cells: Record<string, unknown>; merges: string[] } {
  const cells: Record<string, unknown> = {};
  s.values.forEach((row, i) => {
    const width = Math.max(row.length, s.formulas[i]?.length ?? 0);
    for (let j = 0; j < width; j++) {
      const v = row[j] ?? null;
      const f = s.formulas[i]?.[j] ?? null;
      if ((v === null || v === "") && f === null) continue;
      cells[`${s.top + i + 1}:${s.left + j + 1}`] = [v, f, s.numberFormats[i]?.[j] ?? null];
    }
  });
  return { name: s.name, hidden: !!s.hidden, cells, merges: [...(s.merges ?? [])].sort() };
}

export function byName(sheets: SheetSnapshot[]): Record<string, ReturnType<typeof comparable>> {
  return Object.fromEntries(sheets.map((s) => [s.name, comparable(s)]));
}
