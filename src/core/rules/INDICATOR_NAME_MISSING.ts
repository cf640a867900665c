import type { Rule } from "../types";
import { isPlaceholderName } from "../templateSlots";
import { indicatorCell } from "./cells";
import { reportRows, scoredRows } from "./scored";

/** What the nameless row carries, for the message. */
function carried(r: { target: { kind: string }; actual: { kind: string }; weight: { kind: string }; score: { kind: string } }) {
  const zh: string[] = [];
  const en: string[] = [];
  if (r.target.kind !== "empty") zh.push("目标值"), en.push("a target");
  if (r.actual.kind !== "empty") zh.push("完成情况"), en.push("a result");
  if (r.weight.kind !== "empty") zh.push("权重"), en.push("a weight");
  if (r.score.kind !== "empty") zh.push("得分"), en.push("a score");
  return { whatZh: zh.join("、"), whatEn: en.join(", ") };
}

export const INDICATOR_NAME_MISSING: Rule = {
  code: "INDICATOR_NAME_MISSING",
  type: "suggestion",
  defaultSeverity: "warning",
  doc: "A row carries a target, result, weight or score but its indicator name is empty or only the template's placeholder (指标1：, ……, 其他, /). Reported once for the row: its empty cells are not reported one by one.",
  messages: {
    zh: "第 {row} 行填有{whatZh}，但三级指标名称为“{name}”：请写明指标名称",
    en: "Row {row} has {whatEn} but its indicator name is “{name}”: name the indicator",
  },
  check(ctx) {
    return reportRows(scoredRows(ctx), (r) =>
      isPlaceholderName(r.indicator) ? [{ row: r.row, cell: indicatorCell(ctx, r.row), data: { row: r.row, name: r.indicator, ...carried(r) } }] : [],
    );
  },
};
