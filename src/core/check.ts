import type { CheckOptions, CheckOutcome, Finding, RuleContext, SheetSnapshot, StatusCounts } from "./types";
import { locateTable } from "./locate";
import { Grid } from "./snapshot";
import { readBudgetRow, readIndicatorRows } from "./rows";
import { judgeRow } from "./judge";
import { computeTotals } from "./totals";
import { NATIONAL_PROFILE } from "./profile";
import { RULES } from "./rules";
import { formatMessage } from "./rules/format";
import { buildWritePlan } from "./plan";
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
  const ctx: RuleContext = { layout, rows, groups, totals, profile, budget, snapshot };

  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = profile.severities[rule.code] ?? rule.defaultSeverity;
    if (severity === "off") continue;
    for (const report of rule.check(ctx)) {
      findings.push({
        code: rule.code,
        severity,
        row: report.row,
        cell: report.cell,
        message: formatMessage(rule.messages, report.data),
      });
    }
  }
  findings.sort(
    (a, b) =>
      (a.row ?? Infinity) - (b.row ?? Infinity) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );

  const counts: StatusCounts = { met: 0, partial: 0, unmet: 0, review: 0, notApplicable: 0 };
  for (const r of rows) counts[r.status]++;

  const plan = buildWritePlan(grid, layout, rows, findings, totals, options, budget);
  return { ok: true, result: { layout, rows, findings, totals, budget, counts, skippedSlots, plan } };
}
