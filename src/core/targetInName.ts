/**
 * A target printed inside the indicator's name (天长 2022: `指标1：年度资金支付完成率100%`, with
 * 年度指标值 left empty). The name ends with a quantity a target is written as — a comparator and a
 * number (`满意度≥90`), or a number with a percent sign or a unit (`100%`, `200人次`, `3.5公里`),
 * optionally followed by 以上 / 以下 / 以内 — and that ending is read as the row's target. A bare
 * number at the end (`指标1`, `项目2`) is a numbering, not a target; a date (`2022年`) is not a quantity.
 */
import type { IndicatorValue } from "./types";
import { normalizeValueText, parseIndicatorValue } from "./parse";
import { comparatorBefore } from "./comparators";
import { unitAt } from "./units";

/** The template's numbering before a name: 指标1： */
const NUMBERING = /^指标([0-9一二三四五六七八九十]+|[nN])[:：]/;
/** The last number of the name and what follows it. */
const LAST_NUMBER = /(\d+(?:\.\d+)?)([^\d]*)$/;
/** Comparator words written after the quantity. */
const AFTER_WORD = /^(及?以上|及?以下|以内|内)?$/;

export function targetInName(name: string, reverse: boolean): IndicatorValue | undefined {
  const text = normalizeValueText(name).replace(/\s+/g, "").replace(NUMBERING, "");
  const m = LAST_NUMBER.exec(text);
  if (!m || m.index === undefined) return undefined;
  let after = m[2];
  let measured = false;
  if (after.startsWith("%") || after.startsWith("‰")) {
    after = after.slice(1);
    measured = true;
  } else {
    const unit = unitAt(after);
    if (unit) {
      after = after.slice(unit.length);
      measured = true;
    }
  }
  if (!AFTER_WORD.test(after)) return undefined;
  if (text.slice(0, m.index).endsWith("第")) return undefined; // 第3批: an ordinal
  const before = comparatorBefore(text.slice(0, m.index));
  if (!measured && !before && after === "") return undefined;
  // Only the quantity (with its comparator) is the target; the words before it name the indicator.
  const start = m.index - (before?.length ?? 0);
  if (start <= 0) return undefined; // a name that is nothing but a quantity is not a name with a target
  const value = parseIndicatorValue(text.slice(start), { role: "target", reverse });
  return value.kind === "number" ? value : undefined;
}
