/**
 * Applies a write plan to the workbook, and removes it again (清除标记).
 *
 * Sync A reads what the planned cells hold now (contents, fills, wrap, notes) and
 * re-reads the record; sync B, with calculation and screen updating suspended,
 * restores the earlier marks, writes the new ones as 2-D arrays and rectangular
 * runs, and stores the new record. Larger payloads add one sync per chunk.
 *
 * What is written is exactly: the plan's cells (result column text and wrap, flag
 * fills and notes, the fixes the user asked for), the result column's width when
 * it was narrower, and the record sheet.
 */
import type { CellValue, WritePlan } from "../core/types";
import { cellAddress, parseRange } from "../core/address";
import {
  type CellNow,
  type Mark,
  type PriorContent,
  type RecordEntry,
  LEGACY_RECORD_SHEET,
  RECORD_SHEET,
  RESULT_COLUMN_WIDTH,
  cellsOf,
  decideWriteBack,
  decodeRecord,
  encodeRecord,
  isColumnEntry,
  marksOf as coreMarksOf,
  pointsOfCharacters,
  priorMap,
  restoredCells,
} from "../core/record";
import { type ExcelEnv, type ExcelFeatures, PAYLOAD_BUDGET_SHARE, WEB_PAYLOAD_LIMIT } from "./env";
import { priorInput, snapshotValue } from "./cellInput";
import { inputOf, snapshotFormula } from "../core/cellInput";
import { columnAddress, columnRuns, jsonBytes, rangeAddress, type Run } from "./ranges";
import { ACTION_OVERHEAD_BYTES, type QueuedOp, syncInBatches } from "./batch";
import { loadRecordRange, recordFingerprint, type WorkbookState } from "./read";

export { RESULT_COLUMN_WIDTH };

/** Excel's standard column width in points, for a column that had no width of its own. */
const STANDARD_WIDTH = pointsOfCharacters(8.43);

/** Thrown when the workbook changed under the cached state (record rewritten, sheet gone): refresh and retry. */
export class StaleStateError extends Error {
  constructor(reason: string) {
    super(`workbook state changed: ${reason}`);
  }
}

export type { Mark };

export interface WriteOutcome {
  syncs: number;
  /** Cells whose earlier marks were restored. */
  restored: number;
  /** The record as it now stands in the workbook. */
  record: RecordEntry[];
  recordFingerprint: string;
  recordRows: number;
}

/** The marks a plan asks for, merged per cell. Notes only where the running Excel has them. */
export function marksOf(plan: WritePlan, features: Pick<ExcelFeatures, "notes">): Mark[] {
  return coreMarksOf(plan, features);
}

function fillHex(color: unknown, pattern?: unknown): string | null {
  if (pattern === "None") return null;
  if (typeof color !== "string" || !/^#?[0-9a-f]{6}$/i.test(color)) return null;
  const hex = color.replace("#", "").toUpperCase();
  // Below ExcelApi 1.9 "no fill" and a white fill read the same; no fill is far more common.
  if (pattern === undefined && hex === "FFFFFF") return null;
  return hex;
}

interface CurrentStyle {
  fill: string | null;
  wrap: boolean;
}

/**
 * Bytes a marked cell's values and formulas take in a response. The cells read are those no
 * earlier write-back marked (those come from the record), nearly always the empty cells of the
 * result column (`[""]` twice); a denser response is refused, and its batch split and read again.
 */
export const CONTENT_READ_BYTES = 24;
/** Bytes one cell's fill and wrap take in a getCellProperties response (≈ 75 measured). */
export const CELL_STYLE_READ_BYTES = 96;
/** Bytes of a note looked up on a cell about to be marked: nearly always none (a null object). */
export const NOTE_READ_BYTES = 64;

/**
 * Writes a plan's marks on its sheet (restoring that sheet's earlier marks first), or,
 * with plan null, restores every mark in the workbook. Runs inside one Excel.run.
 */
export async function writeBack(
  context: Excel.RequestContext,
  env: ExcelEnv,
  features: ExcelFeatures,
  state: WorkbookState,
  plan: WritePlan | null,
): Promise<WriteOutcome> {
  const budget = (env.payloadLimit ?? WEB_PAYLOAD_LIMIT) * PAYLOAD_BUDGET_SHARE;
  const sheetName = plan?.sheet;
  if (sheetName !== undefined && !state.sheetNames.includes(sheetName)) throw new StaleStateError(`no sheet ${sheetName}`);
  const restoring = state.record.filter(
    (e) => (sheetName === undefined || e.sheet === sheetName) && state.sheetNames.includes(e.sheet),
  );
  const planned = plan ? marksOf(plan, features) : [];
  const oldPriors = sheetName === undefined ? new Map() : priorMap(restoring, sheetName);
  const sheetOf = (name: string) => context.workbook.worksheets.getItem(name);

  // ---- Sync A: what the cells hold now, and the record as it stands.
  const reads: QueuedOp[] = [];
  let recordRange: Excel.Range | undefined;
  let sheetList: Excel.WorksheetCollection | undefined;
  reads.push({ bytes: ACTION_OVERHEAD_BYTES, response: jsonBytes(state.sheetNames), queue: () => void (sheetList = context.workbook.worksheets.load("items/name")) });
  if (state.recordExists) {
    reads.push({ bytes: ACTION_OVERHEAD_BYTES, response: jsonBytes(state.recordFingerprint), queue: () => void (recordRange = loadRecordRange(context)) });
  }
  const currentContent = new Map<string, PriorContent>();
  const currentStyle = new Map<string, CurrentStyle>();
  const currentNote = new Map<string, Excel.Note>();

  // A cell an earlier write-back marked has its true content in the record: only the others are read.
  const contentRuns = columnRuns(planned.filter((m) => m.content && !oldPriors.get(`${m.row}:${m.col}`)?.content));
  for (const run of contentRuns) {
    reads.push({
      bytes: ACTION_OVERHEAD_BYTES,
      response: run.items.length * CONTENT_READ_BYTES,
      queue: () => {
        const range = sheetOf(sheetName!).getRange(rangeAddress(run.top, run.col, run.bottom, run.col)).load("values,formulas");
        return () => {
          run.items.forEach((m, i) => {
            const f = snapshotFormula(range.formulas[i][0], range.values[i][0]);
            const shown = snapshotValue(range.values[i][0]);
            currentContent.set(`${m.row}:${m.col}`, f ? { formula: f, result: shown } : { constant: shown });
          });
        };
      },
    });
  }
  const styled = planned.filter((m) => m.fill || m.wrap);
  // Runs whose cells differ in fill or wrap: read cell by cell in one more sync (rare: marked cells are nearly always plain).
  const mixedRuns: Run<Mark>[] = [];
  const cellStyleReads = (runs: Run<Mark>[]): QueuedOp[] => {
    const ops: QueuedOp[] = [];
    // One call per run; long runs are cut so that each response stays within budget.
    const maxRun = Math.max(1, Math.floor(budget / CELL_STYLE_READ_BYTES));
    for (const run of runs) {
      for (let from = 0; from < run.items.length; from += maxRun) {
        const items = run.items.slice(from, from + maxRun);
        const top = run.top + from;
        ops.push({
          bytes: ACTION_OVERHEAD_BYTES,
          response: items.length * CELL_STYLE_READ_BYTES,
          queue: () => {
            const props = sheetOf(sheetName!)
              .getRange(rangeAddress(top, run.col, top + items.length - 1, run.col))
              .getCellProperties({ format: { fill: { color: true, pattern: true }, wrapText: true } });
            return () => {
              items.forEach((m, i) => {
                const p = props.value[i][0];
                currentStyle.set(`${m.row}:${m.col}`, { fill: fillHex(p.format?.fill?.color, p.format?.fill?.pattern ?? "Solid"), wrap: !!p.format?.wrapText });
              });
            };
          },
        });
      }
    }
    return ops;
  };
  if (features.cellProperties) {
    // One look at each run's format as a whole: Office.js gives one value when every cell agrees, null when they differ.
    for (const run of columnRuns(styled)) {
      reads.push({
        bytes: ACTION_OVERHEAD_BYTES * 2,
        response: 96,
        queue: () => {
          const format = sheetOf(sheetName!).getRange(rangeAddress(run.top, run.col, run.bottom, run.col)).format;
          format.load("wrapText");
          format.fill.load("color,pattern");
          return () => {
            const { color, pattern } = format.fill;
            if (format.wrapText === null || color === null || pattern === null) {
              mixedRuns.push(run);
              return;
            }
            const style = { fill: fillHex(color, pattern), wrap: format.wrapText };
            for (const m of run.items) currentStyle.set(`${m.row}:${m.col}`, style);
          };
        },
      });
    }
  } else {
    for (const m of styled) {
      reads.push({
        bytes: ACTION_OVERHEAD_BYTES * 2,
        response: 64,
        queue: () => {
          const format = sheetOf(sheetName!).getRange(cellAddress(m.row, m.col)).format;
          format.load("wrapText");
          format.fill.load("color");
          return () => currentStyle.set(`${m.row}:${m.col}`, { fill: fillHex(format.fill.color), wrap: !!format.wrapText });
        },
      });
    }
  }
  const noteLoads: { sheet: string; row: number; col: number }[] = [];
  if (features.notes) {
    const seen = new Set<string>();
    const look = (n: { sheet: string; row: number; col: number }) => {
      const key = `${n.sheet}!${n.row}:${n.col}`;
      if (!seen.has(key)) noteLoads.push(n);
      seen.add(key);
    };
    for (const m of planned) if (m.note !== undefined) look({ sheet: sheetName!, row: m.row, col: m.col });
    for (const e of restoring) if (e.prior.note) for (const c of cellsOf(e)) look({ sheet: e.sheet, ...c });
  }
  for (const n of noteLoads) {
    reads.push({
      bytes: ACTION_OVERHEAD_BYTES,
      response: NOTE_READ_BYTES,
      queue: () => {
        const note = sheetOf(n.sheet).notes.getItemOrNullObject(cellAddress(n.row, n.col));
        note.load("content");
        return () => {
          if (!note.isNullObject) currentNote.set(`${n.sheet}!${n.row}:${n.col}`, note);
        };
      },
    });
  }
  const resultColumn = plan && planned.some((m) => m.wrap) && features.formatting12 ? plan.resultColumn : undefined;
  let currentWidth: number | undefined;
  if (resultColumn !== undefined) {
    reads.push({
      bytes: ACTION_OVERHEAD_BYTES,
      queue: () => {
        const format = sheetOf(sheetName!).getRange(columnAddress(resultColumn)).format.load("columnWidth");
        return () => (currentWidth = format.columnWidth);
      },
    });
  }

  let syncs = 0;
  try {
    syncs += await syncInBatches(context, reads, budget, undefined, true);
  } catch (e) {
    if (e && typeof e === "object" && (e as { code?: string }).code === "ItemNotFound") throw new StaleStateError("item not found");
    throw e;
  }
  const names = sheetList!.items.map((s) => s.name);
  if (names.includes(RECORD_SHEET) !== state.recordExists) throw new StaleStateError("record sheet added or removed");
  if (names.includes(LEGACY_RECORD_SHEET) !== state.cliRecordExists) throw new StaleStateError("the command line's record added or removed");
  if (state.sheetNames.some((n) => !names.includes(n))) throw new StaleStateError("a sheet was removed or renamed");
  if (recordRange) {
    const fingerprint = recordFingerprint(decodeRecord(recordRange.values as unknown[][]));
    if (fingerprint !== state.recordFingerprint) throw new StaleStateError("record changed");
  }

  if (mixedRuns.length > 0) syncs += await syncInBatches(context, cellStyleReads(mixedRuns), budget, undefined, true);

  // ---- Sync B: restore the earlier marks, write the new ones, store the record (src/core/record.ts decides).
  const decision = decideWriteBack({
    record: state.record,
    sheets: state.sheetNames,
    plan: plan ? { sheet: plan.sheet, marks: planned, resultColumn } : null,
    now: (row, col): CellNow => {
      const key = `${row}:${col}`;
      const style = currentStyle.get(key);
      const note = currentNote.get(`${sheetName}!${key}`);
      return { content: currentContent.get(key), fill: style?.fill ?? null, wrap: style?.wrap ?? false, note: note ? String(note.content ?? "") : null };
    },
    // A column at the standard width is recorded as having none of its own, so that a host that tells the two apart restores it as it was.
    resultColumnWidth: resultColumn === undefined ? undefined : () => ({ points: currentWidth === undefined || currentWidth === STANDARD_WIDTH ? null : currentWidth }),
  });
  const { record, marks } = decision;

  const writes: QueuedOp[] = [];
  const rows = encodeRecord(record).map((r) => r.map((v) => inputOf(v)));
  const oldRowCount = state.recordExists ? state.recordRows : 0;
  // A protected structure forbids deleting a sheet: an empty record then stays, as its header row alone.
  const keepSheet = record.length > 0 || (state.recordExists && state.structureProtected);
  if (keepSheet) {
    // The record first: should a later chunk fail, 清除标记 still knows every prior state.
    writes.push({
      bytes: ACTION_OVERHEAD_BYTES * 3 + jsonBytes(rows),
      queue: () => {
        let sheet: Excel.Worksheet;
        if (!state.recordExists) {
          sheet = context.workbook.worksheets.add(RECORD_SHEET);
          sheet.visibility = "VeryHidden" as Excel.SheetVisibility;
        } else {
          sheet = sheetOf(RECORD_SHEET);
        }
        sheet.getRange(rangeAddress(1, 1, rows.length, 3)).formulas = rows;
        if (oldRowCount > rows.length) sheet.getRange(rangeAddress(rows.length + 1, 1, oldRowCount, 3)).clear();
      },
    });
  }

  const restored = restoredCells(decision.restore);
  for (const e of decision.restore) {
    const ws = () => sheetOf(e.sheet);
    if (isColumnEntry(e)) {
      if (e.prior.width !== undefined && features.formatting12) {
        const width = e.prior.width ?? STANDARD_WIDTH;
        writes.push({ bytes: ACTION_OVERHEAD_BYTES, queue: () => void (ws().getRange(e.range).format.columnWidth = width) });
      }
      continue;
    }
    const r = parseRange(e.range);
    if (!r) continue;
    const { content, fill, wrap, note } = e.prior;
    if (content) {
      const input = priorInput("formula" in content ? { formula: content.formula } : { value: content.constant });
      const grid = Array.from({ length: r.bottom - r.top + 1 }, () => new Array(r.right - r.left + 1).fill(input));
      writes.push({ bytes: ACTION_OVERHEAD_BYTES + jsonBytes(grid), queue: () => void (ws().getRange(e.range).formulas = grid) });
    }
    if (fill !== undefined) {
      writes.push({
        bytes: ACTION_OVERHEAD_BYTES,
        queue: () => {
          const f = ws().getRange(e.range).format.fill;
          if (fill === null) f.clear();
          else f.color = `#${fill}`;
        },
      });
    }
    if (wrap !== undefined) writes.push({ bytes: ACTION_OVERHEAD_BYTES, queue: () => void (ws().getRange(e.range).format.wrapText = wrap) });
    if (note && features.notes) {
      for (const c of cellsOf(e)) {
        const existing = currentNote.get(`${e.sheet}!${c.row}:${c.col}`);
        if (existing) writes.push({ bytes: ACTION_OVERHEAD_BYTES, queue: () => void existing.delete() });
        // A note of the user's that an older command line replaced: put back.
        if (typeof note === "string") {
          writes.push({ bytes: ACTION_OVERHEAD_BYTES + jsonBytes(note), queue: () => void ws().notes.add(cellAddress(c.row, c.col), note) });
        }
      }
    }
  }

  if (plan) {
    const ws = () => sheetOf(plan.sheet);
    for (const run of columnRuns(marks.filter((m) => m.content))) {
      // A long result column is cut into pieces that each fit in one request.
      let piece: (string | number | boolean)[][] = [];
      let pieceTop = run.top;
      let pieceBytes = 0;
      const flush = () => {
        if (piece.length === 0) return;
        const grid = piece;
        const top = pieceTop;
        writes.push({
          bytes: ACTION_OVERHEAD_BYTES + pieceBytes,
          queue: () => void (ws().getRange(rangeAddress(top, run.col, top + grid.length - 1, run.col)).formulas = grid),
        });
        pieceTop += piece.length;
        piece = [];
        pieceBytes = 0;
      };
      for (const m of run.items) {
        const input = writeInput(m.content!);
        const bytes = jsonBytes(input) + 4;
        if (pieceBytes + bytes > budget / 2) flush();
        piece.push([input]);
        pieceBytes += bytes;
      }
      flush();
    }
    for (const run of columnRuns(marks.filter((m) => m.fill), (m) => m.fill!)) {
      writes.push({
        bytes: ACTION_OVERHEAD_BYTES,
        queue: () => void (ws().getRange(rangeAddress(run.top, run.col, run.bottom, run.col)).format.fill.color = `#${run.items[0].fill}`),
      });
    }
    for (const run of columnRuns(marks.filter((m) => m.wrap))) {
      writes.push({
        bytes: ACTION_OVERHEAD_BYTES,
        queue: () => {
          const format = ws().getRange(rangeAddress(run.top, run.col, run.bottom, run.col)).format;
          format.wrapText = true;
        },
      });
    }
    for (const m of marks) {
      if (m.note === undefined) continue;
      writes.push({ bytes: ACTION_OVERHEAD_BYTES + jsonBytes(m.note), queue: () => void ws().notes.add(cellAddress(m.row, m.col), m.note) });
    }
    const widen = decision.widen;
    if (widen !== undefined) {
      writes.push({ bytes: ACTION_OVERHEAD_BYTES, queue: () => void (ws().getRange(columnAddress(widen)).format.columnWidth = RESULT_COLUMN_WIDTH) });
    }
  }

  if (state.cliRecordExists) {
    // Last, once its entries are restored or kept in the record: should a chunk fail before, it is still there.
    writes.push({ bytes: ACTION_OVERHEAD_BYTES, queue: () => void context.workbook.worksheets.getItem(LEGACY_RECORD_SHEET).delete() });
  }
  if (!keepSheet && state.recordExists) {
    // Nothing left recorded: the record sheet goes too, last for the same reason.
    writes.push({ bytes: ACTION_OVERHEAD_BYTES, queue: () => void context.workbook.worksheets.getItem(RECORD_SHEET).delete() });
  }

  const suspend = () => {
    if (features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
    if (features.cellProperties) context.application.suspendScreenUpdatingUntilNextSync();
  };
  syncs += await syncInBatches(context, writes, budget, suspend);
  return { syncs, restored, record, recordFingerprint: recordFingerprint(record), recordRows: keepSheet ? rows.length : 0 };
}

function writeInput(content: PriorContent): string | number | boolean {
  return "formula" in content ? content.formula : inputOf(content.constant as CellValue);
}
