import type { Rule, RuleReport } from "../types";
import { compactText } from "../normalize";
import { indicatorCell } from "./cells";
import { scoredRows } from "./scored";

const TRAILING_PUNCTUATION = "。.，,；;、:：";

/** Indicator text for comparison: half-width, no spaces, no trailing punctuation, case folded. */
function key(text: string): string {
  const t = compactText(text);
  let end = t.length;
  while (end > 0 && TRAILING_PUNCTUATION.includes(t[end - 1])) end--;
  const k = end === t.length ? t : t.slice(0, end);
  // Most indicators are Chinese: folding case only when there is a capital saves a copy of each.
  return /[A-Z\u00c0-\u2e7f]/.test(k) ? k.toLowerCase() : k;
}

export const DUPLICATE_INDICATOR: Rule = {
  code: "DUPLICATE_INDICATOR",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "The same indicator (二级指标 + 三级指标) appears twice in a block; the second occurrence is reported.",
  messages: {
    zh: "指标“{indicator}”与第 {firstRow} 行重复",
    en: "The indicator “{indicator}” repeats row {firstRow}",
  },
  check(ctx) {
    const reports: RuleReport[] = [];
    // By level2 text as written, then by indicator key: a level2 stands over many rows, so its key is worked out once.
    const byLevel2Text = new Map<string, Map<string, number>>();
    const byLevel2Key = new Map<string, Map<string, number>>();
    // Blocks under their own header (年度绩效目标1 / 2) may each hold the same indicator.
    const blockStarts = ctx.layout.blockHeaderRows ?? [];
    let block = 0;
    for (const r of scoredRows(ctx)) {
      const name = key(r.indicator);
      if (name === "") continue;
      if (block < blockStarts.length && r.row > blockStarts[block]) {
        while (block < blockStarts.length && r.row > blockStarts[block]) block++;
        byLevel2Text.clear();
        byLevel2Key.clear();
      }
      let seen = byLevel2Text.get(r.level2);
      if (seen === undefined) {
        const level2 = key(r.level2);
        seen = byLevel2Key.get(level2);
        if (seen === undefined) byLevel2Key.set(level2, (seen = new Map()));
        byLevel2Text.set(r.level2, seen);
      }
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, r.row);
        continue;
      }
      reports.push({ row: r.row, cell: indicatorCell(ctx, r.row), data: { indicator: r.indicator, firstRow: first } });
    }
    return reports;
  },
};
