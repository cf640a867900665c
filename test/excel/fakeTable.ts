/**
 * Writes an indicator table of any length straight into a FakeWorkbook (no exceljs:
 * building 50,000 rows with it takes minutes). The official layout: title and 填报单位
 * rows, a two-row header (评价指标 merged over the level columns), level cells merged in
 * groups, a 总分 row with SUM formulas and the grade after it. For the tests and the benchmark.
 */
import { FakeWorkbook, type FakeOptions } from "./fakeExcel";

export interface FakeTableSpec {
  rows: number;
  /** Rows whose score exceeds the weight (0-based indexes into the indicator rows). */
  overScored?: number[];
  /** Rows whose actual reads 未完成 with full marks. */
  unmetFull?: number[];
  /** The total row types numbers instead of SUM formulas. */
  typedTotals?: boolean;
  /** The total's SUM formulas leave out the last indicator row. */
  shortTotals?: boolean;
  sheetName?: string;
}

export interface FakeTable {
  fake: FakeWorkbook;
  headerRows: [number, number];
  firstRow: number;
  lastRow: number;
  totalRow: number;
}

const LEVEL1 = ["产出指标", "效益指标", "满意度指标"];
const LEVEL2 = ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"];

export function fakeTable(spec: FakeTableSpec, options: FakeOptions = {}): FakeTable {
  const fake = new FakeWorkbook(options);
  const s = fake.addSheet(spec.sheetName ?? "指标表");
  const n = spec.rows;
  s.set("A1", "2020 年部门整体支出绩效评价指标表");
  s.merges.push("A1:G1");
  s.set("A2", "填报单位：测试局");
  s.set("A3", "评价指标");
  s.merges.push("A3:B3");
  s.set("A4", "一级指标");
  s.set("B4", "二级指标");
  const heads = ["三级指标", "目标值", "完成情况", "权重", "得分"];
  heads.forEach((h, i) => {
    const col = "CDEFG"[i];
    s.set(`${col}3`, h);
    s.merges.push(`${col}3:${col}4`);
  });
  const firstRow = 5;
  const lastRow = firstRow + n - 1;
  // Weights in hundredths so that they add up to exactly 100.
  const base = Math.floor(10000 / n);
  const over = new Set(spec.overScored ?? []);
  const unmet = new Set(spec.unmetFull ?? []);
  let sumW = 0;
  let sumS = 0;
  const l1Size = Math.ceil(n / LEVEL1.length);
  const l2Size = 5;
  for (let i = 0; i < n; i++) {
    const r = firstRow + i;
    const w = (i < 10000 % n ? base + 1 : base) / 100;
    const score = over.has(i) ? w + 1 : w;
    if (i % l1Size === 0) {
      s.set(`A${r}`, LEVEL1[Math.floor(i / l1Size)]);
      const end = Math.min(lastRow, r + l1Size - 1);
      if (end > r) s.merges.push(`A${r}:A${end}`);
    }
    if (i % l2Size === 0 || i % l1Size === 0) {
      s.set(`B${r}`, LEVEL2[Math.floor(i / l2Size) % LEVEL2.length]);
      const end = Math.min(lastRow, r + l2Size - 1 - (i % l2Size), firstRow + (Math.floor(i / l1Size) + 1) * l1Size - 1);
      if (end > r) s.merges.push(`B${r}:B${end}`);
    }
    s.set(`C${r}`, `指标${i + 1}`);
    s.set(`D${r}`, "≥95%");
    s.set(`E${r}`, unmet.has(i) ? "未完成" : "98%");
    s.set(`F${r}`, w);
    s.set(`G${r}`, score);
    sumW += w;
    sumS += score;
  }
  const totalRow = lastRow + 1;
  s.set(`A${totalRow}`, "总分");
  s.merges.push(`A${totalRow}:E${totalRow}`);
  if (spec.typedTotals) {
    s.set(`F${totalRow}`, Math.round(sumW * 100) / 100);
    s.set(`G${totalRow}`, Math.round(sumS * 100) / 100);
  } else {
    const end = spec.shortTotals ? lastRow - 1 : lastRow;
    s.set(`F${totalRow}`, `=SUM(F${firstRow}:F${end})`);
    s.set(`G${totalRow}`, `=SUM(G${firstRow}:G${end})`);
  }
  s.set(`A${totalRow + 1}`, "评价等级");
  s.set(`B${totalRow + 1}`, "优秀");
  return { fake, headerRows: [3, 4], firstRow, lastRow, totalRow };
}
