/**
 * Builds indicator-table workbooks with exceljs, for tests. The default is the
 * official layout: title, 填报单位 row, two-row header (评价指标 merged over the
 * level columns), merged level cells, a 总分 row with SUM formulas and a grade.
 */
import { mergeLevelRuns } from "./levels";
import ExcelJS from "exceljs";

export type Cell = string | number | null | { formula: string; result?: number | string };

export interface RowSpec {
  level1: string;
  level2: string;
  indicator: string;
  target: Cell;
  actual: Cell;
  weight: Cell;
  score: Cell;
  reason?: Cell;
  /** Number format for the target/actual cells (e.g. "0.0%"). */
  numFmt?: string;
}

export interface TableSpec {
  sheetName?: string;
  /** 1-based row/col of the header's top-left cell. */
  origin?: { row: number; col: number };
  title?: string | null;
  unit?: string | null;
  header?: "one-row" | "two-row";
  levels?: "merged" | "blank" | "repeated";
  /** Header texts by role; defaults to the official ones. */
  headers?: Partial<Record<"level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "reason", string>>;
  /** Column order by role; default level1 level2 level3 target actual weight score (reason when any row has one). */
  order?: ("level1" | "level2" | "level3" | "target" | "actual" | "weight" | "score" | "reason")[];
  rows: RowSpec[];
  /** "sum" (default): SUM formulas with cached results; "number": the sums typed; a value: typed as given; null: no total row. */
  total?: "sum" | "number" | { weight: Cell; score: Cell } | null;
  totalLabel?: string;
  /** Grade text written after the total (e.g. "优秀"); null for none. Default: the grade of Σ score. */
  grade?: string | null;
  /** Extra sheets placed before the table sheet. */
  extraSheetsBefore?: { name: string; rows: (string | number | null)[][] }[];
}

const DEFAULT_HEADERS = {
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  target: "目标值",
  actual: "完成情况",
  weight: "权重",
  score: "得分",
  reason: "偏差原因分析及改进措施",
};

export function gradeText(score: number): string {
  if (score >= 90) return "优秀";
  if (score >= 80) return "良好";
  if (score >= 60) return "中";
  return "差";
}

function num(c: Cell): number {
  if (typeof c === "number") return c;
  if (c && typeof c === "object" && typeof c.result === "number") return c.result;
  return 0;
}

function toExcel(c: Cell): ExcelJS.CellValue {
  if (c && typeof c === "object") return { formula: c.formula.replace(/^=/, ""), result: c.result } as ExcelJS.CellValue;
  return c;
}

export interface BuiltTable {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  totalRow?: number;
  /** 1-based column of each role. */
  columns: Record<string, number>;
}

export function buildTable(spec: TableSpec): BuiltTable {
  const wb = new ExcelJS.Workbook();
  for (const extra of spec.extraSheetsBefore ?? []) {
    const ws = wb.addWorksheet(extra.name);
    extra.rows.forEach((r) => ws.addRow(r));
  }
  const ws = wb.addWorksheet(spec.sheetName ?? "指标表");
  const hasReason = spec.rows.some((r) => r.reason !== undefined);
  const order = spec.order ?? [
    "level1",
    "level2",
    "level3",
    "target",
    "actual",
    "weight",
    "score",
    ...(hasReason ? (["reason"] as const) : []),
  ];
  const headers = { ...DEFAULT_HEADERS, ...spec.headers };
  const twoRow = (spec.header ?? "two-row") === "two-row";
  const origin = spec.origin ?? { row: spec.title === null ? 1 : 3, col: 1 };
  const columns: Record<string, number> = {};
  order.forEach((role, i) => (columns[role] = origin.col + i));
  const lastCol = origin.col + order.length - 1;

  if (spec.title !== null && origin.row > 1) {
    ws.getCell(1, origin.col).value = spec.title ?? "2020 年部门整体支出绩效评价指标表";
    ws.mergeCells(1, origin.col, 1, lastCol);
  }
  if (spec.unit !== null && origin.row > 2) {
    ws.getCell(2, origin.col).value = `填报单位：${spec.unit ?? "测试局"}`;
  }

  let r = origin.row;
  if (twoRow) {
    const levelCols = order.filter((x) => x === "level1" || x === "level2").map((x) => columns[x]);
    for (const role of order) {
      const c = columns[role];
      if (role === "level1" || role === "level2") {
        ws.getCell(r + 1, c).value = headers[role];
      } else {
        ws.getCell(r, c).value = headers[role];
        ws.mergeCells(r, c, r + 1, c);
      }
    }
    if (levelCols.length) {
      const a = Math.min(...levelCols);
      const b = Math.max(...levelCols);
      ws.getCell(r, a).value = "评价指标";
      if (b > a) ws.mergeCells(r, a, r, b);
    }
    r += 2;
  } else {
    for (const role of order) ws.getCell(r, columns[role]).value = headers[role];
    r += 1;
  }
  const headerRow = r - 1;
  const firstRow = r;
  const levels = spec.levels ?? "merged";
  const runStart: Record<string, number> = {};
  spec.rows.forEach((row, i) => {
    const rr = firstRow + i;
    const prev = spec.rows[i - 1];
    for (const role of order) {
      const c = columns[role];
      const v = (row as unknown as Record<string, Cell>)[role === "level3" ? "indicator" : role];
      if (role === "level1" || role === "level2") {
        const same = prev && prev.level1 === row.level1 && (role === "level1" || prev.level2 === row.level2);
        if (same && levels !== "repeated") continue;
        ws.getCell(rr, c).value = toExcel(v ?? null);
        continue;
      }
      if (v === undefined) continue;
      ws.getCell(rr, c).value = toExcel(v);
      if (row.numFmt && (role === "target" || role === "actual") && typeof v === "number") ws.getCell(rr, c).numFmt = row.numFmt;
    }
  });
  const lastRow = firstRow + spec.rows.length - 1;
  if (levels === "merged") mergeLevelRuns(ws, firstRow, spec.rows, columns);
  void runStart;

  let totalRow: number | undefined;
  const total = spec.total === undefined ? "sum" : spec.total;
  const sumW = spec.rows.reduce((s, x) => s + num(x.weight), 0);
  const sumS = spec.rows.reduce((s, x) => s + num(x.score), 0);
  if (total !== null) {
    totalRow = lastRow + 1;
    const labelCol = origin.col;
    ws.getCell(totalRow, labelCol).value = spec.totalLabel ?? "总分";
    const wc = columns.weight;
    const sc = columns.score;
    const mergeTo = Math.min(wc ?? lastCol, sc ?? lastCol) - 1;
    if (mergeTo > labelCol) ws.mergeCells(totalRow, labelCol, totalRow, mergeTo);
    const letter = (c: number) => ws.getColumn(c).letter;
    if (total === "sum") {
      if (wc) ws.getCell(totalRow, wc).value = { formula: `SUM(${letter(wc)}${firstRow}:${letter(wc)}${lastRow})`, result: sumW } as ExcelJS.CellValue;
      if (sc) ws.getCell(totalRow, sc).value = { formula: `SUM(${letter(sc)}${firstRow}:${letter(sc)}${lastRow})`, result: sumS } as ExcelJS.CellValue;
    } else if (total === "number") {
      if (wc) ws.getCell(totalRow, wc).value = sumW;
      if (sc) ws.getCell(totalRow, sc).value = sumS;
    } else {
      if (wc) ws.getCell(totalRow, wc).value = toExcel(total.weight);
      if (sc) ws.getCell(totalRow, sc).value = toExcel(total.score);
    }
    const grade = spec.grade === undefined ? gradeText(sumS) : spec.grade;
    if (grade !== null) {
      const after = Math.max(wc ?? 0, sc ?? 0) + 1;
      if (after <= lastCol) {
        ws.getCell(totalRow, after).value = `等级：${grade}`;
      } else {
        ws.getCell(totalRow + 1, origin.col).value = "评价等级";
        ws.getCell(totalRow + 1, origin.col + 1).value = grade;
      }
    }
  }
  return { workbook: wb, sheet: ws, headerRow, firstRow, lastRow, totalRow, columns };
}

export async function tableBuffer(spec: TableSpec): Promise<Buffer> {
  const { workbook } = buildTable(spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A valid small table: 10 rows of weight 10, all met, total 100, 优. */
export function validRows(n = 10, weight = 100 / n): RowSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    level1: i < n / 2 ? "产出指标" : "效益指标",
    level2: i < n / 2 ? "数量指标" : "社会效益指标",
    indicator: `指标${i + 1}`,
    target: "≥95%",
    actual: "98%",
    weight,
    score: weight,
  }));
}
