/**
 * Blocks and levels whose weight a label states (SPEC-level decision, docs/rules.md):
 * - a block: the table's header row, or a row inside it that repeats the header, with a
 *   label holding points in brackets outside the weight and score columns
 *   (年度绩效目标1(40分) | 一级指标 | 二级指标 …), or with that label alone on the row just
 *   above it (职能一：…（30分）); the block runs to the next header row;
 * - a level: a 一级 or 二级 cell of its own with points in brackets (产出指标（50分）),
 *   or a cell holding only （50分） under a level that has none yet.
 * Each group adds up the scores of its indicator rows that apply.
 */
import type { JudgedRow, Role, TableLayout, WeightGroup } from "./types";
import type { Grid } from "./snapshot";
import { isOnlyWeightLabel, weightLabelOf } from "./weightLabels";
import { nameColumnLabelWeight } from "./labelRows";

/** The label with points on a header row, outside the columns of weight and score. */
function blockLabel(grid: Grid, row: number, layout: TableLayout): { text: string; col: number; weight: number } | undefined {
  const { weight, score } = layout.columns;
  for (let c = layout.firstColumn; c <= layout.lastColumn; c++) {
    if (c === weight || c === score) continue;
    const v = grid.value(row, c);
    if (typeof v !== "string") continue;
    const w = weightLabelOf(v);
    if (w !== undefined) return { text: v.trim(), col: c, weight: w };
  }
  return undefined;
}

/**
 * A block's label on its own row just above its header (职能一：xxx（30分）, then the header):
 * the only text of that row, with points, and not the budget block's row.
 */
function labelAbove(grid: Grid, headerRow: number, layout: TableLayout): { text: string; col: number; weight: number } | undefined {
  const r = headerRow - 1;
  if (r < grid.firstRow || (layout.budgetRow !== undefined && r <= layout.budgetRow)) return undefined;
  let found: { text: string; col: number; weight: number } | undefined;
  // The label may start left of the header (a label column the header leaves blank).
  for (let c = Math.max(grid.firstCol, layout.firstColumn - 2); c <= layout.lastColumn; c++) {
    if (grid.isBlank(r, c)) continue;
    if (found) return undefined;
    const v = grid.value(r, c);
    const w = typeof v === "string" ? weightLabelOf(v) : undefined;
    if (w === undefined) return undefined;
    found = { text: (v as string).trim(), col: c, weight: w };
  }
  return found;
}

/** A level's points in the 分值 column beside it, when the header has one. */
function levelPoints(grid: Grid, row: number, col: number | undefined): number | undefined {
  if (col === undefined) return undefined;
  const v = grid.value(row, col);
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

interface Open {
  group?: WeightGroup;
  /** The level's text as written: the same text repeated on the next rows continues it. */
  text?: string;
  /** The level's own name cell was seen (a following （50分） cell may give its weight). */
  named: boolean;
}

export function readWeightGroups(grid: Grid, layout: TableLayout, rows: readonly JudgedRow[]): WeightGroup[] {
  const groups: WeightGroup[] = [];
  let next = 0; // rows come in sheet order: walked alongside the sheet rows
  const headerRows = new Set([...layout.headerRows, ...(layout.blockHeaderRows ?? [])]);
  const open: Record<"block" | "level1" | "level2", Open> = { block: { named: false }, level1: { named: false }, level2: { named: false } };
  const start = (kind: WeightGroup["kind"], row: number, col: number, text: string, weight: number | undefined) => {
    open[kind] = { named: true };
    if (weight === undefined) return;
    const group: WeightGroup = { kind, label: text.trim(), weight, row, col, score: 0, rows: [] };
    groups.push(group);
    open[kind].group = group;
  };
  const level = (kind: "level1" | "level2", role: Role, r: number) => {
    const col = layout.columns[role];
    if (col === undefined || grid.isBlank(r, col)) return;
    const v = grid.value(r, col);
    const text = typeof v === "string" ? v : grid.text(r, col);
    if (text === open[kind].text) return;
    if (isOnlyWeightLabel(text)) {
      // （50分） under a level named just above: that level's weight; else a level without a name.
      const o = open[kind];
      if (o.named && o.group === undefined) {
        const group: WeightGroup = { kind, label: text.trim(), weight: weightLabelOf(text)!, row: r, col, score: 0, rows: [] };
        groups.push(group);
        o.group = group;
        return;
      }
    }
    const labelled = weightLabelOf(text);
    const pointsCol = layout.columns[kind === "level1" ? "level1Weight" : "level2Weight"];
    const points = labelled === undefined ? levelPoints(grid, r, pointsCol) : undefined;
    if (points !== undefined) start(kind, r, pointsCol!, text, points);
    else start(kind, r, col, text, labelled);
    open[kind].text = text;
    if (kind === "level1") open.level2 = { named: false };
  };

  const top = Math.min(...layout.headerRows);
  for (let r = top; r <= layout.lastRow; r++) {
    if (headerRows.has(r)) {
      if (r !== top && layout.headerRows.includes(r)) continue; // the second row of the table's own header
      const above = labelAbove(grid, r, layout);
      const label = blockLabel(grid, r, layout) ?? above;
      open.block = { named: true };
      if (label) start("block", label === above ? r - 1 : r, label.col, label.text, label.weight);
      open.level1 = { named: false };
      open.level2 = { named: false };
      continue;
    }
    if (r === layout.budgetRow) continue;
    level("level1", "level1", r);
    level("level2", "level2", r);
    const inName = nameColumnLabelWeight(grid, r, layout);
    if (inName !== undefined) {
      start("level2", r, layout.columns.level3!, grid.text(r, layout.columns.level3!), inName);
      continue;
    }
    while (next < rows.length && rows[next].row < r) next++;
    const row = next < rows.length && rows[next].row === r ? rows[next] : undefined;
    if (!row || row.status === "notApplicable") continue;
    for (const kind of ["block", "level1", "level2"] as const) {
      const g = open[kind].group;
      if (!g) continue;
      g.rows.push(r);
      if (row.score.kind === "number") g.score = Math.round((g.score + row.score.value) * 100) / 100;
    }
  }
  // A header label that holds points but stands over no indicator is not a block.
  return groups.filter((g) => g.kind !== "block" || g.rows.length > 0);
}

/**
 * The groups whose weights make up the table's weight total: the outermost kind that has
 * any (blocks, else 一级, else 二级), and whether every indicator row lies in one of them.
 */
export function outermostGroups(groups: readonly WeightGroup[], rows: readonly JudgedRow[]): { groups: WeightGroup[]; complete: boolean } {
  for (const kind of ["block", "level1", "level2"] as const) {
    const of = groups.filter((g) => g.kind === kind);
    if (of.length === 0) continue;
    const covered = new Set(of.flatMap((g) => g.rows));
    const complete = rows.every((r) => r.status === "notApplicable" || covered.has(r.row));
    return { groups: of, complete };
  }
  return { groups: [], complete: false };
}

const KINDS: WeightGroup["kind"][] = ["block", "level1", "level2"];

/**
 * What a group's weight is made of: the weights of the groups of the next kind inside it
 * (产出指标（60分） and 效益指标（40分） inside 年度绩效目标（80分）), else its rows' own weights
 * when every row has one. Undefined when nothing inside states a weight.
 */
export function partsOf(
  group: WeightGroup,
  groups: readonly WeightGroup[],
  rows: readonly JudgedRow[],
): { weight: number; kind: "groups" | "rows"; complete: boolean } | undefined {
  if (group.rows.length === 0) return undefined;
  const inside = new Set(group.rows);
  const last = Math.max(...group.rows);
  // A label inside with no indicator under it (履职成效(20分) over empty slots) still counts its points.
  const within = (g: WeightGroup) => (g.rows.length > 0 ? g.rows.every((r) => inside.has(r)) : g.row >= group.row && g.row <= last);
  for (const kind of KINDS.slice(KINDS.indexOf(group.kind) + 1)) {
    const children = groups.filter((g) => g.kind === kind && within(g));
    if (!children.some((g) => g.rows.length > 0)) continue;
    const covered = new Set(children.flatMap((g) => g.rows));
    const weight = Math.round(children.reduce((s, g) => s + g.weight, 0) * 100) / 100;
    return { weight, kind: "groups", complete: group.rows.every((r) => covered.has(r)) };
  }
  const own = rows.filter((r) => inside.has(r.row));
  if (own.length === 0 || !own.every((r) => r.weight.kind === "number")) return undefined;
  const weight = Math.round(own.reduce((s, r) => s + (r.weight.kind === "number" ? r.weight.value : 0), 0) * 100) / 100;
  return { weight, kind: "rows", complete: true };
}
