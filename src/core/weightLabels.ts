/**
 * Weights stated in labels rather than in a weight column: a block label 年度绩效目标1(40分),
 * a level label 产出指标（50分） (or a level cell holding only （50分）), a budget header
 * 得分(20分*执行率) or 分值(10分). The points are read from a bracket that holds a number
 * followed by 分; the label's name is what is left.
 */
import { toHalfWidth } from "./normalize";

const POINTS_BRACKET = /[(（]([^()（）]*?)(\d+(?:\.\d+)?)\s*分([^()（）]*)[)）]/g;

/** The points a label states in brackets (the last such bracket), or undefined. */
export function weightLabelOf(text: string): number | undefined {
  if (!text.includes("分")) return undefined;
  let found: number | undefined;
  for (const m of toHalfWidth(text).matchAll(POINTS_BRACKET)) {
    // 满分 or 权重 before the number is fine; another number (第2项 …) is not a weight.
    if (/\d/.test(m[1]) || /\d/.test(m[3].replace(/[*×xX].*$/, ""))) continue;
    found = Number(m[2]);
  }
  return found !== undefined && Number.isFinite(found) ? found : undefined;
}

const ANY_POINTS_BRACKET = /[(（][^()（）]*?[0-9０-９]+(?:[.．][0-9０-９]+)?\s*分[^()（）]*[)）]/g;

/** A level label without its points bracket: 产出指标（50分） → 产出指标; （50分） → "". */
export function levelName(text: string): string {
  if (weightLabelOf(text) === undefined) return text;
  return text.replace(ANY_POINTS_BRACKET, "").trim();
}

/** Whether a level cell holds nothing but a points bracket, （50分）. */
export function isOnlyWeightLabel(text: string): boolean {
  return text.trim() !== "" && levelName(text) === "";
}
