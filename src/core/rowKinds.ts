/**
 * Labels that tell what a row of the table is when it is not an indicator:
 * the total (总分 / 合计 / 总计), a subtotal (小计), the 预算执行率 row of a
 * project table, or a note under the table (注：…, 填表人：…).
 */
import { compactText } from "./normalize";
import { normalizeHeader } from "./headers";

const TOTAL_LABEL = /^(总分|合计|总计|总得分|得分合计|合计得分|总分合计|总计得分|分值合计|总分值|综合得分|评价总分|自评总分|总体得分|合计分值|总体评分)$/;
const SUBTOTAL_LABEL = /^(小计|分项小计|本项小计)$/;
const BUDGET_RATE_LABEL = /^(预算执行率|预算资金执行率|资金执行率|项目预算执行率)$/;
const NOTE_START = /^(注\d*[:：.、]|注$|说明[:：]|备注[:：]|填表说明|填报说明|填表人|填报人|制表人|审核人|复核人|负责人|单位负责人|财务负责人|联系人|联系电话|填报日期|填表日期|日期[:：])/;

function label(text: string): string {
  return normalizeHeader(text);
}

/*
 * These run on several cells of every row. Normalising only removes characters
 * (spaces, a trailing bracket or colon) and turns full-width ASCII half-width, so
 * a cell without a character that every label has cannot be one: checked first.
 */

export function isTotalLabel(text: string): boolean {
  return /[总合]/.test(text) && TOTAL_LABEL.test(label(text));
}

export function isSubtotalLabel(text: string): boolean {
  return text.includes("小") && SUBTOTAL_LABEL.test(label(text));
}

/** 预算执行率 as a row label (not 支出预算执行率, which is an ordinary indicator of 部门整体 tables). */
export function isBudgetRateLabel(text: string): boolean {
  return text.includes("率") && BUDGET_RATE_LABEL.test(label(text));
}

/** Text that starts a note or a signature line under the table. */
export function isNoteText(text: string): boolean {
  return NOTE_START.test(compactText(text));
}
