/**
 * Header text → column role (SPEC §1). A header is compared after removing
 * spaces, line breaks, full-width forms, a trailing unit such as （分） and a
 * trailing formula such as (B/A); listed headers match exactly, others by meaning.
 */
import type { Role } from "./types";
import { compactText } from "./normalize";
import { weightLabelOf } from "./weightLabels";

export interface HeaderMatch {
  role: Role;
  /**
   * How sure the match is: 3 a specific listed header (三级指标, 分值 …),
   * 2 a listed header that is also used as a group label or a close variant,
   * 1 matched by meaning only. Where two columns could take a role, the stronger wins.
   */
  strength: 1 | 2 | 3;
}

/** Headers seen in real forms, by role. */
export const HEADER_SYNONYMS: Record<Role, string[]> = {
  level1: ["一级指标", "指标类别", "类别"],
  level2: ["二级指标"],
  level3: ["三级指标", "指标名称", "三级指标名称", "指标内容", "具体指标", "绩效指标名称"],
  target: [
    "目标值",
    "指标值",
    "年度指标值",
    "年度目标值",
    "预期目标值",
    "预期指标值",
    "全年目标值",
    "全年指标值",
    "绩效目标值",
    "计划指标值",
    "年度目标",
    "预期目标",
    "计划值",
  ],
  targetKind: ["指标性质", "指标方向", "比较符", "运算符"],
  targetUnit: ["度量单位", "计量单位", "单位"],
  actual: [
    "完成情况",
    "实际完成值",
    "全年实际完成值",
    "完成值",
    "实际完成情况",
    "实际值",
    "实际完成",
    "实际完成数",
    "全年完成值",
    "年度完成值",
    "实际达成值",
    "完成数",
  ],
  weight: ["权重", "分值", "标准分", "标准分值", "权重分", "权重分值", "满分", "分数权重", "指标分值", "指标权重"],
  score: ["得分", "自评得分", "评分", "实际得分", "评价得分", "自评分", "自评分数", "考核得分", "得分值"],
  reason: [
    "偏差原因分析及改进措施",
    "偏差原因",
    "未完成原因及改进措施",
    "未完成原因",
    "偏差原因分析",
    "偏差原因及改进措施",
    "未完成原因分析及改进措施",
    "原因分析及改进措施",
    "改进措施",
  ],
  // Found by position only (a 分值 column beside a level column): tableHeader.ts.
  level1Weight: [],
  level2Weight: [],
};

/** Group labels that may stand over the level headers or down a left column; the indicator only when nothing better is there. */
const GROUP_LABELS = new Set(["绩效指标", "评价指标", "考核指标", "指标", "评价内容", "考核内容"]);

/** Headers that are known but hold nothing that is judged (备注, 序号 …). */
const KEPT_HEADERS = new Set(["备注", "序号", "说明", "评分标准", "评分细则", "评分依据", "计分方法", "评分方法", "指标解释", "指标说明", "佐证材料", "证明材料", "数据来源", "评价要点"]);

/** Longer texts are cell contents, not headers. */
const MAX_HEADER_LENGTH = 20;

const TRAILING_PAREN = /[(（][^()（）]*[)）]$/;

/**
 * normalizeHeader runs on every cell of every row (header search, end of the
 * body, total and subtotal labels) and the same texts recur down a table, so
 * its results are kept; the cache is dropped when it grows past a bound.
 */
const NORMALIZED = new Map<string, string>();
const NORMALIZED_MAX = 200_000;

/** The header as compared: compact, half-width, without a trailing unit or formula in brackets and without a trailing colon. */
export function normalizeHeader(text: string): string {
  let t = NORMALIZED.get(text);
  if (t === undefined) {
    if (NORMALIZED.size >= NORMALIZED_MAX) NORMALIZED.clear();
    t = normalizeHeaderUncached(text);
    NORMALIZED.set(text, t);
  }
  return t;
}

function normalizeHeaderUncached(text: string): string {
  let t = compactText(text).replace(/[:：]+$/, "");
  for (let i = 0; i < 3 && TRAILING_PAREN.test(t); i++) {
    const stripped = t.replace(TRAILING_PAREN, "");
    if (!stripped) break;
    t = stripped;
  }
  return t.replace(/[:：]+$/, "");
}

const EXACT = new Map<string, Role>();
for (const [role, list] of Object.entries(HEADER_SYNONYMS) as [Role, string[]][]) {
  for (const h of list) EXACT.set(h, role);
}

/** Group labels and loose synonyms, which a more specific header beats. */
const WEAK_EXACT = new Set(["类别", "绩效指标名称", "指标内容", "具体指标", "年度目标", "预期目标", "计划值", "单位", "满分", "完成数", "改进措施"]);

/** Matching by meaning, in order: the first rule that fits decides. */
const BY_MEANING: [RegExp, Role | null][] = [
  [/(评分|计分|打分)(标准|细则|依据|方法|办法|说明)|指标(解释|说明)|备注|序号|佐证|证明材料|数据来源/, null],
  [/偏差|原因|改进措施|整改措施/, "reason"],
  [/得分|评分$|自评分/, "score"],
  [/分值|权重|标准分|满分|权数/, "weight"],
  [/指标性质|指标方向|比较/, "targetKind"],
  [/度量单位|计量单位|^单位$/, "targetUnit"],
  [/一级/, "level1"],
  [/二级/, "level2"],
  [/三级/, "level3"],
  [/实际|完成|实现值|达成值|执行情况/, "actual"],
  [/指标值|目标|计划|预期/, "target"],
];

/** matchHeader's answers by normalised text (null: no header), shared and frozen; bounded like NORMALIZED. */
const MATCHES = new Map<string, Readonly<HeaderMatch> | null>();

/** The role a header text stands for, or undefined when it is not a header we use. */
export function matchHeader(text: string): HeaderMatch | undefined {
  const h = normalizeHeader(text);
  let m = MATCHES.get(h);
  if (m === undefined) {
    if (MATCHES.size >= NORMALIZED_MAX) MATCHES.clear();
    const found = matchNormalizedHeader(h);
    m = found ? Object.freeze(found) : null;
    MATCHES.set(h, m);
  }
  // 年度绩效目标1(40分), 预算执行情况(万元)(20分): a block's label with its points, not a column's header;
  // a weight or score header keeps its points (得分(20分*执行率), 考核分值(100分)).
  if (m && m.strength < 3 && m.role !== "weight" && m.role !== "score" && text.includes("分") && weightLabelOf(text) !== undefined) return undefined;
  return m ?? undefined;
}

function matchNormalizedHeader(h: string): HeaderMatch | undefined {
  if (!h || h.length > MAX_HEADER_LENGTH || /^[\d.%,+-]+$/.test(h)) return undefined;
  const exact = EXACT.get(h);
  if (exact) return { role: exact, strength: WEAK_EXACT.has(h) ? 2 : 3 };
  if (GROUP_LABELS.has(h)) return { role: "level3", strength: 1 };
  if (KEPT_HEADERS.has(h)) return undefined;
  for (const [re, role] of BY_MEANING) {
    if (re.test(h)) return role ? { role, strength: 1 } : undefined;
  }
  return undefined;
}

/** A group label (绩效指标, 评价指标) that may stand over the level headers or down a left column. */
export function isGroupLabel(text: string): boolean {
  return GROUP_LABELS.has(normalizeHeader(text));
}

/**
 * Whether a cell reads as a header rather than as data: a listed header, a
 * group label, or a known column that is kept (备注, 序号). Cells matched only
 * by meaning do not count, since data such as 完成 would match too.
 */
export function isHeaderWord(text: string): boolean {
  const h = normalizeHeader(text);
  if (!h) return false;
  return EXACT.has(h) || GROUP_LABELS.has(h) || KEPT_HEADERS.has(h);
}
