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

const REQUIRED = 1;
const COVERED = 2;

function rangeProblems(ctx: RuleContext, role: "weight" | "score"): RuleReport[] {
  const { layout } = ctx;
  const formula = role === "weight" ? ctx.totals.weightFormula : ctx.totals.scoreFormula;
  const col = layout.columns[role];
  if (!formula || layout.totalRow === undefined || col === undefined) return [];
  const refs = summedRefs(formula);
  if (!refs) return [];
  const own = refs.filter((ref) => ref.sheet === undefined || ref.sheet === ctx.snapshot.name);
  const otherSheet = own.length < refs.length;

  // What the total must add: every scored indicator row in this column, and the 预算执行率 row's cell
  // (which may stand in another column). One flag byte per row of this column.
  const scored = scoredRows(ctx);
  let size = layout.lastRow + 1;
  for (const r of scored) size = Math.max(size, r.row + 1);
  for (const ref of own) if (ref.left <= col && ref.right >= col) size = Math.max(size, ref.bottom + 1);
  const flags = new Uint8Array(size);
  for (const r of scored) flags[r.row] |= REQUIRED;
  const budget = budgetTotalCell(ctx, role);
  const isBudget = (row: number, c: number) => budget !== undefined && budget.row === row && budget.col === c;
  // Blank rows and rows that do not apply inside the table may be summed or left out.
  const harmless = (row: number) => row >= layout.firstRow && row <= layout.lastRow;

  let budgetCovered = false;
  const extraRows = new Set<number>();
  const otherColumns = new Set<number>();
  for (const ref of own) {
    for (let c = ref.left; c <= ref.right; c++) {
      if (budget && budget.col === c && budget.row >= ref.top && budget.row <= ref.bottom) budgetCovered = true;
      if (c !== col) {
        // Every cell of another column counts against the formula, unless it is the budget row's own cell.
        if (!(ref.top === ref.bottom && isBudget(ref.top, c))) otherColumns.add(c);
        continue;
      }
      for (let r = ref.top; r <= ref.bottom; r++) {
        const f = flags[r];
        flags[r] = f | COVERED;
        if (f & REQUIRED || harmless(r) || isBudget(r, c)) continue;
        extraRows.add(r);
      }
    }
  }
  const budgetMissing = budget !== undefined && !budgetCovered;
  const missing: number[] = [];
  for (const r of scored) if ((flags[r.row] & COVERED) === 0) missing.push(r.row);
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
