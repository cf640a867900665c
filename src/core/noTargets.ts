/**
 * A scoring table without 目标值 and 完成值 columns (一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 得分, or
 * 指标 | 分值 | 评分标准 | 自评分): there is nothing to judge a row's achievement by, so every row is
 * 需人工判断. Said once for the table rather than row by row; the weights and scores are still checked.
 */
import type { Message, TableLayout } from "./types";

export function noTargetsMessage(layout: TableLayout, rows: number): Message | undefined {
  if (layout.columns.target !== undefined || layout.columns.actual !== undefined || rows === 0) return undefined;
  return {
    zh: `表中没有目标值和完成值列：${rows} 项指标的达成情况无从判定，只核对了分值与得分。`,
    en: `The table has no target and no result column: whether its ${rows} indicator${rows === 1 ? " was" : "s were"} met cannot be judged; only weights and scores were checked.`,
  };
}
