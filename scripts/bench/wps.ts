/**
 * Cross-process calls of the WPS host, counted by the fake ET (test/wps/fakeEt.ts: every property
 * get or set and method call on an ET object is one): a check (read the workbook into snapshots)
 * and the write-back of its plan, beside what they should grow with — the table's columns and
 * merged areas for a check, the plan's marked runs for a write-back — and not its rows.
 */
import type { SheetSnapshot } from "../../src/core/types";
import { check } from "../../src/core/check";
import { columnRuns, marksOf } from "../../src/core/record";
import { cellAddress } from "../../src/core/address";
import { WpsHost } from "../../src/wps/host";
import type { EtApplication } from "../../src/wps/et";
import { FakeEt, type EtBookData, type EtCellData } from "../../test/wps/fakeEt";

export interface WpsFigures {
  columns: number;
  /** Merged areas the read found (over a long table, in its top and bottom rows only). */
  mergedAreas: number;
  check: { calls: number; mergeCalls: number; formatCalls: number; ms: number };
  /** Marked runs of the plan: content, fill (per colour), wrap runs, plus one per note. */
  runs: { content: number; fill: number; wrap: number; notes: number };
  writeBack: { calls: number; ms: number };
}

function etDataOfSnapshots(sheets: SheetSnapshot[]): EtBookData {
  return {
    sheets: sheets.map((s) => {
      const cells: Record<string, EtCellData> = {};
      s.values.forEach((row, i) => {
        for (let j = 0; j < Math.max(row.length, s.formulas[i]?.length ?? 0); j++) {
          const v = row[j] ?? null;
          const f = s.formulas[i]?.[j] ?? null;
          const fmt = s.numberFormats[i]?.[j] ?? null;
          if (v === null && f === null && fmt === null) continue;
          const c: EtCellData = {};
          if (v !== null) c.v = v;
          if (f !== null) c.f = f;
          if (fmt !== null) c.fmt = fmt;
          cells[cellAddress(s.top + i + 1, s.left + j + 1)] = c;
        }
      });
      return { name: s.name, visible: s.hidden ? 0 : -1, cells, merges: [...(s.merges ?? [])] };
    }),
  };
}

const sum = (o: Record<string, number>, keys: string[]) => keys.reduce((n, k) => n + (o[k] ?? 0), 0);

export async function measureWps(sheets: SheetSnapshot[]): Promise<WpsFigures> {
  const et = new FakeEt(etDataOfSnapshots(sheets));
  const host = new WpsHost(et.Application as EtApplication);
  let t = performance.now();
  const read = await host.readWorkbook();
  const readMs = performance.now() - t;
  const checkCalls = et.calls;
  const mergeCalls = sum(et.byMember, ["Range.MergeCells", "Range.MergeArea", "Range.Address()"]);
  const formatCalls = sum(et.byMember, ["Range.NumberFormat"]);
  const outcome = check(read, {});
  if (!outcome.ok) throw new Error(`no table in the fake ET: ${outcome.error.message.en}`);
  const { plan } = outcome.result;
  const marks = marksOf(plan, { notes: true });
  const runs = {
    content: columnRuns(marks.filter((m) => m.content)).length,
    fill: columnRuns(marks.filter((m) => m.fill), (m) => m.fill!).length,
    wrap: columnRuns(marks.filter((m) => m.wrap)).length,
    notes: marks.filter((m) => m.note !== undefined).length,
  };
  et.resetCalls();
  t = performance.now();
  await host.applyPlan(plan, outcome.result);
  const writeMs = performance.now() - t;
  const table = read.find((s) => s.name === plan.sheet)!;
  return {
    columns: Math.max(...table.values.map((r) => r.length)),
    mergedAreas: table.merges?.length ?? 0,
    check: { calls: checkCalls, mergeCalls, formatCalls, ms: readMs },
    runs,
    writeBack: { calls: et.calls, ms: writeMs },
  };
}
