import type { CheckResult, Role } from "../core/types";
import { columnLetter } from "../core/address";
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
    })),
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
  };
}
