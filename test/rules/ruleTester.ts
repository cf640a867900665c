/** ESLint's RuleTester, for our rules: valid and invalid cases side by side. */
import type { Rule, RuleContext } from "../../src/core/types";
import { formatMessage } from "../../src/core/rules/format";

export interface ExpectedReport {
  row?: number;
  cell?: string;
  zh?: string;
  en?: string;
}

export interface ValidCase {
  name: string;
  ctx: RuleContext;
}

export interface InvalidCase extends ValidCase {
  reports: ExpectedReport[];
}

/** Each valid case reports nothing, each invalid case exactly the reports given. */
export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule.code} (unit)`, () => {
    for (const c of cases.valid) {
      test(`valid: ${c.name}`, () => {
        expect(rule.check(c.ctx)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name}`, () => {
        const got = rule.check(c.ctx).map((r) => ({ row: r.row, cell: r.cell, ...formatMessage(rule.messages, r.data) }));
        expect(got).toHaveLength(c.reports.length);
        c.reports.forEach((want, i) => {
          expect(got[i]).toMatchObject(want);
          expect(got[i].zh).not.toMatch(/\{\w+\}/);
          expect(got[i].en).not.toMatch(/\{\w+\}/);
        });
      });
    }
  });
}
