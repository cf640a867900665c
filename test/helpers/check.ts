import { readXlsxBuffer } from "../../src/xlsx/read";
import { check } from "../../src/core/check";
import type { CheckOptions, CheckResult } from "../../src/core/types";
import { buildTable, type TableSpec } from "../builders/table";

/** Writes the table to an .xlsx buffer, reads it back as a host would, and checks it. */
export async function checkTable(spec: TableSpec, options: CheckOptions = {}): Promise<CheckResult> {
  const { workbook } = buildTable(spec);
  const buf = await workbook.xlsx.writeBuffer();
  const { sheets } = await readXlsxBuffer(buf as ArrayBuffer);
  const out = check(sheets, options);
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message.en}`);
  return out.result;
}

export function codes(result: CheckResult): string[] {
  return result.findings.map((f) => f.code);
}
