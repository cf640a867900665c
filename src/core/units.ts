/**
 * Units of measure written after a number in 目标值 / 完成情况 cells (SPEC §2),
 * and which of them can be compared with each other.
 */

/** A unit's family and its size in the family's base unit. */
interface UnitScale {
  family: string;
  factor: number;
}

const SCALES: Record<string, UnitScale> = {
  元: { family: "money", factor: 1 },
  千元: { family: "money", factor: 1e3 },
  万元: { family: "money", factor: 1e4 },
  百万元: { family: "money", factor: 1e6 },
  亿元: { family: "money", factor: 1e8 },
  米: { family: "length", factor: 1 },
  千米: { family: "length", factor: 1e3 },
  公里: { family: "length", factor: 1e3 },
  平方米: { family: "area", factor: 1 },
  万平方米: { family: "area", factor: 1e4 },
  公顷: { family: "area", factor: 1e4 },
  平方公里: { family: "area", factor: 1e6 },
  秒: { family: "duration", factor: 1 },
  分钟: { family: "duration", factor: 60 },
  小时: { family: "duration", factor: 3600 },
  天: { family: "days", factor: 1 },
  日: { family: "days", factor: 1 },
  自然日: { family: "days", factor: 1 },
  个工作日: { family: "workdays", factor: 1 },
  工作日: { family: "workdays", factor: 1 },
  克: { family: "mass", factor: 1 },
  千克: { family: "mass", factor: 1e3 },
  公斤: { family: "mass", factor: 1e3 },
  吨: { family: "mass", factor: 1e6 },
  万吨: { family: "mass", factor: 1e10 },
};

/** Count units; 万 / 亿 before any of them scales it (3万件 = 30000件). */
const COUNT_UNITS = [
  "个百分点", "百分点", "人次", "户次", "批次", "车次", "架次", "场次", "件次", "课时", "学时", "个月",
  "次", "件", "个", "人", "家", "户", "项", "场", "期", "批", "篇", "条", "份", "本", "台", "套",
  "所", "座", "辆", "起", "名", "位", "张", "处", "亩", "株", "棵", "只", "头", "部", "册", "间",
  "栋", "幢", "宗", "单", "笔", "例", "床", "班", "门", "节", "届", "轮", "站", "村", "镇", "年", "周",
];

/** Every unit the parser recognises, longest first so that 个工作日 wins over 个. */
export const UNITS: string[] = [
  ...Object.keys(SCALES),
  ...COUNT_UNITS,
  ...COUNT_UNITS.flatMap((u) => [`万${u}`, `亿${u}`]),
  "‰",
]
  .filter((u, i, all) => all.indexOf(u) === i)
  .sort((a, b) => b.length - a.length);

/** The longest unit at the start of `s`, if any. */
export function unitAt(s: string): string | undefined {
  for (const u of UNITS) if (s.startsWith(u)) return u;
  return undefined;
}

function scaleOf(unit: string): UnitScale {
  const known = SCALES[unit];
  if (known) return known;
  const multiplier = unit.startsWith("万") ? 1e4 : unit.startsWith("亿") ? 1e8 : 1;
  const base = multiplier === 1 ? unit : unit.slice(1);
  return { family: base, factor: multiplier };
}

/**
 * The factor that converts a number in unit `from` into unit `to`, or undefined
 * when the two cannot be compared (件 and 人, 天 and 个工作日). A missing unit on
 * either side is taken to be the other side's (≥2次 against 3).
 */
export function unitFactor(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to || from === to) return 1;
  const a = scaleOf(from);
  const b = scaleOf(to);
  if (a.family !== b.family) return undefined;
  return a.factor / b.factor;
}
