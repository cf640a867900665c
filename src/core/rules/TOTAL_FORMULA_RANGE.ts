import type { Message, Rule, RuleContext, RuleReport } from "../types";
import { cellAddress, columnLetter } from "../address";
import { totalFormula } from "../plan";
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

function rangeProblems(ctx: RuleContext, role: "weight" | "score"): RuleReport[] {
  const { layout } = ctx;
  const formula = role === "weight" ? ctx.totals.weightFormula : ctx.totals.scoreFormula;
  const col = layout.columns[role];
  if (!formula || layout.totalRow === undefined || col === undefined) return [];
  const refs = summedRefs(formula);
  if (!refs) return [];

  const budgetRow = layout.budgetRow ?? ctx.budget?.row;
  const required = new Set(scoredRows(ctx).map((r) => r.row));
  if (budgetRow !== undefined) required.add(budgetRow);
  // Blank rows and rows that do not apply may be inside a range or left out of it.
  const mayCover = (row: number) => required.has(row) || (row >= layout.firstRow && row <= layout.lastRow);

  const covered = new Set<number>();
  const otherColumns = new Set<string>();
  let otherSheet = false;
  for (const ref of refs) {
    if (ref.sheet !== undefined && ref.sheet !== ctx.snapshot.name) {
      otherSheet = true;
      continue;
    }
    for (let c = ref.left; c <= ref.right; c++) if (c !== col) otherColumns.add(columnLetter(c));
    if (ref.left <= col && col <= ref.right) for (let r = ref.top; r <= ref.bottom; r++) covered.add(r);
  }
  const missing = [...required].filter((r) => !covered.has(r));
  const extra = [...covered].filter((r) => !mayCover(r));
  if (missing.length === 0 && extra.length === 0 && otherColumns.size === 0 && !otherSheet) return [];

  const zh: string[] = [];
  const en: string[] = [];
  if (missing.length) {
    const l = rowList(missing);
    zh.push(`漏了第 ${l.zh} 行`);
    en.push(`misses row${missing.length > 1 ? "s" : ""} ${l.en}`);
  }
  if (extra.length) {
    const l = rowList(extra);
    zh.push(`多算了第 ${l.zh} 行`);
    en.push(`also adds row${extra.length > 1 ? "s" : ""} ${l.en}`);
  }
  if (otherColumns.size) {
    const cols = [...otherColumns].sort();
    zh.push(`计入了 ${cols.join("、")} 列`);
    en.push(`adds column${cols.length > 1 ? "s" : ""} ${cols.join(", ")}`);
  }
  if (otherSheet) {
    zh.push("引用了其他工作表");
    en.push("refers to another sheet");
  }
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
        expected: totalFormula(layout, col),
      },
    },
  ];
}

export const TOTAL_FORMULA_RANGE: Rule = {
  code: "TOTAL_FORMULA_RANGE",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "A weight or score total formula does not add up exactly the indicator rows (and the 预算执行率 row) of its column.",
  messages: {
    zh: "{whatZh}合计公式 {formula} 未恰好覆盖指标行：{detailZh}；应为 {expected}",
    en: "The {whatEn} total formula {formula} does not cover exactly the indicator rows: it {detailEn}; expected {expected}",
  },
  check: (ctx) => [...rangeProblems(ctx, "weight"), ...rangeProblems(ctx, "score")],
};
