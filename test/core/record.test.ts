/** The record's decisions, host-free: what is recorded, what a clear restores, how an older record folds in. */
import { type RecordEntry, decideWriteBack, decodeRecord, encodeRecord, marksOf, priorMap, undoMarks } from "../../src/core/record";
import { snapshotFromRows } from "../../src/core/snapshot";
import type { WritePlan } from "../../src/core/types";

const plan: WritePlan = {
  sheet: "表",
  resultColumn: 4,
  writes: [
    { row: 1, col: 4, value: "核查结果", purpose: "result" },
    { row: 2, col: 4, value: "✗ 未达成", fill: "FFC7CE", purpose: "result" },
    { row: 3, col: 4, value: "✓ 达成", fill: null, purpose: "result" },
    { row: 2, col: 3, fill: "FFC7CE", note: "SCORE_EXCEEDS_WEIGHT", purpose: "flag" },
    { row: 3, col: 3, fill: "FFC7CE", note: "UNMET_FULL_SCORE", purpose: "flag" },
    { row: 4, col: 2, formula: "=SUM(B2:B3)", value: 10, purpose: "fix" },
  ],
};

const now = (row: number, col: number) => ({
  content: row === 4 && col === 2 ? { constant: 12 } : { constant: null },
  fill: row === 3 && col === 3 ? "00B0F0" : null,
  wrap: false,
  note: row === 3 && col === 3 ? "用户的批注" : null,
});

test("a write-back records, per aspect, what was there; a user's note is never replaced", () => {
  const d = decideWriteBack({ record: [], sheets: ["表"], plan: { sheet: "表", marks: marksOf(plan, { notes: true }), resultColumn: 4 }, now, resultColumnWidth: () => ({ points: null }) });
  expect(d.restore).toEqual([]);
  expect(d.widen).toBe(4);
  expect(d.marks.find((m) => m.row === 3 && m.col === 3)).toEqual({ row: 3, col: 3, fill: "FFC7CE" });
  expect(d.marks.find((m) => m.row === 4)).toEqual({ row: 4, col: 2, content: { formula: "=SUM(B2:B3)", result: 10 } });
  expect(d.record).toEqual([
    { sheet: "表", range: "B4", prior: { content: { constant: 12 } } },
    { sheet: "表", range: "C2", prior: { fill: null, note: true } },
    { sheet: "表", range: "C3", prior: { fill: "00B0F0" } },
    { sheet: "表", range: "D1", prior: { content: { constant: null }, wrap: false } },
    { sheet: "表", range: "D2", prior: { content: { constant: null }, fill: null, wrap: false } },
    { sheet: "表", range: "D3", prior: { content: { constant: null }, wrap: false } },
    { sheet: "表", range: "D:D", prior: { width: null } },
  ]);
  expect(decodeRecord(encodeRecord(d.record))).toEqual(d.record);
});

test("twice equals once: the second write-back restores the first and records the same; a clear restores all and records nothing", () => {
  const input = { sheets: ["表"], plan: { sheet: "表", marks: marksOf(plan, { notes: true }), resultColumn: 4 }, resultColumnWidth: () => ({ points: 240 }) };
  const first = decideWriteBack({ ...input, record: [], now, resultColumnWidth: () => ({ points: null }) });
  // What the cells show after the first write-back: its own marks, which must not be taken for the user's.
  const marked = (row: number, col: number) => ({ content: { constant: "mark" }, fill: "FFC7CE", wrap: true, note: col === 3 ? "ours" : null });
  const second = decideWriteBack({ ...input, record: first.record, now: marked });
  expect(second.record).toEqual(first.record);
  expect(second.restore).toEqual(first.record.slice().reverse());
  expect(second.widen).toBe(4);
  const clear = decideWriteBack({ record: second.record, sheets: ["表"], plan: null, now: marked });
  expect(clear.record).toEqual([]);
  expect(clear.restore).toEqual(second.record.slice().reverse());
});

test("marks on another sheet stay recorded; entries of a sheet no longer there are dropped", () => {
  const other: RecordEntry = { sheet: "乙", range: "C2", prior: { fill: null } };
  const gone: RecordEntry = { sheet: "已删除", range: "C2", prior: { fill: null } };
  const d = decideWriteBack({ record: [other, gone], sheets: ["表", "乙"], plan: { sheet: "表", marks: [], resultColumn: 4 }, now });
  expect(d.record).toEqual([other]);
  expect(d.restore).toEqual([]);
});

test("where two entries hold the same aspect of a cell, the first (the earlier write-back's) wins; undoMarks shows the user's data", () => {
  const entries: RecordEntry[] = [
    { sheet: "表", range: "B2:B3", prior: { content: { formula: "=1+1", result: 2 } } },
    { sheet: "表", range: "B3", prior: { content: { constant: "mark" }, fill: null } },
  ];
  expect(priorMap(entries, "表").get("3:2")).toEqual({ content: { formula: "=1+1", result: 2 }, fill: null });
  const s = snapshotFromRows("表", [["a", "b"], ["x", "m"], ["y", "m"]]);
  undoMarks(s, entries);
  expect(s.values.map((r) => r[1])).toEqual(["b", 2, 2]);
  expect(s.formulas.map((r) => r[1])).toEqual([null, "=1+1", "=1+1"]);
});

test("consecutive cells of one column with the same prior state share one record row", () => {
  const many: WritePlan = { sheet: "表", resultColumn: 4, writes: [2, 3, 4, 5].map((row) => ({ row, col: 4, value: "✓", purpose: "result" as const })) };
  const d = decideWriteBack({ record: [], sheets: ["表"], plan: { sheet: "表", marks: marksOf(many, { notes: true }) }, now });
  expect(d.record).toEqual([{ sheet: "表", range: "D2:D5", prior: { content: { constant: null }, wrap: false } }]);
});
