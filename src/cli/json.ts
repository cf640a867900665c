import type { CheckResult, Role } from "../core/types";
import { cellAddress, columnLetter } from "../core/address";
import type { NarrativeSource } from "../core/narrative/types";
import { skippedSlotsMessage } from "../core/templateSlots";

/** SPEC §7: the one-line JSON shape of a checked file. */
export function resultJson(file: string, result: CheckResult, lang: "zh" | "en") {
  const { layout, totals } = result;
  const columns: Partial<Record<Role, string>> = {};
  for (const [role, col] of Object.entries(layout.columns) as [Role, number][]) columns[role] = columnLetter(col);
  const num = (c: { kind: string; value?: number; text?: string }) => (c.kind === "number" ? (c.value as number) : null);
  return {
    file,
    sheet: layout.sheet,
    unit: layout.unit ?? null,
    table: {
      headerRow: layout.headerRows[0],
      headerRows: layout.headerRows,
      firstRow: layout.firstRow,
      lastRow: layout.lastRow,
      totalRow: layout.totalRow ?? null,
      budgetRow: layout.budgetRow ?? null,
      /** Rows inside the table that repeat its header, each over a block (年度绩效目标1 / 2 …). */
      blockHeaderRows: layout.blockHeaderRows ?? [],
      columns,
    },
    rows: result.rows.map((r) => ({
      row: r.row,
      level1: r.level1,
      level2: r.level2,
      indicator: r.indicator,
      target: r.target.text,
      actual: r.actual.text,
      weight: num(r.weight),
      score: num(r.score),
      status: r.status,
      ratio: r.ratio === undefined ? null : Math.round(r.ratio * 10000) / 10000,
      suggestedScore: r.suggestedScore ?? null,
    })),
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      row: f.row ?? null,
      cell: f.cell ?? null,
      message: lang === "en" ? f.message.en : f.message.zh,
      messages: f.message,
      // Narrative findings only: the cell's sheet (it may not be the table's), the report's paragraph, the sentence.
      ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
      ...(f.paragraph !== undefined ? { paragraph: f.paragraph } : {}),
      ...(f.quote !== undefined ? { quote: f.quote } : {}),
    })),
    narrative: narrativeJson(result),
    totals: {
      weight: totals.weight,
      score: totals.score,
      statedWeight: totals.statedWeight ?? null,
      statedScore: totals.statedScore ?? null,
      grade: totals.grade,
      statedGrade: totals.statedGrade ?? null,
    },
    counts: result.counts,
    /** Rows left out as unused template slots, and what the report says of them. */
    skippedSlots: result.skippedSlots,
    skippedSlotsMessage: skippedSlotsMessage(result.skippedSlots)?.[lang] ?? null,
    /** Other sheets that hold an indicator table too, not checked (name one with --sheet). */
    otherTableSheets: result.otherTableSheets ?? [],
    /** Marks the write-back leaves out (a grade with no free cell beside its merged label), and why. */
    unwritten: (result.plan.unwritten ?? []).map((u) => ({
      cell: cellAddress(u.row, u.col),
      purpose: u.purpose,
      message: lang === "en" ? u.reason.en : u.reason.zh,
      messages: u.reason,
    })),
  };
}

function where(source: NarrativeSource) {
  return source.kind === "cell"
    ? { sheet: source.sheet, cell: cellAddress(source.row, source.col), paragraph: null }
    : { sheet: null, cell: null, paragraph: source.paragraph };
}

/** The narrative's figures with their roles and where each stands, and each checked statement; null when there is no narrative. */
function narrativeJson(result: CheckResult) {
  const n = result.narrative;
  if (!n) return null;
  return {
    figures: n.figures.map((f) => ({
      role: f.role,
      label: f.label ?? null,
      value: f.value ?? null,
      unit: f.unit ?? null,
      ...(f.grade !== undefined ? { grade: f.grade } : {}),
      text: f.text,
      sentence: f.sentence,
      ...where(f.source),
    })),
    checks: (n.checks ?? []).map((c) => ({ code: c.code, status: c.status, statement: c.statement, quote: c.quote, ...where(c.source) })),
  };
}
