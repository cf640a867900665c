import type { Rule, RuleReport } from "../types";
import { compactText } from "../normalize";
import { indicatorCell } from "./cells";
import { scoredRows } from "./scored";

/** Indicator text for comparison: half-width, no spaces, no trailing punctuation, case folded. */
function key(text: string): string {
  return compactText(text).replace(/[。.，,；;、:：]+$/, "").toLowerCase();
}

export const DUPLICATE_INDICATOR: Rule = {
  code: "DUPLICATE_INDICATOR",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "The same indicator (二级指标 + 三级指标) appears twice; the second occurrence is reported.",
  messages: {
    zh: "指标“{indicator}”与第 {firstRow} 行重复",
    en: "The indicator “{indicator}” repeats row {firstRow}",
  },
  check(ctx) {
    const seen = new Map<string, number>();
    const reports: RuleReport[] = [];
    // A level2 text stands over many rows: its key is worked out once.
    const level2Keys = new Map<string, string>();
    for (const r of scoredRows(ctx)) {
      const name = key(r.indicator);
      if (name === "") continue;
      let level2 = level2Keys.get(r.level2);
      if (level2 === undefined) level2Keys.set(r.level2, (level2 = key(r.level2)));
      const k = `${level2}\u0000${name}`;
      const first = seen.get(k);
      if (first === undefined) {
        seen.set(k, r.row);
        continue;
      }
      reports.push({ row: r.row, cell: indicatorCell(ctx, r.row), data: { indicator: r.indicator, firstRow: first } });
    }
    return reports;
  },
};
