import type { CheckResult, Finding, JudgedRow, Severity, UnwrittenMark } from "../core/types";
import { STATUS_MARKS } from "../core/plan";
import { cellAddress } from "../core/address";
import { formatNumber } from "../core/rules/format";
import { skippedSlotsMessage } from "../core/templateSlots";
import { NOT_SCORED } from "../core/totals";
import { otherTablesMessage } from "../core/otherTables";
import { noTargetsMessage } from "../core/noTargets";
import { type Colour, displayWidth, padEnd, padStart, painter, truncate } from "./text";
import { sourceLabel, type NarrativeCheckStatus } from "../core/narrative/summary";

type Lang = "zh" | "en";

const T = {
  zh: {
    sheet: "工作表",
    header: "表头",
    rows: "指标行",
    items: "项",
    totalRow: "总分行",
    noTotalRow: "未找到总分行",
    unit: "填报单位",
    weight: "权重合计",
    score: "得分合计",
    grade: "等级",
    stated: "表内填写",
    notStated: "表内未填写",
    noRowScored: "（各行均未填写得分）",
    counts: "判定",
    notMet: "未完全达成或需人工判断的指标",
    allMet: "全部指标已达成。",
    colRow: "行",
    colIndicator: "指标",
    colTarget: "目标值",
    colActual: "完成情况",
    colWeight: "权重",
    colScore: "得分",
    colSuggest: "建议得分",
    colStatus: "判定",
    findings: "发现的问题",
    noFindings: "未发现问题。",
    severity: { error: "错误", warning: "警告", info: "提示" } as Record<Severity, string>,
    verdictOk: "结论：无错误",
    verdictBad: (n: number) => `结论：有 ${n} 处错误需要更正`,
    rowWord: (r: number) => `第 ${r} 行`,
    range: (a: number, b: number) => (a === b ? `第 ${a} 行` : `第 ${a}–${b} 行`),
    wrote: (f: string) => `已写出标注文件：${f}`,
    narrative: "叙述核对",
    narrativeTally: (figures: number, holds: number, fails: number, unchecked: number) =>
      `${figures} 个数字；${holds} 项成立，${fails} 项不成立，${unchecked} 项无法核对`,
    narrativeNone: "叙述中未找到可核对的数字。",
  },
  en: {
    sheet: "Sheet",
    header: "header",
    rows: "indicator rows",
    items: "indicators",
    totalRow: "total row",
    noTotalRow: "no total row found",
    unit: "Unit",
    weight: "Σ weight",
    score: "Σ score",
    grade: "Grade",
    stated: "stated",
    noRowScored: "(no row carries a score)",
    notStated: "not stated",
    counts: "Status",
    notMet: "Indicators not fully met or needing review",
    allMet: "Every indicator is met.",
    colRow: "Row",
    colIndicator: "Indicator",
    colTarget: "Target",
    colActual: "Actual",
    colWeight: "Weight",
    colScore: "Score",
    colSuggest: "suggested",
    colStatus: "Status",
    findings: "Findings",
    noFindings: "No findings.",
    severity: { error: "error", warning: "warning", info: "info" } as Record<Severity, string>,
    verdictOk: "Verdict: no errors",
    verdictBad: (n: number) => `Verdict: ${n} error${n === 1 ? "" : "s"} to correct`,
    rowWord: (r: number) => `row ${r}`,
    range: (a: number, b: number) => (a === b ? `row ${a}` : `rows ${a}–${b}`),
    wrote: (f: string) => `Annotated copy written: ${f}`,
    narrative: "The narrative",
    narrativeTally: (figures: number, holds: number, fails: number, unchecked: number) =>
      `${figures} figures; ${holds} hold, ${fails} do not, ${unchecked} cannot be checked`,
    narrativeNone: "No figure to check was found in the narrative.",
  },
};

const SEVERITY_COLOUR: Record<Severity, Colour> = { error: "red", warning: "yellow", info: "cyan" };
const SEVERITY_MARK: Record<Severity, string> = { error: "✗", warning: "!", info: "i" };
const STATUS_COLOUR = { met: "green", partial: "yellow", unmet: "red", review: "magenta", notApplicable: "gray" } as const;

const n2 = formatNumber;
const cellNum = (c: JudgedRow["weight"]) => (c.kind === "number" ? n2(c.value) : c.kind === "invalid" ? c.text : "—");

/** The terminal report of one checked file. */
export function renderReport(file: string, result: CheckResult, opts: { lang: Lang; colour: boolean; width?: number }): string {
  const t = T[opts.lang];
  const p = painter(opts.colour);
  const width = Math.max(80, Math.min(opts.width ?? 100, 140));
  const { layout, totals, counts } = result;
  const out: string[] = [];
  const rule = p("gray", "─".repeat(width));

  out.push(`${p("bold", "scorecheck 绩效自评核分")}  ${p("gray", "·")}  ${p("bold", file)}`);
  out.push(rule);
  if (layout.title) out.push(`  ${layout.title}`);
  if (layout.unit) out.push(`  ${t.unit}：${layout.unit}`);
  const header = t.range(layout.headerRows[0], layout.headerRows[layout.headerRows.length - 1]);
  const total = layout.totalRow !== undefined ? `${t.totalRow} ${t.rowWord(layout.totalRow)}` : p("yellow", t.noTotalRow);
  out.push(
    `  ${t.sheet}「${layout.sheet}」 · ${t.header} ${header} · ${t.rows} ${t.range(layout.firstRow, layout.lastRow)}（${result.rows.length} ${t.items}） · ${total}`,
  );
  out.push("");

  const statedOk = (stated: number | undefined, actual: number) =>
    stated === undefined ? p("gray", `（${t.notStated}）`) : Math.abs(stated - actual) <= 0.01 ? p("green", `（${t.stated} ${n2(stated)} ✓）`) : p("red", `（${t.stated} ${n2(stated)} ✗）`);
  const gradeOk =
    totals.statedGrade === undefined
      ? p("gray", `（${t.notStated}）`)
      : totals.statedGrade === totals.grade
        ? p("green", `（${t.stated}“${totals.statedGradeText ?? totals.statedGrade}” ✓）`)
        : p("red", `（${t.stated}“${totals.statedGradeText ?? totals.statedGrade}” ✗）`);
  const weightColour: Colour = Math.abs(totals.weight - 100) <= 0.01 ? "green" : "red";
  out.push(`  ${t.weight}  ${p("bold", p(weightColour, n2(totals.weight)))} ${statedOk(totals.statedWeight, totals.weight)}`);
  if (totals.scored) {
    out.push(`  ${t.score}  ${p("bold", n2(totals.score))} ${statedOk(totals.statedScore, totals.score)}`);
    out.push(`  ${padEnd(t.grade, displayWidth(t.weight))}  ${p("bold", totals.grade ?? "")} ${gradeOk}`);
  } else {
    // No row carries a score: no total, no grade (the SCORE_MISSING findings below say where).
    out.push(`  ${t.score}  ${p("bold", p("yellow", NOT_SCORED.score[opts.lang]))} ${p("gray", t.noRowScored)} ${statedOk(totals.statedScore, totals.score)}`);
    const statedGrade = totals.statedGrade === undefined ? "" : ` ${p("gray", `（${t.stated}“${totals.statedGradeText ?? totals.statedGrade}”）`)}`;
    out.push(`  ${padEnd(t.grade, displayWidth(t.weight))}  ${p("bold", p("yellow", NOT_SCORED.grade[opts.lang]))}${statedGrade}`);
  }
  const countText = (["met", "partial", "unmet", "review", "notApplicable"] as const)
    .filter((s) => s !== "notApplicable" || counts.notApplicable > 0)
    .map((s) => p(STATUS_COLOUR[s], `${STATUS_MARKS[s].mark} ${opts.lang === "en" ? STATUS_MARKS[s].en : STATUS_MARKS[s].zh} ${counts[s]}`))
    .join("   ");
  out.push(`  ${padEnd(t.counts, displayWidth(t.weight))}  ${countText}`);
  const slots = skippedSlotsMessage(result.skippedSlots);
  if (slots) out.push(`  ${padEnd("", displayWidth(t.weight))}  ${p("gray", opts.lang === "en" ? slots.en : slots.zh)}`);
  const others = otherTablesMessage(result.otherTableSheets);
  if (others) out.push(`  ${padEnd("", displayWidth(t.weight))}  ${p("yellow", `${opts.lang === "en" ? others.en : others.zh}${opts.lang === "en" ? " (--sheet NAME)" : "（--sheet 工作表名）"}`)}`);
  out.push("");

  const notMet = result.rows.filter((r) => r.status !== "met" && r.status !== "notApplicable");
  const noTargets = noTargetsMessage(result.layout, notMet.length);
  if (noTargets) {
    out.push(`  ${p(STATUS_COLOUR.review, opts.lang === "en" ? noTargets.en : noTargets.zh)}`);
  } else if (notMet.length === 0) {
    out.push(`  ${p("green", t.allMet)}`);
  } else {
    out.push(p("bold", `${t.notMet}（${notMet.length}）`));
    const indent = " ".repeat(5 + 2 + 10 + 2);
    for (const r of notMet) {
      const s = STATUS_MARKS[r.status];
      out.push(
        `${padStart(String(r.row), 5)}  ${p(STATUS_COLOUR[r.status], padEnd(`${s.mark} ${opts.lang === "en" ? s.en : s.zh}`, 10))}  ${truncate(r.indicator, width - indent.length)}`,
      );
      const facts = [`${t.colWeight} ${cellNum(r.weight)}`, `${t.colScore} ${cellNum(r.score)}`];
      if (r.suggestedScore !== undefined) facts.push(`${t.colSuggest} ${n2(r.suggestedScore)}`);
      const room = width - indent.length - displayWidth(facts.join(" · ")) - 3;
      const actual = `${t.colActual} ${r.actual.text || "—"}`;
      const target = truncate(`${t.colTarget} ${r.target.text || "—"}`, Math.max(12, room - Math.min(displayWidth(actual), room / 2) - 3));
      facts.push(`${target} → ${truncate(actual, Math.max(10, room - displayWidth(target) - 3))}`);
      out.push(indent + p("gray", truncate(facts.join(" · "), width - indent.length)));
    }
  }
  out.push("");

  out.push(...narrativeSection(result, opts.lang, p, width));

  const bySeverity = (s: Severity) => result.findings.filter((f) => f.severity === s);
  const errors = bySeverity("error");
  const tally = (["error", "warning", "info"] as const).map((s) => `${bySeverity(s).length} ${t.severity[s]}`).join(opts.lang === "en" ? ", " : "，");
  out.push(p("bold", `${t.findings}（${tally}）`));
  if (result.findings.length === 0) out.push(`  ${p("green", t.noFindings)}`);
  for (const s of ["error", "warning", "info"] as const) {
    for (const f of bySeverity(s)) out.push(renderFinding(f, opts.lang, p, width));
  }
  out.push(rule);
  out.push(errors.length === 0 ? p("green", p("bold", `✓ ${t.verdictOk}`)) : p("red", p("bold", `✗ ${t.verdictBad(errors.length)}`)));
  return out.join("\n") + "\n";
}

function renderFinding(f: Finding, lang: Lang, p: ReturnType<typeof painter>, width: number): string {
  const t = T[lang];
  const where =
    f.paragraph !== undefined
      ? sourceLabel({ kind: "report", paragraph: f.paragraph })[lang]
      : f.sheet !== undefined && f.cell !== undefined
        ? `${f.sheet}!${f.cell}`
        : (f.cell ?? (f.row !== undefined ? t.rowWord(f.row) : ""));
  const tag = p(SEVERITY_COLOUR[f.severity], padEnd(`${SEVERITY_MARK[f.severity]} ${t.severity[f.severity]}`, 9));
  const msg = lang === "en" ? f.message.en : f.message.zh;
  const lead = `  ${tag} ${padEnd(where, 9)} `;
  const room = width - displayWidth(lead) - 2;
  return `${lead}${truncate(msg, Math.max(30, room + 40))}  ${p("gray", f.code)}`;
}

const CHECK_MARK: Record<NarrativeCheckStatus, { mark: string; colour: Colour }> = {
  holds: { mark: "✓", colour: "green" },
  fails: { mark: "✗", colour: "red" },
  unchecked: { mark: "—", colour: "gray" },
};

/**
 * What the narrative states, what holds and what does not; nothing when the workbook has no
 * narrative, or when its only text is cells (notes under the table) stating no figure. A report
 * file the user gave (--report) is always answered, if only to say it holds no figure.
 */
function narrativeSection(result: CheckResult, lang: Lang, p: ReturnType<typeof painter>, width: number): string[] {
  const n = result.narrative;
  if (!n) return [];
  if (n.figures.length === 0 && n.blocks.every((b) => b.source.kind === "cell")) return [];
  const t = T[lang];
  const checks = n.checks ?? [];
  const count = (s: NarrativeCheckStatus) => checks.filter((c) => c.status === s).length;
  const out = [p("bold", `${t.narrative}（${t.narrativeTally(n.figures.length, count("holds"), count("fails"), count("unchecked"))}）`)];
  if (checks.length === 0) out.push(`  ${p("gray", t.narrativeNone)}`);
  for (const c of checks) {
    const m = CHECK_MARK[c.status];
    const where = sourceLabel(c.source)[lang];
    const lead = `  ${p(m.colour, m.mark)} `;
    out.push(`${lead}${truncate(c.statement[lang], width - displayWidth(where) - 8)}  ${p("gray", where)}`);
    if (c.status === "fails") {
      out.push(`      ${p("gray", truncate(`“${c.quote}”`, width - 6))}`);
      if (c.finding) out.push(`      ${p(m.colour, truncate(c.finding.message[lang], width - 6))}`);
    }
  }
  out.push("");
  return out;
}

export function wroteLine(file: string, lang: Lang): string {
  return T[lang].wrote(file);
}

/** A mark the annotated copy leaves out (a grade with no free cell beside its label), and why. */
export function unwrittenLine(u: UnwrittenMark, lang: Lang): string {
  const at = cellAddress(u.row, u.col);
  return lang === "en" ? `  Not written at ${at}: ${u.reason.en}` : `  未写入 ${at}：${u.reason.zh}`;
}
