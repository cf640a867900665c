import type { Rule, RuleReport } from "../types";
import { cellAddress } from "../address";
import { partsOf } from "../weightGroups";

const EPS = 1e-9;

export const LABEL_WEIGHT_MISMATCH: Rule = {
  code: "LABEL_WEIGHT_MISMATCH",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "A block or level label states points (年度绩效目标（80分）, 产出指标（50分）) that the weights inside it do not add up to: the labels inside it, or its rows' weights.",
  messages: {
    zh: "“{label}”标明 {weight} 分，其下{partsZh}合计 {sum} 分",
    en: "The label “{label}” states {weight} points but {partsEn} inside it add up to {sum}",
  },
  check(ctx) {
    const reports: RuleReport[] = [];
    for (const g of ctx.groups) {
      const parts = partsOf(g, ctx.groups, ctx.rows);
      if (!parts) continue;
      const off = parts.complete ? Math.abs(parts.weight - g.weight) : parts.weight - g.weight;
      if (off <= ctx.profile.tolerance + EPS) continue;
      reports.push({
        row: g.row,
        cell: cellAddress(g.row, g.col),
        data: {
          label: g.label,
          weight: g.weight,
          sum: parts.weight,
          partsZh: parts.kind === "groups" ? "各项标明的分值" : "各行权重",
          partsEn: parts.kind === "groups" ? "the points of the labels" : "the weights of the rows",
        },
      });
    }
    return reports;
  },
};
