/**
 * Ordinary reshapings of a real form (metamorphic edits), each a pure function RealForm → RealForm with the
 * map it applies to cell coordinates, and the answer of a check reduced to what must survive such an edit.
 * Used by test/real/shapes.test.ts.
 */
import { check } from "../../src/core/check";
import { columnLetter } from "../../src/core/address";
import type { CheckOutcome, SheetSnapshot } from "../../src/core/types";
import type { RealCell, RealForm, RealSheet } from "./support";

/** Where a cell of the original form is on the edited one (1-based rows and columns). */
export interface CellMap {
  row(r: number): number;
  col(c: number): number;
}

export const IDENTITY: CellMap = { row: (r) => r, col: (c) => c };

export interface Edited {
  form: RealForm;
  map: CellMap;
}

// ---- A1 ranges ----

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseRange(a1: string): Area {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!m) throw new Error(`not an A1 range: ${a1}`);
  const top = Number(m[2]);
  const left = columnNumber(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3]) : left };
}

function formatRange(a: Area): string {
  return `${columnLetter(a.left)}${a.top}:${columnLetter(a.right)}${a.bottom}`;
}

// ---- sheet edits (1-based positions; the new row / column takes position `at`) ----

function cloneSheet(s: RealSheet): RealSheet {
  return { name: s.name, rows: s.rows.map((r) => [...r]), ...(s.merges ? { merges: [...s.merges] } : {}) };
}

/** Inserts an empty row at `at`, as Excel does: a merge it falls inside grows by one row. */
export function insertRow(sheet: RealSheet, at: number): RealSheet {
  const out = cloneSheet(sheet);
  const width = Math.max(0, ...out.rows.map((r) => r.length));
  if (at - 1 <= out.rows.length) out.rows.splice(at - 1, 0, new Array<RealCell>(width).fill(null));
  out.merges = out.merges?.map((m) => {
    const a = parseRange(m);
    if (a.top >= at) return formatRange({ ...a, top: a.top + 1, bottom: a.bottom + 1 });
    if (a.bottom >= at) return formatRange({ ...a, bottom: a.bottom + 1 });
    return m;
  });
  return out;
}

/** Inserts an empty column at `at`, as Excel does: a merge it falls inside grows by one column. */
export function insertColumn(sheet: RealSheet, at: number): RealSheet {
  const out = cloneSheet(sheet);
  out.rows = out.rows.map((r) => (r.length >= at - 1 ? [...r.slice(0, at - 1), null, ...r.slice(at - 1)] : r));
  out.merges = out.merges?.map((m) => {
    const a = parseRange(m);
    if (a.left >= at) return formatRange({ ...a, left: a.left + 1, right: a.right + 1 });
    if (a.right >= at) return formatRange({ ...a, right: a.right + 1 });
    return m;
  });
  return out;
}

function editSheets(form: RealForm, edit: (s: RealSheet) => RealSheet): RealForm {
  return { ...form, sheets: form.sheets.map(edit) };
}

// ---- the edits ----

/** 1. The whole sheet moved down 3 rows under a title block (附件2, a blank row, 单位：万元) and right 2 columns. */
export function moveUnderTitleBlock(form: RealForm): Edited {
  const edited = editSheets(form, (s) => {
    let out = s;
    for (let i = 0; i < 3; i++) out = insertRow(out, 1);
    for (let i = 0; i < 2; i++) out = insertColumn(out, 1);
    out.rows[0][0] = "附件2";
    out.rows[2][0] = "单位：万元";
    return out;
  });
  return { form: edited, map: { row: (r) => r + 3, col: (c) => c + 2 } };
}

/** 2. An empty column inserted at `at` (between columns at-1 and at) on every sheet. */
export function withEmptyColumn(form: RealForm, at: number): Edited {
  return { form: editSheets(form, (s) => insertColumn(s, at)), map: { row: (r) => r, col: (c) => (c >= at ? c + 1 : c) } };
}

/** 3. A blank row inserted at `at` (between rows at-1 and at) on every sheet. */
export function withBlankRow(form: RealForm, at: number): Edited {
  return { form: editSheets(form, (s) => insertRow(s, at)), map: { row: (r) => (r >= at ? r + 1 : r), col: (c) => c } };
}

/** 4. Header labels as people type them; each keeps the label's meaning. */
const spaceInside = (gap: string) => (l: string) => (l.length >= 2 ? `${l.slice(0, Math.min(2, l.length - 1))}${gap}${l.slice(Math.min(2, l.length - 1))}` : l);
const lineBreak = (l: string) => (l.length >= 4 ? `${l.slice(0, 2)}\n${l.slice(2)}` : l);
const otherBrackets = (l: string) => l.replace(/[()（）]/g, (b) => ({ "(": "（", ")": "）", "（": "(", "）": ")" })[b] ?? b);
const colon = (l: string) => `${l}：`;
const pointsSuffix = (l: string) => (/^(得分|分值|权重|指标分值|总分)$/.test(l) ? `${l}（分）` : l);

export const HEADER_SPELLINGS: Record<string, (label: string) => string> = {
  "a space inside (得 分, 三级 指标)": spaceInside(" "),
  "a full-width space inside (得　分)": spaceInside("\u3000"),
  "a line break (三级\\n指标)": lineBreak,
  "brackets of the other width (（A） ↔ (A))": otherBrackets,
  "a trailing colon (得分：)": colon,
  "a （分） suffix on 得分 / 分值 / 权重": pointsSuffix,
  "several at once (得 分(分)：, 三级\\n指标：)": (l) => colon((l.length >= 4 ? lineBreak : spaceInside(" "))(otherBrackets(pointsSuffix(l)))),
};

const HEADER_WORD = /指标|得分|分值|权重|目标值|完成值|完成情况|偏差|原因|预算数|执行数|执行率/;

/** Rows that read as a table header: three or more short cells naming a column, and no number (a data row has some). */
export function headerLikeRows(sheet: RealSheet): number[] {
  const out: number[] = [];
  sheet.rows.forEach((r, i) => {
    if (r.some((v) => typeof v === "number" || (typeof v === "string" && /\d%|^\d+(\.\d+)?$/.test(v)))) return;
    if (headerWords(r) >= 3) out.push(i + 1);
  });
  return out;
}

export function headerWords(row: RealCell[]): number {
  return row.filter((v) => typeof v === "string" && v.length <= 12 && HEADER_WORD.test(v)).length;
}

/** The header-like row with the most header words: the indicator table's (a budget block's has fewer). */
export function indicatorHeaderRow(sheet: RealSheet): number {
  const rows = headerLikeRows(sheet);
  return rows.reduce((best, r) => (headerWords(sheet.rows[r - 1]) > headerWords(sheet.rows[best - 1]) ? r : best), rows[0]);
}

/** Every short label of every header-like row respelled. */
export function respellHeaders(form: RealForm, respell: (label: string) => string): Edited {
  const edited = editSheets(form, (s) => {
    const out = cloneSheet(s);
    for (const r of headerLikeRows(s)) {
      // A label with a number in it (年度绩效目标1（40分）, 得分（20分*执行率）) states points or a block: kept as printed.
      out.rows[r - 1] = out.rows[r - 1].map((v) => (typeof v === "string" && v.length <= 12 && !/\d/.test(v) ? respell(v) : v));
    }
    return out;
  });
  return { form: edited, map: IDENTITY };
}

/** A cover sheet: a few lines of text and no table. */
export const COVER_SHEET: RealSheet = {
  name: "封面",
  rows: [["项目支出绩效自评材料"], [], ["报送单位：（盖章）"], ["联系人：        联系电话："], ["报送日期：    年  月  日"]],
};

/** 5. The form's sheets after a cover sheet and before a copy of another form's (first) sheet, renamed if its name is taken. */
export function betweenCoverAndOther(form: RealForm, other: RealForm): Edited & { otherName: string } {
  const taken = new Set([COVER_SHEET.name, ...form.sheets.map((s) => s.name)]);
  let otherName = other.sheets[0].name;
  for (let i = 2; taken.has(otherName); i++) otherName = `${other.sheets[0].name} (${i})`;
  const copy = { ...cloneSheet(other.sheets[0]), name: otherName };
  return { form: { ...form, sheets: [cloneSheet(COVER_SHEET), ...form.sheets.map(cloneSheet), copy] }, map: IDENTITY, otherName };
}

// ---- the answer ----

/** What a check answers, reduced to what an ordinary reshaping must keep (up to its map). */
export interface Answer {
  refused?: { code: string; zh: string; en: string };
  sheet?: string;
  /** The title and 填报单位 the report heads its answer with. */
  title?: string;
  unit?: string;
  headerRows?: number[];
  /** The table's extent: first and last indicator rows, first and last columns. */
  extent?: [number, number, number, number];
  totalRow?: number;
  /** Where the grade is stated, or would be written. */
  gradeCell?: string;
  /** The 核查结果 column an annotated copy gets, and what the copy would be marked with (cell, purpose, text, fill). */
  resultColumn?: number;
  marks?: string[];
  budgetRow?: number;
  columns?: Record<string, number>;
  statuses?: string[];
  findings?: string[];
  totals?: Record<string, unknown>;
  counts?: Record<string, number>;
  skippedSlots?: number[];
  budget?: Record<string, unknown>;
  otherTableSheets?: string[];
  narrativeChecks?: number;
}

const A1 = /(?<![A-Za-z0-9$])(\$?)([A-Z]{1,3})(\$?)(\d{1,6})(?![0-9A-Za-z])/g;

/** A message with its cell addresses and row numbers moved by the map. */
export function mapText(text: string, map: CellMap): string {
  const rows = (s: string) => s.replace(/\d+/g, (n) => String(map.row(Number(n))));
  return text
    .replace(A1, (_, d1: string, col: string, d2: string, row: string) => `${d1}${columnLetter(map.col(columnNumber(col)))}${d2}${map.row(Number(row))}`)
    .replace(/第\s*[\d、,，\s–~-]+\s*行/g, rows)
    .replace(/\b[Rr]ows?\s+\d+(?:\s*(?:,|–|-|~|and)\s*\d+)*/g, rows);
}

function sortedNumbers(xs: number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** The answer of a check, in the coordinates of the original form mapped by `map`. */
export function answerOf(outcome: CheckOutcome, map: CellMap = IDENTITY): Answer {
  if (!outcome.ok) {
    const { code, message } = outcome.error;
    return { refused: { code, zh: mapText(message.zh, map), en: mapText(message.en, map) } };
  }
  const r = outcome.result;
  const cell = (a: string | undefined) => (a === undefined ? "-" : mapText(a, map));
  const columns: Record<string, number> = {};
  for (const [role, c] of Object.entries(r.layout.columns)) if (c !== undefined) columns[role] = map.col(c);
  const budget: Record<string, unknown> | undefined = r.budget && {
    ...r.budget,
    row: map.row(r.budget.row),
    ...(r.budget.rateCol !== undefined ? { rateCol: map.col(r.budget.rateCol) } : {}),
    ...(r.budget.scoreCol !== undefined ? { scoreCol: map.col(r.budget.scoreCol) } : {}),
    ...(r.budget.weightCol !== undefined ? { weightCol: map.col(r.budget.weightCol) } : {}),
  };
  const { grade, statedGrade, weight, score, scored, statedWeight, statedScore } = r.totals;
  return {
    sheet: r.layout.sheet,
    ...(r.layout.title !== undefined ? { title: r.layout.title } : {}),
    ...(r.layout.unit !== undefined ? { unit: r.layout.unit } : {}),
    headerRows: r.layout.headerRows.map(map.row),
    extent: [map.row(r.layout.firstRow), map.row(r.layout.lastRow), map.col(r.layout.firstColumn), map.col(r.layout.lastColumn)],
    ...(r.layout.gradeCell ? { gradeCell: `${columnLetter(map.col(r.layout.gradeCell.col))}${map.row(r.layout.gradeCell.row)}` } : {}),
    ...(r.layout.totalRow !== undefined ? { totalRow: map.row(r.layout.totalRow) } : {}),
    resultColumn: map.col(r.plan.resultColumn),
    marks: r.plan.writes
      .map((w) => [`${columnLetter(map.col(w.col))}${map.row(w.row)}`, w.purpose, w.value === undefined ? "" : mapText(String(w.value), map), w.fill ?? "", w.note === undefined ? "" : mapText(w.note, map)].join(" | "))
      .sort(),
    ...(r.layout.budgetRow !== undefined ? { budgetRow: map.row(r.layout.budgetRow) } : {}),
    columns,
    statuses: r.rows.map((x) => `${map.row(x.row)} ${x.status} ${x.weight.kind === "number" ? x.weight.value : x.weight.kind} ${x.score.kind === "number" ? x.score.value : x.score.kind}`),
    findings: r.findings
      .map((f) => [f.code, f.severity, cell(f.cell), f.row === undefined ? "-" : map.row(f.row), f.sheet ?? "", mapText(f.message.zh, map), mapText(f.message.en, map)].join(" | "))
      .sort(),
    totals: { weight, score, scored, statedWeight, statedScore, grade, statedGrade },
    counts: { ...r.counts },
    skippedSlots: sortedNumbers(r.skippedSlots.map(map.row)),
    ...(budget ? { budget } : {}),
    otherTableSheets: r.otherTableSheets ?? [],
    narrativeChecks: r.findings.filter((f) => f.code.startsWith("NARRATIVE_")).length,
  };
}

/** Checks snapshots read by a host. */
export function answerOfSheets(sheets: SheetSnapshot[], map: CellMap = IDENTITY): Answer {
  return answerOf(check(sheets), map);
}
