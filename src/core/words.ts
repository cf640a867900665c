/**
 * Qualitative words of 完成情况 cells (SPEC §2) and the marks of a row that
 * does not apply. Words match whole cells only: 通过初评 is not the word 通过.
 */
import { compactText } from "./normalize";
import { memoByText } from "./memo";

export type Level = "met" | "partial" | "unmet";

const MET_WORDS = [
  // SPEC §2
  "完成", "已完成", "全部完成", "按时完成", "达成", "达到", "达成预期指标", "达成年度指标", "实现", "是", "有", "通过", "100%",
  // the same said with 已 / 全面 / 均 …
  "已全部完成", "已按时完成", "全面完成", "圆满完成", "顺利完成", "均已完成", "全部达成", "已达成", "已达到",
  "已实现", "全部实现", "达标", "已达标", "全部达标", "已通过", "达成预期目标", "达成年度目标", "达到预期目标",
  "完成年度指标", "完成年度目标", "完成预期目标", "按期完成",
];

const PARTIAL_WORDS = [
  // SPEC §2
  "基本完成", "基本达成", "基本达到", "部分完成", "部分达成", "部分达成年度指标并具有一定效果", "较好", "基本健全",
  "基本实现", "部分实现", "基本达标", "部分达到", "大部分完成", "基本通过",
];

const UNMET_WORDS = [
  // SPEC §2
  "未完成", "未达成", "未达到", "未达成年度指标且效果较差", "未通过", "否", "无", "没有",
  "未实现", "未达标", "不达标", "没有完成", "未按时完成", "未按期完成", "尚未完成", "不通过",
];

const LEVEL_OF = new Map<string, Level>([
  ...MET_WORDS.map((w): [string, Level] => [w, "met"]),
  ...PARTIAL_WORDS.map((w): [string, Level] => [w, "partial"]),
  ...UNMET_WORDS.map((w): [string, Level] => [w, "unmet"]),
]);

/** A cell's words without spaces, wrapping quotes/brackets or a closing full stop. */
export const bareWords = memoByText((text: string): string =>
  compactText(text)
    .replace(/[。.!！;；,，、]+$/, "")
    .replace(/^["“”'‘’「『]+|["“”'‘’」』]+$/g, ""),
);

/** The level of a whole completion word (完成 → met, 基本完成 → partial, 未完成 → unmet), if the cell is one. */
export function levelOfWord(text: string): Level | undefined {
  return LEVEL_OF.get(bareWords(text));
}

/** Marks a cell does not apply: `/`, `—`, 不适用 (and 无, which is also an unmet word in 完成情况). */
const NOT_APPLICABLE = /^(\/+|[-—–―－]+|不适用|不涉及|n\/?a|无)$/i;

/** The whole cell is a not-applicable mark, 无 included. */
export function isNotApplicableMark(text: string): boolean {
  return NOT_APPLICABLE.test(bareWords(text));
}

/** A not-applicable mark that can mean nothing else (无 is left out: as a result it means "none", an unmet word). */
export function isPlainNotApplicableMark(text: string): boolean {
  const w = bareWords(text);
  return w !== "无" && NOT_APPLICABLE.test(w);
}

/** 无 / 没有 / 否 / 零 / 0: the cell says "none" (无安全事故 against 无 is met). */
export function saysNone(text: string): boolean {
  const w = bareWords(text);
  return /^(无|没有|否|零|未发生|没有发生|杜绝)/.test(w) || /^0(\.0+)?(起|次|件|个|例|人|人次|%)?$/.test(w);
}
