/**
 * Writes a generated table to .xlsx bytes with exceljs, reads it back through
 * the CLI's loader, checks it, and compares everything with what the
 * generator recorded. Returns a list of discrepancies (empty when all agree).
 */
import { check } from "../../../src/core/check";
import type { CheckResult } from "../../../src/core/types";
import { loadXlsx, type LoadedWorkbook } from "../../../src/xlsx/load";
import { buildTable } from "../../builders/table";
import type { ExpectedFinding, GeneratedTable } from "./tables";

export interface TableRun {
  bytes: Uint8Array;
  loaded: LoadedWorkbook;
  result?: CheckResult;
  problems: string[];
}

function key(f: ExpectedFinding): string {
  return `${f.code}@${f.row ?? "-"}`;
}

function multisetDiff(a: string[], b: string[]): string[] {
  const rest = [...b];
  const out: string[] = [];
  for (const x of a) {
    const i = rest.indexOf(x);
    if (i < 0) out.push(x);
    else rest.splice(i, 1);
  }
  return out;
}

export async function tableBytes(g: GeneratedTable): Promise<Uint8Array> {
  const { workbook } = buildTable(g.spec);
  if (g.hiddenCover) workbook.getWorksheet("封面")!.state = "hidden";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function runTable(g: GeneratedTable): Promise<TableRun> {
  const bytes = await tableBytes(g);
  const loaded = await loadXlsx(bytes);
  const out = check(loaded.sheets);
  const problems: string[] = [];
  if (!out.ok) return { bytes, loaded, problems: [`no table: ${out.error.code} ${out.error.message.en}`] };
  const r = out.result;

  if (r.layout.firstRow !== g.firstRow || r.layout.lastRow !== g.lastRow || r.layout.totalRow !== g.totalRow) {
    problems.push(`layout rows ${r.layout.firstRow}-${r.layout.lastRow} total ${r.layout.totalRow}, expected ${g.firstRow}-${g.lastRow} total ${g.totalRow}`);
  }
  const byRow = new Map(r.rows.map((x) => [x.row, x]));
  for (const gr of g.rows) {
    const got = byRow.get(gr.row);
    if (!got) problems.push(`row ${gr.row} (${gr.spec.indicator}) not read`);
    else if (got.status !== gr.status) {
      problems.push(`row ${gr.row}: status ${got.status}, expected ${gr.status} (target ${JSON.stringify(gr.spec.target)}, actual ${JSON.stringify(gr.spec.actual)}, fmt ${gr.spec.numFmt ?? "-"})`);
    }
  }
  if (r.rows.length !== g.rows.length) problems.push(`${r.rows.length} rows read, expected ${g.rows.length}`);

  const t = r.totals;
  const e = g.expected;
  if (!Number.isFinite(t.weight) || !Number.isFinite(t.score)) problems.push(`totals not finite: ${t.weight} ${t.score}`);
  if (Math.abs(t.weight - e.weight) > 1e-9) problems.push(`Σweight ${t.weight}, expected ${e.weight}`);
  if (Math.abs(t.score - e.score) > 1e-9) problems.push(`Σscore ${t.score}, expected ${e.score}`);
  if (t.grade !== e.grade) problems.push(`grade ${t.grade}, expected ${e.grade}`);
  if (e.statedWeight !== undefined && t.statedWeight !== e.statedWeight) problems.push(`stated weight ${t.statedWeight}, expected ${e.statedWeight}`);
  if (e.statedScore !== undefined && t.statedScore !== e.statedScore) problems.push(`stated score ${t.statedScore}, expected ${e.statedScore}`);

  const errors = r.findings.filter((f) => f.severity === "error").map((f) => key({ code: f.code, row: f.row }));
  const expected = e.errors.map(key);
  for (const missing of multisetDiff(expected, errors)) problems.push(`expected error not reported: ${missing}`);
  for (const extra of multisetDiff(errors, expected)) {
    const f = r.findings.find((x) => key({ code: x.code, row: x.row }) === extra);
    problems.push(`unexpected error: ${extra} — ${f?.message.en}`);
  }
  // Clean rows raise nothing at all; warnings and notes may only accompany an injected error.
  const injectedRows = new Set(g.rows.filter((x) => x.injection).map((x) => x.row));
  for (const f of r.findings) {
    if (f.severity === "error" || f.row === undefined) continue;
    if (injectedRows.has(f.row) || (g.tableInjection && f.row >= g.lastRow + 1)) continue;
    problems.push(`unexpected ${f.severity} on a clean row: ${f.code}@${f.row} — ${f.message.en}`);
  }
  return { bytes, loaded, result: r, problems };
}
