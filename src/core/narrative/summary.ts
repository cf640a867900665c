/**
 * The narrative section of a report (CLI, pane, page): each statement the narrative makes
 * that a check reads — a total and its components, a rate of change, the composite score,
 * the grade, an execution rate — with whether it holds (no finding), fails (its finding),
 * or could not be checked (上年为 0，无法计算比率; no execution rate in the table).
 */
import type { Finding, Message, Totals } from "../types";
import type { Narrative, NarrativeFigure, NarrativeSource } from "./types";
import { cellAddress } from "../address";
import { formatNumber } from "../rules/format";

export type NarrativeCheckStatus = "holds" | "fails" | "unchecked";

export interface NarrativeCheck {
  code: string;
  status: NarrativeCheckStatus;
  /** What the narrative says, shortly. */
  statement: Message;
  quote: string;
  source: NarrativeSource;
  /** The finding, when the statement fails. */
  finding?: Finding;
}

/** "自评价表!B5" or "报告第 3 段" / "report ¶3". */
export function sourceLabel(source: NarrativeSource): Message {
  if (source.kind === "report") return { zh: `报告第 ${source.paragraph} 段`, en: `report ¶${source.paragraph}` };
  const a = `${source.sheet}!${cellAddress(source.row, source.col)}`;
  return { zh: a, en: a };
}

function sameSource(f: Finding, s: NarrativeSource): boolean {
  return s.kind === "report" ? f.paragraph === s.paragraph : f.sheet === s.sheet && f.cell === cellAddress(s.row, s.col);
}

const n = (f: NarrativeFigure) => formatNumber(f.value ?? NaN);

export function narrativeChecks(narrative: Narrative, findings: Finding[], totals: Totals, hasTableRate: boolean): NarrativeCheck[] {
  const out: NarrativeCheck[] = [];
  const add = (code: string, at: NarrativeFigure, statement: Message, unchecked = false) => {
    const finding = findings.find((f) => f.code === code && f.quote === at.sentence && sameSource(f, at.source));
    out.push({ code, status: finding ? "fails" : unchecked ? "unchecked" : "holds", statement, quote: at.sentence, source: at.source, ...(finding ? { finding } : {}) });
  };
  for (const { total, components } of narrative.sums) {
    const parts = components.map((c) => c.text).join(" + ");
    add("NARRATIVE_SUM_MISMATCH", total, {
      zh: `${total.label ?? "总计"} ${total.text} = ${parts}`,
      en: `${total.label ?? "total"} ${total.text} = ${parts}`,
    });
  }
  for (const c of narrative.changes) {
    const verb = c.change.role === "decrease" ? { zh: "减少", en: "down" } : { zh: "增加", en: "up" };
    if (c.rate) {
      add("NARRATIVE_GROWTH_MISMATCH", c.rate, {
        zh: `${c.base.label ?? ""} ${c.base.text}，${verb.zh} ${c.change.text}，${c.rate.label ?? ""} ${c.rate.text}`,
        en: `${c.base.label ?? ""} ${c.base.text}, ${verb.en} ${c.change.text}, rate ${c.rate.text}`,
      });
    } else if (c.noRate) {
      add(
        "NARRATIVE_GROWTH_MISMATCH",
        c.noRate,
        { zh: `${c.base.label ?? ""} ${c.base.text}，${verb.zh} ${c.change.text}，上年为 0，无比率可核`, en: `${c.base.label ?? ""} ${c.base.text}, ${verb.en} ${c.change.text}: last year 0, no rate to check` },
        true,
      );
    }
  }
  for (const s of narrative.scores) {
    if (!totals.scored) {
      add("NARRATIVE_SCORE_MISMATCH", s, { zh: `${s.label ?? "综合得分"} ${n(s)} 分（指标表未评分，无得分可比）`, en: `composite score ${n(s)} (the table is not scored: no score to compare)` }, true);
      continue;
    }
    add("NARRATIVE_SCORE_MISMATCH", s, {
      zh: `${s.label ?? "综合得分"} ${n(s)} 分，表内得分合计 ${formatNumber(totals.score)}`,
      en: `composite score ${n(s)}; the table's Σ score ${formatNumber(totals.score)}`,
    });
  }
  for (const g of narrative.grades) {
    if (totals.grade === null) {
      add("NARRATIVE_GRADE_MISMATCH", g, { zh: `等级“${g.text}”（指标表未评分，无等级可比）`, en: `grade “${g.text}” (the table is not scored: no grade to compare)` }, true);
      continue;
    }
    add("NARRATIVE_GRADE_MISMATCH", g, {
      zh: `等级“${g.text}”，表内得分对应等级 ${totals.grade}`,
      en: `grade “${g.text}”; the table's Σ score gives ${totals.grade}`,
    });
  }
  for (const r of narrative.executionRates) {
    add(
      "NARRATIVE_RATE_MISMATCH",
      r,
      hasTableRate
        ? { zh: `预算执行率 ${r.text}`, en: `budget execution rate ${r.text}` }
        : { zh: `预算执行率 ${r.text}（表内无预算执行率可比）`, en: `budget execution rate ${r.text} (no rate in the table to compare)` },
      !hasTableRate,
    );
  }
  return out;
}
