import type { CheckOptions, CheckOutcome, CheckResult, Finding, RuleContext, SheetSnapshot, StatusCounts } from "./types";
import { locateTable } from "./locate";
import { Grid } from "./snapshot";
import { readBudgetRow, readIndicatorRows } from "./rows";
import { judgeRow } from "./judge";
import { computeTotals } from "./totals";
import { NATIONAL_PROFILE } from "./profile";
import { RULES } from "./rules";
import { formatMessage } from "./rules/format";
import { buildWritePlan } from "./plan";
import { readNarrative } from "./narrative";
import { narrativeChecks } from "./narrative/summary";
import { tableRate } from "./rules/NARRATIVE_RATE_MISMATCH";
import { readWeightGroups } from "./weightGroups";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The whole check: locate the table, judge every row, total, run the rules, plan the write-back. */
export function check(sheets: SheetSnapshot[], options: CheckOptions = {}): CheckOutcome {
  const profile = options.profile ?? NATIONAL_PROFILE;
  const located = locateTable(sheets, { sheet: options.sheet });
  if (!located.ok) return { ok: false, error: { code: located.code, message: located.message } };
  const { layout, snapshot } = located;
  const grid = new Grid(snapshot);
  const skippedSlots: number[] = [];
  const rows = readIndicatorRows(grid, layout, (r) => judgeRow(r, profile), skippedSlots);
  const budget = readBudgetRow(grid, layout);
  const groups = readWeightGroups(grid, layout, rows);
  const totals = computeTotals(grid, layout, rows, profile, budget, groups);
  const narrative = readNarrative(sheets, layout, options.report);
  const ctx: RuleContext = { layout, rows, groups, totals, profile, budget, snapshot, narrative };

  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = profile.severities[rule.code] ?? rule.defaultSeverity;
    if (severity === "off") continue;
    for (const report of rule.check(ctx)) {
      const finding: Finding = {
        code: rule.code,
        severity,
        row: report.row,
        cell: report.cell,
        message: formatMessage(rule.messages, report.data),
      };
      if (report.sheet !== undefined) finding.sheet = report.sheet;
      if (report.paragraph !== undefined) finding.paragraph = report.paragraph;
      if (report.quote !== undefined) finding.quote = report.quote;
      findings.push(finding);
    }
  }
  // Table findings by row; narrative findings after them, in the narrative's order (a stable sort keeps it).
  const isNarrative = (f: Finding) => f.sheet !== undefined || f.paragraph !== undefined;
  findings.sort(
    (a, b) =>
      Number(isNarrative(a)) - Number(isNarrative(b)) ||
      (isNarrative(a) ? 0 : (a.row ?? Infinity) - (b.row ?? Infinity) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
  );

  narrative.checks = narrativeChecks(narrative, findings, totals, tableRate(ctx) !== undefined);

  const counts: StatusCounts = { met: 0, partial: 0, unmet: 0, review: 0, notApplicable: 0 };
  for (const r of rows) counts[r.status]++;

  const plan = buildWritePlan(grid, layout, rows, findings, totals, options, budget, skippedSlots);
  const narrativeSheets = new Set(narrative.blocks.flatMap((b) => (b.source.kind === "cell" && b.source.sheet !== layout.sheet ? [b.source.sheet] : [])));
  if (narrativeSheets.size > 0) plan.narrativeSheets = [...narrativeSheets];
  const result: CheckResult = { layout, rows, findings, totals, budget, counts, skippedSlots, plan };
  if (located.otherTableSheets) result.otherTableSheets = located.otherTableSheets;
  return { ok: true, result: narrative.blocks.length > 0 ? { narrative, ...result } : result };
}
