import type { Rule } from "../types";
import { formatNumber } from "./format";
import { outermostGroups } from "../weightGroups";

export const NO_ROW_WEIGHTS: Rule = {
  code: "NO_ROW_WEIGHTS",
  type: "suggestion",
  defaultSeverity: "info",
  doc: "The table has no weight (权重/分值) column: the weights are taken from the indicators' own names when they state points (相关性(5分)), else from the block and level labels that do, and then the checks that need a row's weight (score above weight, bands, proportional score) are not made.",
  messages: {
    zh: "表中没有逐行的权重（分值）列：{basisZh}",
    en: "The table has no weight column: {basisEn}",
  },
  check(ctx) {
    if (ctx.layout.columns.weight !== undefined) return [];
    const labelled = ctx.rows.filter((r) => r.status !== "notApplicable" && r.weight.kind === "number");
    if (labelled.length > 0) {
      const example = labelled[0].indicator;
      return [
        {
          row: ctx.layout.headerRows[0],
          data: {
            basisZh: `权重取自各指标名称中的分值（如“${example}”），${labelled.length} 项标有分值`,
            basisEn: `the weights are taken from the points in the indicators' names (such as “${example}”), ${labelled.length} of them`,
          },
        },
      ];
    }
    const { groups } = outermostGroups(ctx.groups, ctx.rows);
    const labels = groups.map((g) => `${g.label}`);
    if (ctx.budget?.weight !== undefined) labels.unshift(`预算执行 ${formatNumber(ctx.budget.weight)}分`);
    const basis =
      groups.length > 0
        ? {
            basisZh: `权重取自标签 ${labels.join("、")}；逐行的得分与权重核查未做`,
            basisEn: `the weights are taken from the labels ${labels.join(", ")}; the per-row checks of score against weight were not made`,
          }
        : {
            basisZh: "也没有标明分值的分块标签，权重合计无法核查；逐行的得分与权重核查未做",
            basisEn: "no block label states a weight either, so the weight total cannot be checked; the per-row checks of score against weight were not made",
          };
    return [{ row: ctx.layout.headerRows[0], data: basis }];
  },
};
