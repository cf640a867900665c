/**
 * Old-format files for tests, written by the library that reads them (SheetJS):
 * the .xls / .ods of a table built as .xlsx by exceljs, and compound files
 * altered in one field to make them hostile.
 */
import * as XLSX from "@e965/xlsx";
import type ExcelJS from "exceljs";
import type { SheetSnapshot } from "../../../src/core/types";

export type LegacyBookType = "biff8" | "biff5" | "biff2" | "ods";

/** The workbook's .xlsx bytes and the same workbook saved by SheetJS as `bookType`. */
export async function saveAs(workbook: ExcelJS.Workbook, bookType: LegacyBookType): Promise<{ xlsx: Uint8Array; other: Uint8Array }> {
  const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
  const book = XLSX.read(xlsx, { type: "array", cellFormula: true, cellNF: true, cellDates: false });
  return { xlsx, other: new Uint8Array(XLSX.write(book, { type: "array", bookType }) as ArrayBuffer) };
}

/** SheetJS's BIFF writer keeps a formula's cached value but not its text: what an .xls written by it can hold. */
export function withoutFormulas(sheets: SheetSnapshot[]): SheetSnapshot[] {
  return sheets.map((s) => ({ ...s, formulas: s.formulas.map((row) => row.map(() => null)) }));
}

/** A compound file holding one stream of that name (a WPS file in its own format holds no Workbook stream). */
export function compoundWith(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, bytes] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, Buffer.from(bytes));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: "buffer" }) as Buffer);
}

/** Where the structures of a compound file are, to alter one field of it. */
export class CompoundLayout {
  readonly view: DataView;
  readonly sectorSize: number;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.sectorSize = 1 << this.view.getUint16(30, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  set(at: number, value: number): void {
    this.view.setUint32(at, value, true);
  }
  sectorAt(s: number): number {
    return (s + 1) * this.sectorSize;
  }
  /** Byte offset of the FAT slot of sector s (the FAT's first sectors are listed in the header). */
  fatSlot(s: number): number {
    const perSector = this.sectorSize / 4;
    return this.sectorAt(this.u32(76 + Math.floor(s / perSector) * 4)) + (s % perSector) * 4;
  }
  get firstDirectorySector(): number {
    return this.u32(48);
  }
  /** Byte offset of directory entry `id` (the directory's first sector only). */
  entryAt(id: number): number {
    return this.sectorAt(this.firstDirectorySector) + id * 128;
  }
  entryName(id: number): string {
    const at = this.entryAt(id);
    const length = this.view.getUint16(at + 64, true);
    let name = "";
    for (let i = 0; i + 2 < length; i += 2) name += String.fromCharCode(this.view.getUint16(at + i, true));
    return name;
  }
  entryId(name: string): number {
    for (let id = 0; id < this.sectorSize / 128; id++) if (this.entryName(id) === name) return id;
    throw new Error(`no entry ${name}`);
  }
}
