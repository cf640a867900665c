/**
 * Unused slots of the official template (财预〔2020〕10号 prints 指标1：, 指标2：, …… under
 * every 二级指标). A row whose name is empty or only such a placeholder, and whose target,
 * result, weight and score are all blank (or a `/` mark), was never filled in: it is not an
 * indicator. A row with a placeholder name that does carry something is an indicator
 * without a name (INDICATOR_NAME_MISSING).
 */
import type { Message, Role } from "./types";
import type { Grid } from "./snapshot";
import { compactText } from "./normalize";
import { isPlainNotApplicableMark } from "./words";

/** 指标1：, 指标N：, ……, …, 其他, / : what the template prints where a name is to be written. */
const PLACEHOLDER = /^(指标([0-9一二三四五六七八九十]+|[nN])?[:：]|[…．.。·]+|其他|其它|[/\\]+|[-—–―－]+)$/;
/** 指标1 or 指标N without the colon: a placeholder only when nothing else is filled in (tests and forms use 指标1 as a name). */
const NUMBERED = /^指标([0-9一二三四五六七八九十]+|[nN])$/;

/**
 * The 一级 and 二级 category names of the template. Printed alone in the 三级指标 cell with
 * nothing beside them, they are the template's heading of a slot, not an indicator
 * (服务对象满意度指标 with no target and no score); with a target or a score they are a name.
 */
const CATEGORY_NAME = /^(产出|效益|满意度|数量|质量|时效|进度|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|社会公众满意度|部门特性|特性|个性|共性)指标$/;

/** The name is empty or a placeholder of the template: nothing tells what the indicator is. */
export function isPlaceholderName(name: string): boolean {
  const t = compactText(name);
  return t === "" || PLACEHOLDER.test(t);
}

/** A name a slot of the template may carry: a placeholder, or a category name printed alone. */
export function isSlotName(name: string): boolean {
  const t = compactText(name);
  return isPlaceholderName(t) || NUMBERED.test(t) || CATEGORY_NAME.test(t);
}

const VALUE_ROLES = ["target", "actual", "weight", "score"] as const;

/** Target, result, weight and score are all blank or a plain `/` mark (a formula counts as filled in). */
export function holdsNoValue(grid: Grid, row: number, columns: Partial<Record<Role, number>>): boolean {
  for (const role of VALUE_ROLES) {
    const c = columns[role];
    if (c === undefined || (grid.isBlank(row, c) && !grid.formula(row, c))) continue;
    const v = grid.value(row, c);
    if (typeof v === "string" && isPlainNotApplicableMark(v)) continue;
    return false;
  }
  return true;
}

/** Rows listed in the message; more are counted only. */
const LISTED_ROWS = 8;

/** What every host says once about the slots left out: "3 个空白模板行未计入（第 12、17、18 行）". */
export function skippedSlotsMessage(rows: readonly number[]): Message | undefined {
  if (rows.length === 0) return undefined;
  const shown = rows.slice(0, LISTED_ROWS);
  const more = rows.length > LISTED_ROWS;
  return {
    zh: `${rows.length} 个空白模板行未计入（第 ${shown.join("、")} 行${more ? "等" : ""}）`,
    en: `${rows.length} empty template row${rows.length === 1 ? "" : "s"} left out (row${rows.length === 1 ? "" : "s"} ${shown.join(", ")}${more ? " …" : ""})`,
  };
}
