/**
 * What the rows above an indicator table say about it: its title
 * (…绩效评价指标表) and 填报单位 (from a "填报单位：…" metadata row).
 */
import type { Grid } from "./snapshot";
import { compactText, toHalfWidth } from "./normalize";

/** Unit keys, most specific first; 实施单位 and a bare 单位 only when nothing better is there. */
const UNIT_KEYS = ["填报单位", "单位名称", "填报部门", "部门名称", "评价单位", "预算单位", "部门(单位)名称", "实施单位", "单位"];
const META_KEY = /^(填报单位|单位名称|填报部门|部门名称|评价单位|预算单位|实施单位|主管部门|单位|填报日期|填表日期|日期|年度|项目名称|金额单位|单位[:：]万元|填报人|填表人|联系电话)/;
/** Where one metadata item ends and the next begins inside one cell ("填报单位：某局   填报日期：…"). */
const NEXT_ITEM = /\s{2,}|[\r\n]|\s*(填报日期|填表日期|日期|填报人|填表人|联系电话|金额单位|单位[:：](万元|元))/;
const MONEY_UNIT = /^[(（]?(万元|元|亿元|千元)[)）]?$/;
const TITLE_WORDS = /(绩效|评价|自评|考核).*表|指标表|自评表|评价表/;
/** Rows above the header looked at for the title and 填报单位. */
const META_REACH = 12;

function rowTexts(grid: Grid, row: number): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const t = grid.text(row, c);
    if (t) out.push({ col: c, text: t });
  }
  return out;
}

function isMetaText(text: string): boolean {
  return META_KEY.test(compactText(text)) && /[:：]/.test(text);
}

/**
 * The title: the nearest single-text row above the header (past blank and
 * metadata rows) that reads as a title; else the first row of the sheet that
 * reads like …绩效…表 above the header (a project table's title stands above its budget block).
 */
export function findTitle(grid: Grid, headerTop: number): string | undefined {
  const stop = Math.max(grid.firstRow, headerTop - META_REACH);
  for (let r = headerTop - 1; r >= stop; r--) {
    const texts = rowTexts(grid, r);
    if (texts.length === 0) continue;
    if (texts.every((t) => isMetaText(t.text) || /^[(（].*[)）]$/.test(t.text))) continue;
    if (texts.length === 1 && !isMetaText(texts[0].text) && texts[0].text.length <= 80 && TITLE_WORDS.test(compactText(texts[0].text))) {
      return texts[0].text;
    }
    break;
  }
  for (let r = grid.firstRow; r < headerTop; r++) {
    const texts = rowTexts(grid, r);
    if (texts.length === 1 && texts[0].text.length <= 80 && !isMetaText(texts[0].text) && TITLE_WORDS.test(compactText(texts[0].text))) {
      return texts[0].text;
    }
  }
  return undefined;
}

const KEY_PATTERNS = new Map<string, RegExp>();

function keyPattern(key: string): RegExp {
  const known = KEY_PATTERNS.get(key);
  if (known) return known;
  const chars = [...key].map((ch) => ch.replace(/[()]/g, "\\$&"));
  // "填报单位（盖章）：…": a bracketed remark may stand between the key and its colon.
  const re = new RegExp(`^${chars.join("\\s*")}[ \\t]*(?:\\([^)]*\\))?[ \\t]*(:?)[ \\t]*([\\s\\S]*)$`);
  KEY_PATTERNS.set(key, re);
  return re;
}

function unitFromCell(grid: Grid, row: number, col: number, key: string): string | undefined {
  const raw = grid.value(row, col);
  if (typeof raw !== "string") return undefined;
  // Raw text: runs of spaces and line breaks separate items written in one cell.
  const m = keyPattern(key).exec(toHalfWidth(raw).replace(/\u00a0/g, " ").trim());
  if (!m) return undefined;
  const [, colon, after] = m;
  let rest = after;
  const cut = NEXT_ITEM.exec(rest);
  if (cut) rest = rest.slice(0, cut.index);
  rest = rest.trim();
  if (!rest) {
    if (after.trim()) return undefined;
    // A label cell: the value is the next text to the right.
    for (let c = col + 1; c <= grid.lastCol; c++) {
      const t = grid.text(row, c);
      if (t) return isMetaText(t) ? undefined : t;
    }
    return undefined;
  }
  // Without a colon the key must be the whole label ("单位名称" not "单位名称表").
  if (!colon) return undefined;
  if (MONEY_UNIT.test(rest)) return undefined;
  return rest;
}

/** 填报单位 from the rows above the header, when the sheet states it. */
export function findUnit(grid: Grid, headerTop: number): string | undefined {
  const start = Math.max(grid.firstRow, headerTop - META_REACH * 3);
  for (const key of UNIT_KEYS) {
    for (let r = start; r < headerTop; r++) {
      for (let c = grid.firstCol; c <= grid.lastCol; c++) {
        const v = grid.value(r, c);
        if (typeof v !== "string") continue;
        const unit = unitFromCell(grid, r, c, key);
        if (unit) return unit;
      }
    }
  }
  return undefined;
}

/**
 * The unit named at the start of a title, before its year: "如皋市行政审批局2020年度部门整体支出
 * 绩效自评表" → 如皋市行政审批局. Used only when no 填报单位 row states it.
 */
export function unitFromTitle(title: string): string | undefined {
  const m = /^\s*(.+?)\s*(?:19|20)\d{2}\s*年/.exec(title);
  if (!m) return undefined;
  const unit = m[1].replace(/[（(]?(盖章)?[)）]?$/, "").trim();
  if (unit.length < 2 || /^[_＿\s]+$/.test(unit) || /表$/.test(unit)) return undefined;
  return unit;
}
