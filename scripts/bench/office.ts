/**
 * Round trips of the Office.js host, counted by the recording fake of the Excel
 * API (test/excel/fakeExcel.ts): a check (read the workbook into snapshots) and
 * the write-back of its plan, with the bytes of every sync's request and response.
 */
import type { SheetSnapshot } from "../../src/core/types";
import { check } from "../../src/core/check";
import { createExcelHost } from "../../src/excel/host";
import { PAYLOAD_BUDGET_SHARE } from "../../src/excel/env";
import { FakeWorkbook, type SyncRecord } from "../../test/excel/fakeExcel";

/** Puts snapshots into a fake workbook: values, formulas, number formats, merges, visibility. */
export function fakeFromSnapshots(sheets: SheetSnapshot[], payloadLimit?: number): FakeWorkbook {
  const fake = new FakeWorkbook(payloadLimit === undefined ? {} : { payloadLimit });
  for (const s of sheets) {
    const sheet = fake.addSheet(s.name);
    if (s.hidden) sheet.visibility = "Hidden";
    sheet.merges = [...(s.merges ?? [])];
    s.values.forEach((row, i) => {
      for (let j = 0; j < Math.max(row.length, s.formulas[i]?.length ?? 0); j++) {
        const value = row[j] ?? null;
        const formula = s.formulas[i]?.[j] ?? null;
        const format = s.numberFormats[i]?.[j] ?? null;
        if (value === null && formula === null && format === null) continue;
        const cell = sheet.ensure(s.top + i + 1, s.left + j + 1);
        cell.value = value;
        if (formula !== null) cell.formula = formula;
        if (format !== null) cell.numberFormat = format;
      }
    });
  }
  fake.activeSheet = sheets.find((s) => !s.hidden)?.name ?? sheets[0]?.name ?? "";
  return fake;
}

export interface SyncFigures {
  syncs: number;
  /** Per sync: bytes of its request and of its response. */
  perSync: { request: number; response: number }[];
  /** Largest request and largest response of any sync. */
  maxRequest: number;
  maxResponse: number;
  /** All bytes moved, requests plus responses. */
  totalBytes: number;
  /** The fewest syncs the payload allows: the fixed ones plus one per extra chunk of the limit. */
  minimum: number;
  /** The same with chunks of at most PAYLOAD_BUDGET_SHARE of the limit, as the host plans them (the rest is its margin). */
  plannedMinimum: number;
  ms: number;
}

function figures(log: SyncRecord[], fixed: number, limit: number, ms: number): SyncFigures {
  const perSync = log.map((s) => ({ request: s.requestBytes, response: s.responseBytes }));
  // Requests and responses are limited each on its own: the heavier direction sets the floor.
  const carried = Math.max(
    perSync.reduce((sum, s) => sum + s.request, 0),
    perSync.reduce((sum, s) => sum + s.response, 0),
  );
  return {
    syncs: log.length,
    perSync,
    maxRequest: Math.max(0, ...perSync.map((s) => s.request)),
    maxResponse: Math.max(0, ...perSync.map((s) => s.response)),
    totalBytes: perSync.reduce((sum, s) => sum + s.request + s.response, 0),
    minimum: fixed + Math.max(0, Math.ceil(carried / limit) - 1),
    plannedMinimum: fixed + Math.max(0, Math.ceil(carried / (limit * PAYLOAD_BUDGET_SHARE)) - 1),
    ms,
  };
}

export interface OfficeFigures {
  limit: number;
  check: SyncFigures;
  writeBack: SyncFigures;
  /** The host's own count of its syncs, as a cross-check of the fake's. */
  hostSyncs: { read: number; write: number };
}

/**
 * A check as the task pane runs it (read → engine → result) and then 标记结果
 * (apply the plan), over the fake. The fixed syncs are 3 for a check (sheets;
 * used ranges and the record; cells) and 2 for a write-back (what the planned
 * cells hold now; the writes), plus one per extra chunk of the payload limit.
 */
export async function measureOffice(sheets: SheetSnapshot[], payloadLimit = 5 * 1024 * 1024): Promise<OfficeFigures> {
  const fake = fakeFromSnapshots(sheets, payloadLimit);
  const host = createExcelHost(fake.env());

  fake.resetStats();
  let t = performance.now();
  const read = await host.readWorkbook();
  const readMs = performance.now() - t;
  const readLog = fake.stats.log.slice();

  const outcome = check(read, {});
  if (!outcome.ok) throw new Error(`no table in the fake: ${outcome.error.message.en}`);

  fake.resetStats();
  t = performance.now();
  await host.applyPlan(outcome.result.plan, outcome.result);
  const writeMs = performance.now() - t;
  const writeLog = fake.stats.log.slice();

  return {
    limit: payloadLimit,
    check: figures(readLog, 3, payloadLimit, readMs),
    writeBack: figures(writeLog, 2, payloadLimit, writeMs),
    hostSyncs: { read: host.stats.readSyncs, write: host.stats.writeSyncs },
  };
}
