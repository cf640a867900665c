import type { Message, Rule, RuleContext, RuleReport } from "../types";
import { cellAddress, columnLetter } from "../address";
import { budgetTotalCell } from "./budgetCells";
import { scoredRows } from "./scored";
import { summedRefs } from "./sumFormula";

/** [5,6,7,9] → "5–7、9" / "5–7, 9" */
function rowList(rows: number[]): Message {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return { zh: runs.join("、"), en: runs.join(", ") };
}

/** A number per cell (columns stay below 2^20), cheaper than a "row,col" string for long tables. */
const key = (row: number, col: number) => row * 1048576 + col;

function rangeProblems(ctx: RuleContext, role: "weight" | "score"): RuleReport[] {
  const { layout } = ctx;
  const formula = role === "weight" ? ctx.totals.weightFormula : ctx.totals.scoreFormula;
  const col = layout.columns[role];
  if (!formula || layout.totalRow === undefined || col === undefined) return [];
  const refs = summedRefs(formula);
  if (!refs) return [];

  // What the total must add: every scored indicator row in this column, and the 预算执行率 row's cell.
  const required = new Map<number, number>();
  for (const r of scoredRows(ctx)) required.set(key(r.row, col), r.row);
  const budget = budgetTotalCell(ctx, role);
  if (budget) required.set(key(budget.row, budget.col), budget.row);
  // Blank rows and rows that do not apply inside the table may be summed or left out.
  const harmless = (row: number, c: number) => c === col && row >= layout.firstRow && row <= layout.lastRow;

  const covered = new Set<number>();
  const extraRows = new Set<number>();
  const otherColumns = new Set<number>();
  let otherSheet = false;
  for (const ref of refs) {
    if (ref.sheet !== undefined && ref.sheet !== ctx.snapshot.name) {
      otherSheet = true;
      continue;
    }
    for (let r = ref.top; r <= ref.bottom; r++) {
      for (let c = ref.left; c <= ref.right; c++) {
        const k = key(r, c);
        covered.add(k);
        if (required.has(k) || harmless(r, c)) continue;
        if (c === col) extraRows.add(r);
        else otherColumns.add(c);
      }
    }
  }
  const budgetKey = budget && key(budget.row, budget.col);
  const budgetMissing = budgetKey !== undefined && !covered.has(budgetKey);
  const missing = [...required].filter(([k]) => k !== budgetKey && !covered.has(k)).map(([, row]) => row);
  if (missing.length === 0 && !budgetMissing && extraRows.size === 0 && otherColumns.size === 0 && !otherSheet) return [];

  const zh: string[] = [];
  const en: string[] = [];
  if (missing.length) {
    const l = rowList(missing);
    zh.push(`漏了第 ${l.zh} 行`);
    en.push(`misses row${missing.length > 1 ? "s" : ""} ${l.en}`);
  }
  if (budget && budgetMissing) {
    const at = cellAddress(budget.row, budget.col);
    zh.push(`漏了预算执行率行的 ${at}`);
    en.push(`misses ${at} of the budget execution row`);
  }
  if (extraRows.size) {
    const l = rowList([...extraRows]);
    zh.push(`多算了第 ${l.zh} 行`);
    en.push(`also adds row${extraRows.size > 1 ? "s" : ""} ${l.en}`);
  }
  if (otherColumns.size) {
    const cols = [...otherColumns].sort((a, b) => a - b).map(columnLetter);
    zh.push(`计入了 ${cols.join("、")} 列`);
    en.push(`adds column${cols.length > 1 ? "s" : ""} ${cols.join(", ")}`);
  }
  if (otherSheet) {
    zh.push("引用了其他工作表");
    en.push("refers to another sheet");
  }
  const L = columnLetter(col);
  const parts = [`${L}${layout.firstRow}:${L}${layout.lastRow}`];
  if (budget && (budget.row < layout.firstRow || budget.row > layout.lastRow)) parts.push(cellAddress(budget.row, budget.col));
  return [
    {
      row: layout.totalRow,
      cell: cellAddress(layout.totalRow, col),
      data: {
        whatZh: role === "weight" ? "权重" : "得分",
        whatEn: role,
        formula,
        detailZh: zh.join("，"),
        detailEn: en.join(", "),
        expected: `=SUM(${parts.join(",")})`,
      },
    },
  ];
}

export const TOTAL_FORMULA_RANGE: Rule = {
  code: "TOTAL_FORMULA_RANGE",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "A weight or score total formula does not add up exactly the indicator rows of its column (and the 预算执行率 row's 分值 or 得分).",
  messages: {
    zh: "{whatZh}合计公式 {formula} 未恰好覆盖指标行：{detailZh}；应为 {expected}",
    en: "The {whatEn} total formula {formula} does not cover exactly the indicator rows: it {detailEn}; expected {expected}",
  },
  check: (ctx) => [...rangeProblems(ctx, "weight"), ...rangeProblems(ctx, "score")],
};
