/**
 * Writes docs/rules.md from the rule registry: for every finding code its
 * severity, what it checks, its messages, and two examples run through the rule
 * itself — one that fires and one that does not — so the page cannot drift
 * from the code (test/rules/docs.test.ts compares the two).
 *
 * Run from the project root:
 *   npx tsc --outDir /tmp/rules-doc --module commonjs --target ES2020 --esModuleInterop --skipLibCheck scripts/rules-doc.ts \
 *     && node /tmp/rules-doc/scripts/rules-doc.js
 */
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../src/core/rules";
import { formatMessage, formatNumber } from "../src/core/rules/format";
import { STATUS_WORDS } from "../src/core/rules/scored";
import { cellAddress } from "../src/core/address";
import { cellText } from "../src/core/normalize";
import { Grid } from "../src/core/snapshot";
import type { JudgedRow, NumberCell, Rule, RuleContext } from "../src/core/types";
import { context, row, rows } from "../test/rules/context";

interface Example {
  /** What the example shows, in a few words. */
  title: string;
  ctx: RuleContext;
  /** Show the total row, the stated grade and the recomputed totals under the rows. */
  totals?: boolean;
}

const qualitative = { quantitative: false } as const;
const withReason = { columns: { level1: 1, level2: 2, level3: 3, target: 4, actual: 5, weight: 6, score: 7, reason: 8 }, lastColumn: 8 };
const budgetRow = { row: 4, budget: 100, spent: 90, weight: 10, rate: 0.9, score: 9, rateCol: 7, scoreCol: 8 };
/** Two indicator rows of 50 each, met. */
const twoRows = (a: number = 50, b: number = 50) =>
  rows({ indicator: "办件量", target: "≥30000件", actual: "32000件", weight: a, score: a }, { indicator: "群众满意度", target: "≥95%", actual: "98%", weight: b, score: b });

/** Stated totals as SUM formulas over rows 5–6, with their results. */
const sums = (weight: number, score: number) => ({
  statedWeight: weight,
  statedScore: score,
  weightFormula: "=SUM(F5:F6)",
  scoreFormula: "=SUM(G5:G6)",
});

/** One example that fires and one that does not, per code. */
/** 年度绩效目标1(40分) over rows 5–6 in a table without a weight column (label in A4). */
const block40 = (score: number) => ({ kind: "block" as const, label: "年度绩效目标1(40分)", weight: 40, row: 4, col: 1, score, rows: [5, 6] });
const noWeightColumn = { columns: { level1: 2, level2: 3, level3: 4, target: 5, actual: 6, score: 7 } };
const noWeightRows = () =>
  rows(
    { indicator: "监测数据合格率", target: "100%", actual: "100%", weight: null, score: 20 },
    { indicator: "资料按时上报率", target: "100%", actual: "100%", weight: null, score: 19.6 },
  );

export const EXAMPLES: Record<string, { fires: Example; passes: Example }> = {
  INDICATOR_NAME_MISSING: {
    fires: {
      title: "a slot of the template filled in without a name",
      ctx: context({ rows: rows({ indicator: "指标1：", target: "≥30000件", actual: "32000件", weight: 2, score: 2 }) }),
    },
    passes: { title: "a named indicator", ctx: context({ rows: rows({ indicator: "办件量", target: "≥30000件", actual: "32000件", weight: 2, score: 2 }) }) },
  },
  WEIGHT_MISSING: {
    fires: { title: "a row without a weight", ctx: context({ rows: rows({ indicator: "办件量", target: "≥30000件", actual: "32000件", weight: null, score: 2 }) }) },
    passes: { title: "a weight of 0 is a weight", ctx: context({ rows: rows({ indicator: "办件量", target: "≥30000件", actual: "32000件", weight: 0, score: 0 }) }) },
  },
  SCORE_MISSING: {
    fires: { title: "a row without a score", ctx: context({ rows: rows({ indicator: "办件量", target: "≥30000件", actual: "32000件", weight: 2, score: null }) }) },
    passes: {
      title: "a row that does not apply (/ everywhere) is not scored",
      ctx: context({ rows: [row(5, { indicator: "专项培训", target: "/", actual: "/", weight: "/", score: "/", status: "notApplicable" })] }),
    },
  },
  NOT_A_NUMBER: {
    fires: { title: "待定 in the score", ctx: context({ rows: rows({ indicator: "办件量", target: "≥30000件", actual: "32000件", weight: 2, score: "待定" }) }) },
    passes: { title: "a number", ctx: context({ rows: rows({ indicator: "办件量", target: "≥30000件", actual: "32000件", weight: 2, score: 2 }) }) },
  },
  SCORE_NEGATIVE: {
    fires: { title: "a negative score", ctx: context({ rows: rows({ indicator: "投诉率", target: "≤1%", actual: "3%", weight: 2, score: -1, status: "unmet", suggestedScore: 0 }) }) },
    passes: { title: "a score of 0", ctx: context({ rows: rows({ indicator: "投诉率", target: "≤1%", actual: "3%", weight: 2, score: 0, status: "unmet", suggestedScore: 0 }) }) },
  },
  SCORE_EXCEEDS_WEIGHT: {
    fires: { title: "3 points on a weight of 2", ctx: context({ rows: rows({ indicator: "办件量", target: "≥30000件", actual: "32000件", weight: 2, score: 3 }) }) },
    passes: { title: "the full weight", ctx: context({ rows: rows({ indicator: "办件量", target: "≥30000件", actual: "32000件", weight: 2, score: 2 }) }) },
  },
  UNMET_FULL_SCORE: {
    fires: {
      title: "未完成 with full marks",
      ctx: context({ rows: rows({ ...qualitative, indicator: "制度建设", target: "完成", actual: "未完成", weight: 3, score: 3, status: "unmet", band: [0, 1.8] }) }),
    },
    passes: {
      title: "未完成 scored within its band",
      ctx: context({ rows: rows({ ...qualitative, indicator: "制度建设", target: "完成", actual: "未完成", weight: 3, score: 1, status: "unmet", band: [0, 1.8] }) }),
    },
  },
  MET_BUT_DEDUCTED: {
    fires: { title: "met, yet a point taken off", ctx: context({ rows: rows({ indicator: "办件量", target: "≥30000件", actual: "32000件", weight: 3, score: 2 }) }) },
    passes: { title: "met with full marks", ctx: context({ rows: rows({ indicator: "办件量", target: "≥30000件", actual: "32000件", weight: 3, score: 3 }) }) },
  },
  SCORE_OUT_OF_BAND: {
    fires: {
      title: "基本完成 (partly met, 60–80 %) scored 1.9 of 2",
      ctx: context({ rows: rows({ ...qualitative, indicator: "制度建设", target: "完成", actual: "基本完成", weight: 2, score: 1.9, status: "partial", band: [1.2, 1.6] }) }),
    },
    passes: {
      title: "基本完成 scored 1.5 of 2",
      ctx: context({ rows: rows({ ...qualitative, indicator: "制度建设", target: "完成", actual: "基本完成", weight: 2, score: 1.5, status: "partial", band: [1.2, 1.6] }) }),
    },
  },
  SCORE_NOT_PROPORTIONAL: {
    fires: {
      title: "80 % done, scored 5 of 10 (proportional: 8)",
      ctx: context({ rows: rows({ indicator: "培训人次", target: "≥500人次", actual: "400人次", weight: 10, score: 5, status: "partial", ratio: 0.8, suggestedScore: 8 }) }),
    },
    passes: {
      title: "80 % done, scored 8 of 10",
      ctx: context({ rows: rows({ indicator: "培训人次", target: "≥500人次", actual: "400人次", weight: 10, score: 8, status: "partial", ratio: 0.8, suggestedScore: 8 }) }),
    },
  },
  TARGET_MISSING: {
    fires: { title: "no target", ctx: context({ rows: rows({ indicator: "培训人次", target: "", actual: "520人次", weight: 2, score: 2, status: "review" }) }) },
    passes: { title: "a target in words", ctx: context({ rows: rows({ indicator: "制度建设", target: "按时完成", actual: "已完成", weight: 2, score: 2, ...qualitative, band: [1.6, 2] }) }) },
  },
  ACTUAL_MISSING: {
    fires: {
      title: "points taken off, no result to tell why",
      ctx: context({
        rows: rows(
          { indicator: "培训人次", target: "≥500人次", actual: "520人次", weight: 2, score: 2 },
          { indicator: "培训覆盖率", target: "≥95%", actual: "", weight: 2, score: 1.5, status: "review" },
        ),
      }),
    },
    passes: {
      title: "full marks, no result, on a form that states its results elsewhere (left for review)",
      ctx: context({
        rows: rows(
          { indicator: "培训人次", target: "≥500人次", actual: "520人次", weight: 2, score: 2 },
          { indicator: "培训覆盖率", target: "≥95%", actual: "", weight: 2, score: 2, status: "review" },
        ),
      }),
    },
  },
  VALUE_UNREADABLE: {
    fires: {
      title: "words that match no notation",
      ctx: context({ rows: rows({ ...qualitative, indicator: "服务质量", target: "有效提升", actual: "群众反映良好", weight: 2, score: 2, status: "review" }) }),
    },
    passes: {
      title: "a completion word",
      ctx: context({ rows: rows({ ...qualitative, indicator: "服务质量", target: "有效提升", actual: "已完成", weight: 2, score: 2, band: [1.6, 2] }) }),
    },
  },
  DEVIATION_REASON_MISSING: {
    fires: {
      title: "partly met, 偏差原因 left empty",
      ctx: context({ layout: withReason, rows: rows({ indicator: "培训人次", target: "≥500人次", actual: "400人次", weight: 10, score: 8, status: "partial", suggestedScore: 8 }) }),
    },
    passes: {
      title: "partly met, with a reason",
      ctx: context({
        layout: withReason,
        rows: rows({ indicator: "培训人次", target: "≥500人次", actual: "400人次", weight: 10, score: 8, status: "partial", suggestedScore: 8, reason: "受疫情影响，部分培训取消" }),
      }),
    },
  },
  DUPLICATE_INDICATOR: {
    fires: {
      title: "the same indicator twice under 数量指标",
      ctx: context({
        rows: rows(
          { indicator: "培训人次", target: "≥500人次", actual: "520人次", weight: 2, score: 2 },
          { indicator: "办件量", target: "≥30000件", actual: "32000件", weight: 2, score: 2 },
          { indicator: "培训 人次", target: "≥500人次", actual: "520人次", weight: 2, score: 2 },
        ),
      }),
    },
    passes: {
      title: "the same words under different 二级指标",
      ctx: context({
        rows: rows(
          { level2: "数量指标", indicator: "培训人次", target: "≥500人次", actual: "520人次", weight: 2, score: 2 },
          { level2: "质量指标", indicator: "培训人次", target: "≥95%", actual: "98%", weight: 2, score: 2 },
        ),
      }),
    },
  },
  EXECUTION_RATE_MISMATCH: {
    fires: { title: "90 % spent, full marks", ctx: context({ rows: [], budget: { ...budgetRow, score: 10 } }) },
    passes: { title: "90 % spent, 9 of 10", ctx: context({ rows: [], budget: budgetRow }) },
  },
  NO_ROW_WEIGHTS: {
    fires: {
      title: "a table without a weight column, its block labelled 年度绩效目标1(40分)",
      ctx: context({ rows: noWeightRows(), layout: noWeightColumn, groups: [block40(39.6)] }),
    },
    passes: { title: "a table with a weight column", ctx: context({ rows: twoRows() }) },
  },
  BLOCK_SCORE_EXCEEDS_WEIGHT: {
    fires: {
      title: "45 points under 年度绩效目标1(40分)",
      ctx: context({
        rows: rows(
          { indicator: "监测数据合格率", target: "100%", actual: "100%", weight: null, score: 25 },
          { indicator: "资料按时上报率", target: "100%", actual: "100%", weight: null, score: 20 },
        ),
        layout: noWeightColumn,
        groups: [block40(45)],
      }),
    },
    passes: { title: "39.6 points under 年度绩效目标1(40分)", ctx: context({ rows: noWeightRows(), layout: noWeightColumn, groups: [block40(39.6)] }) },
  },
  LABEL_WEIGHT_MISMATCH: {
    fires: {
      title: "产出指标（40分） over rows weighing 50 + 50",
      ctx: context({ rows: twoRows(), groups: [{ kind: "level1", label: "产出指标（40分）", weight: 40, row: 5, col: 1, score: 100, rows: [5, 6] }] }),
    },
    passes: {
      title: "产出指标（100分） over rows weighing 50 + 50",
      ctx: context({ rows: twoRows(), groups: [{ kind: "level1", label: "产出指标（100分）", weight: 100, row: 5, col: 1, score: 100, rows: [5, 6] }] }),
    },
  },
  WEIGHT_TOTAL_NOT_100: {
    fires: { title: "weights 50 + 48", ctx: context({ rows: twoRows(50, 48), totals: sums(98, 98) }), totals: true },
    passes: { title: "weights 50 + 50", ctx: context({ rows: twoRows(), totals: sums(100, 100) }), totals: true },
  },
  TOTAL_WEIGHT_MISMATCH: {
    fires: { title: "100 typed over weights of 98", ctx: context({ rows: twoRows(50, 48), totals: { ...sums(100, 98), weightFormula: undefined } }), totals: true },
    passes: {
      title: "a SUM whose result is the sum",
      ctx: context({ rows: twoRows(), totals: sums(100, 100) }),
      totals: true,
    },
  },
  TOTAL_SCORE_MISMATCH: {
    fires: {
      title: "a total formula whose result is #REF!",
      ctx: context({ rows: twoRows(), totals: { ...sums(100, 100), statedScore: undefined, scoreFormula: "=SUM(G5:G6)+#REF!" }, cells: { G7: "#REF!" } }),
      totals: true,
    },
    passes: {
      title: "100 typed over scores of 100",
      ctx: context({ rows: twoRows(), totals: { statedWeight: 100, statedScore: 100 } }),
      totals: true,
    },
  },
  TOTAL_FORMULA_RANGE: {
    fires: { title: "a SUM that stops a row short", ctx: context({ rows: twoRows(), totals: { ...sums(50, 100), weightFormula: "=SUM(F5:F5)" } }), totals: true },
    passes: { title: "a SUM over exactly the rows", ctx: context({ rows: twoRows(), totals: sums(100, 100) }), totals: true },
  },
  GRADE_MISMATCH: {
    fires: {
      title: "良好 written for 100",
      ctx: context({ rows: twoRows(), layout: { gradeCell: { row: 7, col: 8 } }, totals: { ...sums(100, 100), statedGrade: "良", statedGradeText: "良好" } }),
      totals: true,
    },
    passes: {
      title: "优秀 written for 100",
      ctx: context({ rows: twoRows(), layout: { gradeCell: { row: 7, col: 8 } }, totals: { ...sums(100, 100), statedGrade: "优", statedGradeText: "优秀" } }),
      totals: true,
    },
  },
  NARRATIVE_SCORE_MISMATCH: {
    fires: {
      title: "the conclusion states 95 分 over a table that adds up to 100",
      ctx: context({ rows: twoRows(), narrative: ["三、评价结论：经综合评价，综合得分 95 分，等级为“优秀”。"] }),
      totals: true,
    },
    passes: {
      title: "the conclusion states the table's total",
      ctx: context({ rows: twoRows(), narrative: ["三、评价结论：经综合评价，综合得分 100 分，等级为“优秀”。"] }),
      totals: true,
    },
  },
  NARRATIVE_GRADE_MISMATCH: {
    fires: {
      title: "良好 stated for a total of 100",
      ctx: context({ rows: twoRows(), narrative: ["三、评价结论：综合得分 100 分，等级为“良好”。"] }),
      totals: true,
    },
    passes: { title: "优秀 for 100", ctx: context({ rows: twoRows(), narrative: ["三、评价结论：综合得分 100 分，等级为“优秀”。"] }), totals: true },
  },
  NARRATIVE_SUM_MISMATCH: {
    fires: {
      title: "the seed's 收入: components 3542.32 + 45 against 收入总计 3625.29",
      ctx: context({
        rows: twoRows(),
        narrative: ["（一）收入总计 3625.29 万元。包括：", "1．一般公共预算财政拨款收入 3542.32 万元。", "2．政府性基金预算财政拨款收入 45 万元。"],
      }),
    },
    passes: {
      title: "the seed's 支出: 3557.93 + 45 + 22.36 = 3625.29",
      ctx: context({
        rows: twoRows(),
        narrative: ["（二）支出总计 3625.29 万元。包括：", "1．一般公共服务（类）支出 3557.93 万元。", "2．城乡社区（类）支出 45 万元。", "3．年末结转和结余 22.36 万元。"],
      }),
    },
  },
  NARRATIVE_GROWTH_MISMATCH: {
    fires: {
      title: "19.33 % where 584.58 ÷ (3625.29 − 584.58) is 19.23 %",
      ctx: context({ rows: twoRows(), narrative: ["2020 年度收入、支出总计 3625.29 万元，与上年相比收、支总计各增加 584.58 万元，增长 19.33%。"] }),
    },
    passes: {
      title: "the seed's 19.23 %",
      ctx: context({ rows: twoRows(), narrative: ["2020 年度收入、支出总计 3625.29 万元，与上年相比收、支总计各增加 584.58 万元，增长 19.23%。"] }),
    },
  },
  NARRATIVE_RATE_MISMATCH: {
    fires: { title: "96.5 % stated, 90 % in the budget row", ctx: context({ rows: twoRows(), budget: budgetRow, narrative: ["项目预算执行率为 96.5%。"] }) },
    passes: { title: "90 % stated, 90 % in the budget row", ctx: context({ rows: twoRows(), budget: budgetRow, narrative: ["项目预算执行率为 90%。"] }) },
  },
};

const esc = (s: string) => s.replace(/\|/g, "\\|");

function numberCell(c: NumberCell): string {
  if (c.kind === "number") return formatNumber(c.value);
  return c.kind === "invalid" ? c.text : "";
}

function judgement(r: JudgedRow): string {
  const parts = [STATUS_WORDS[r.status].zh];
  if (r.suggestedScore !== undefined) parts.push(`建议得分 ${formatNumber(r.suggestedScore)}`);
  if (r.band) parts.push(`区间 ${formatNumber(r.band[0])}–${formatNumber(r.band[1])}`);
  return parts.join("，");
}

function rowsTable(ctx: RuleContext): string[] {
  if (ctx.rows.length === 0) return [];
  const reason = ctx.layout.columns.reason !== undefined;
  const head = ["行", "二级指标", "三级指标", "目标值", "完成情况", "权重", "得分", "判定", ...(reason ? ["偏差原因"] : [])];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of ctx.rows) {
    const cells = [String(r.row), r.level2, r.indicator, r.target.text, r.actual.text, numberCell(r.weight), numberCell(r.score), judgement(r)];
    if (reason) cells.push(r.reason ?? "");
    lines.push(`| ${cells.map(esc).join(" | ")} |`);
  }
  return lines;
}

function totalsLines(ctx: RuleContext): string[] {
  const { layout, totals } = ctx;
  const lines: string[] = [];
  if (layout.totalRow !== undefined) {
    const grid = new Grid(ctx.snapshot);
    const stated = (role: "weight" | "score", n: number | undefined, formula: string | undefined) => {
      const col = layout.columns[role]!;
      const raw = cellText(grid.value(layout.totalRow!, col));
      const result = n !== undefined ? formatNumber(n) : raw;
      const shown = formula ? `\`${formula}\`${result ? `（${result}）` : ""}` : result ? `\`${result}\`` : "空";
      return `${cellAddress(layout.totalRow!, col)} ${shown}`;
    };
    lines.push(
      `- 合计行（第 ${layout.totalRow} 行）：权重 ${stated("weight", totals.statedWeight, totals.weightFormula)}，得分 ${stated("score", totals.statedScore, totals.scoreFormula)}`,
    );
  }
  if (totals.statedGradeText !== undefined) {
    const at = layout.gradeCell ? `${cellAddress(layout.gradeCell.row, layout.gradeCell.col)} ` : "";
    lines.push(`- 填写的等级：${at}${totals.statedGradeText}`);
  }
  lines.push(
    `- 重新计算：Σ权重 ${formatNumber(totals.weight)}（应为 ${ctx.profile.totalWeight}），Σ得分 ${formatNumber(totals.score)}，等级 ${totals.grade}`,
  );
  return lines;
}

function budgetLines(ctx: RuleContext): string[] {
  const b = ctx.budget;
  if (!b) return [];
  const parts: string[] = [];
  if (b.budget !== undefined) parts.push(`全年预算数 ${formatNumber(b.budget)}`);
  if (b.spent !== undefined) parts.push(`全年执行数 ${formatNumber(b.spent)}`);
  if (b.weight !== undefined) parts.push(`分值 ${formatNumber(b.weight)}`);
  if (b.rate !== undefined) parts.push(`执行率 ${formatNumber(b.rate * 100)}%${b.rateCol ? `（${cellAddress(b.row, b.rateCol)}）` : ""}`);
  if (b.score !== undefined) parts.push(`得分 ${formatNumber(b.score)}${b.scoreCol ? `（${cellAddress(b.row, b.scoreCol)}）` : ""}`);
  return [`- 预算执行率行（第 ${b.row} 行）：${parts.join("，")}`];
}

function narrativeLines(ctx: RuleContext): string[] {
  const n = ctx.narrative;
  if (!n) return [];
  return n.blocks.map((b) => {
    const where = b.source.kind === "cell" ? `${b.source.sheet}!${cellAddress(b.source.row, b.source.col)}` : `报告第 ${b.source.paragraph} 段`;
    return `- 叙述 ${where}：“${b.text}”`;
  });
}

function renderExample(rule: Rule, label: string, ex: Example, mustFire: boolean): string[] {
  const reports = rule.check(ex.ctx);
  if (mustFire !== reports.length > 0) {
    throw new Error(`${rule.code}: the example “${ex.title}” ${mustFire ? "does not fire" : "fires"}`);
  }
  const out = [`**${label}** — ${ex.title}`, "", ...rowsTable(ex.ctx)];
  const extra = [...narrativeLines(ex.ctx), ...budgetLines(ex.ctx), ...(ex.totals ? totalsLines(ex.ctx) : [])];
  if (extra.length) out.push(...(out[out.length - 1] === "" ? [] : [""]), ...extra);
  out.push("");
  if (reports.length === 0) out.push("→ no finding（无）");
  for (const r of reports) {
    const m = formatMessage(rule.messages, r.data);
    const cell = r.sheet !== undefined && r.cell !== undefined ? `${r.sheet}!${r.cell}` : r.cell;
    const where = [cell, r.row !== undefined ? `row ${r.row}` : undefined].filter(Boolean).join(", ");
    out.push(`→ ${where ? `${where}: ` : ""}${m.zh} / ${m.en}`, "");
  }
  if (out[out.length - 1] !== "") out.push("");
  return out;
}

export function renderRulesDoc(): string {
  const out = [
    "# Finding rules（核查规则）",
    "",
    "<!-- Generated by scripts/rules-doc.ts from src/core/rules; do not edit by hand. -->",
    "",
    "Every finding has a stable code, a severity, the sheet row, the cell where there is one, and a message in Chinese and English.",
    "Each rule is one module in `src/core/rules/<CODE>.ts`, registered in `src/core/rules/index.ts`; its cases are in `test/rules/<CODE>.test.ts`.",
    "The severity below is the default: the scoring profile (`src/core/profile.ts`) decides it at run time and may turn a rule off.",
    "",
    "Rows marked as not applicable (`/`, `—`, 无 or 不适用 in target, result, weight and score) are not scored and no row rule looks at them.",
    "A problem is reported once: a missing or unreadable score is not also a score mismatch, a score above its weight is not also out of its band, and so on.",
    "",
    "## How published forms are read",
    "",
    "- **Template slots.** The official template prints slots such as `指标1：`, `指标2：`, `……` under every 二级指标. A row whose 三级指标 is empty or only a placeholder (`指标N：`, `……`, `…`, `其他`, `/`, or a category name of the template such as `服务对象满意度指标` printed alone) and whose target, result, weight and score are all blank or `/` is an unused slot: it is not counted, judged or flagged. So is a 二级指标 of its own with nothing under it. The result lists these rows (`skippedSlots`) and every host says once how many were left out. A placeholder row that does carry something is an indicator without a name: one INDICATOR_NAME_MISSING on the row, and its empty cells are not reported one by one.",
    "- **No weight column.** A header with an indicator and a score column but no 权重/分值 column is read when scores follow it, or when the labels state the points even though nothing is scored yet (a form published unfilled is then reported row by row, as one with a weight column is, not refused as “no indicator table”); it is refused only when no row is scored and no label states points. The weights are then those the labels state in brackets, `(40分)` / `（50分）`: an indicator's own name (`相关性(5分)`: its row weight, and the per-row rules run), else a block label on the table's header row or on a row that repeats the header (`年度绩效目标1(40分)`), else the 一级 labels (`产出指标（50分）`, or a cell holding only `（50分）` under the name), else the 二级 labels. Σ weight is the outermost kind's weights plus the budget row's; WEIGHT_TOTAL_NOT_100 is checked when those groups cover every row. NO_ROW_WEIGHTS says so once (info); the rules that need a row's weight stay quiet.",
    "- **Blocks.** A row inside the table that repeats its header in the same columns (at least three roles) starts a new block of the same table, and level cells start afresh under it. Every block is counted, under the one total row; DUPLICATE_INDICATOR compares within a block. A block's label is on its header row (outside the weight and score columns) or alone on the row just above it (`职能一：…（30分）`). Each block or level whose label states points must not score more than them (BLOCK_SCORE_EXCEEDS_WEIGHT) and should be made up by the labels of the next level inside it, or by its rows' weights (LABEL_WEIGHT_MISMATCH), with or without a weight column. Points count only in the bracket that ends a label and never as a target (`≥90分`, `90分以上`).",
    "- **Not scored.** A form no row of which carries a score (no indicator row that applies has anything in its score cell, and the budget row has no score: a blank template, a form sent before scoring) is *not scored*: it has no score total and no grade (`totals.scored` false, `grade` null; in JSON `scored: false`, `score` and `grade` null). Every host says 未评分 / 无等级 instead of 0 and 差; the write plan writes no grade (never 差) and, with `--fix-totals`, no score total (a 0 would read as a total nobody gave; the weight total is still fixed), and lists both in `unwritten` with the reason. One row with something in its score cell (a 0 counts; so does an unreadable value, which NOT_A_NUMBER reports: it was filled in) makes the form scored, graded on Σ score, with the empty rows as SCORE_MISSING. A stated total alone does not make a form scored. The empty scores are SCORE_MISSING errors, so the CLI exits 1; GRADE_MISMATCH and NARRATIVE_GRADE_MISMATCH have no grade to compare with and stay quiet.",
    "- **Grade cell.** A 评价结论 (等级 …) label followed by prose — text longer than any grade word that reads as no grade, such as the template's instruction 结合自评情况，说明项目自评总分… — is not a grade cell: the stated grade is looked for elsewhere, and nothing is written over the text.",
    "- **Targets in names.** When a row's target cell is empty and its indicator's name ends with a quantity a target is written as — a comparator and a number (`满意度≥90`), or a number with `%` or a unit (`年度资金支付完成率100%`, `培训200人次`), optionally followed by 以上 / 以下 / 以内 — that quantity is the row's target (`targetInName`): the row is judged on it and TARGET_MISSING does not fire. A bare number (`指标1`), an ordinal (`第3批`) or a date (`2022年`) at the end is not a target.",
    "- **Missing results.** ACTUAL_MISSING fires where a score rests on the missing result: the row is scored below its weight, or not scored, or no row of the form states any result. A row given its full weight with no result, on a form that states results on its other rows, is not flagged: its full score says the target was met, and it stays 需人工判断 in the 核查结果 column.",
    "- **Levels in other columns.** A header `类别` or `指标类别` is the 一级 column. In a table without a 二级 column, a row whose 指标名称 ends with points (`投入目标(28分)`) and holds no target, result, weight or score, with filled indicator rows after it, is a 二级 level over those rows, not an indicator (a blank template whose indicators all carry their points stays rows). Where 分值 (or 得分) is printed beside every level (`一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分`), the indicator's own column is the first after the indicator column; a 分值 column just right of the 一级 or 二级 column gives that level's points, checked like a label's.",
    "- **Points shared by several rows.** A row named `其中：…` with no weight and no score of its own, under an indicator, is a breakdown of that indicator: not counted and not flagged (with its own points it is an indicator). A weight or score cell merged down over several indicator rows (one 得分 for a 二级's rows) belongs to its top row and counts once; the rows it covers are not missing it.",
    "- **Weights in headers.** The budget block's weight, when its 分值 cell is missing, is read from its header: `分值(10分)`, `得分(20分*执行率)`, or the block's label `预算执行情况(万元)(20分)`; a 预算执行率 row of the table without a weight column takes it from its label (`预算执行率（10分）`). A 年度资金总额 row printed as 0 above sub-rows that hold the money takes the sub-rows' sum.",
    "- **Reshaped forms.** The answer does not change when a form is moved under a title block, respelled in its header (`得 分`, `三级\\n指标`, `（A）`, `得分：`), or given an empty column or a blank row (`test/real/shapes.test.ts` runs every real form through these). A column empty from top to bottom between the header's cells, or between a block label column and the levels, is inside the table. A blank row is not a row a 二级 level left empty stands over: the level is still a template line. When several sheets hold a table, the first one is checked (a visible sheet before a hidden one), not the fullest: a form followed by a copy of another is the form's workbook; the others are named (`otherTableSheets`). A refusal names the header that lacks the fewest parts (the first of equals).",
    "",
    "The examples use the official layout: A 一级指标, B 二级指标, C 三级指标, D 目标值, E 完成情况, F 权重, G 得分 (H 偏差原因 where there is one), indicator rows from row 5, the total row after them.",
    "The 判定 column is what the judge made of the row (status, suggested score of a quantitative row, band of a qualitative one).",
    "",
    "| code | default severity | checks |",
    "|---|---|---|",
    ...RULES.map((r) => `| [${r.code}](#${r.code.toLowerCase()}) | ${r.defaultSeverity} | ${esc(r.doc)} |`),
    "",
  ];
  for (const rule of RULES) {
    const ex = EXAMPLES[rule.code];
    if (!ex) throw new Error(`${rule.code}: no examples`);
    out.push(
      `## ${rule.code}`,
      "",
      `- Severity: **${rule.defaultSeverity}** (${rule.type})`,
      `- Checks: ${rule.doc}`,
      `- Message: ${rule.messages.zh} / ${rule.messages.en}`,
      "",
      ...renderExample(rule, "Fires", ex.fires, true),
      ...renderExample(rule, "Does not fire", ex.passes, false),
    );
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

export const RULES_DOC_PATH = path.join("docs", "rules.md");

if (require.main === module) {
  fs.mkdirSync(path.dirname(RULES_DOC_PATH), { recursive: true });
  fs.writeFileSync(RULES_DOC_PATH, renderRulesDoc());
  console.log(`wrote ${RULES_DOC_PATH}`);
}
