/**
 * Generated narratives: totals with listed components, each component's change on last year
 * and its rate (increases and decreases, amounts in 元, 万元 or full-width digits), a composite
 * score and grade. Made consistent, they raise nothing; with one figure changed (a total, a
 * change, a rate, the score, the grade), exactly that figure's finding, on its cell.
 */
import fc from "fast-check";
import { RULES } from "../../../src/core/rules";
import { gradeOf, NATIONAL_PROFILE } from "../../../src/core/profile";
import type { Grade, RuleContext } from "../../../src/core/types";
import { context } from "../../rules/context";

const NARRATIVE_RULES = RULES.filter((r) => r.code.startsWith("NARRATIVE_"));
const LABELS = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "事业收入", "其他收入"];
const GRADE_WORD: Record<Grade, string> = { 优: "优秀", 良: "良好", 中: "中等", 差: "较差" };
const FULL = "０１２３４５６７８９";

interface Component {
  cents: number;
  changeCents: number;
  decrease: boolean;
}

interface Generated {
  components: Component[];
  score: number;
  fullWidth: boolean;
  yuan: boolean;
}

const component = fc
  .record({ cents: fc.integer({ min: 200, max: 99_999_999 }), share: fc.double({ min: 0.01, max: 0.9, noNaN: true }), decrease: fc.boolean() })
  .map(({ cents, share, decrease }) => ({ cents, changeCents: Math.max(1, Math.round(cents * share)), decrease }));

const generated = fc.record({
  components: fc.array(component, { minLength: 1, maxLength: 4 }),
  score: fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
  fullWidth: fc.boolean(),
  yuan: fc.boolean(),
});

type Mutation = { kind: "total" | "change" | "rate" | "score" | "grade"; index: number; delta: number };

/** Rate in percent to 2 decimals, as a careful writer states it. */
function rateOf(c: Component): number {
  const last = c.decrease ? c.cents + c.changeCents : c.cents - c.changeCents;
  return Math.round((c.changeCents / last) * 10000) / 100;
}

function money(cents: number, g: Generated): string {
  const text = g.yuan ? `${(cents * 100).toLocaleString("en-US")}元` : `${(cents / 100).toFixed(2)}万元`;
  return g.fullWidth ? text.replace(/\d/g, (d) => FULL[Number(d)]) : text;
}

/** The paragraphs: the total, one a component, the conclusion. */
function write(g: Generated, m?: Mutation): string[] {
  const total = g.components.reduce((s, c) => s + c.cents, 0) + (m?.kind === "total" ? m.delta : 0);
  const out = [`（一）收入总计 ${money(total, g)}。包括：`];
  g.components.forEach((c, i) => {
    const change = c.changeCents + (m?.kind === "change" && m.index === i ? m.delta : 0);
    const rate = rateOf(c) + (m?.kind === "rate" && m.index === i ? m.delta / 100 : 0);
    const verb = c.decrease ? ["减少", "下降"] : ["增加", "增长"];
    out.push(`${i + 1}．${LABELS[i]} ${money(c.cents, g)}，与上年相比${verb[0]} ${money(change, g)}，${verb[1]} ${rate.toFixed(2)}%。`);
  });
  const score = g.score + (m?.kind === "score" ? m.delta / 100 : 0);
  let grade = gradeOf(g.score, NATIONAL_PROFILE);
  if (m?.kind === "grade") grade = (["优", "良", "中", "差"] as Grade[]).filter((x) => x !== grade)[m.index % 3];
  out.push(`三、评价结论：综合得分 ${Number(score.toFixed(2))} 分，等级为“${GRADE_WORD[grade]}”。`);
  return out;
}

function ctxOf(g: Generated, paragraphs: string[]): RuleContext {
  return context({ totals: { score: g.score, grade: gradeOf(g.score, NATIONAL_PROFILE) }, narrative: paragraphs });
}

function findings(ctx: RuleContext) {
  return NARRATIVE_RULES.flatMap((r) => r.check(ctx).map((f) => ({ code: r.code, cell: f.cell })));
}

test("a consistent narrative raises nothing", () => {
  fc.assert(
    fc.property(generated, (g) => {
      const ctx = ctxOf(g, write(g));
      expect(ctx.narrative!.sums).toHaveLength(1);
      expect(ctx.narrative!.sums[0].components).toHaveLength(g.components.length);
      expect(ctx.narrative!.changes.filter((c) => c.rate)).toHaveLength(g.components.length);
      expect(findings(ctx)).toEqual([]);
    }),
    { numRuns: 300 },
  );
});

const CODE: Record<Mutation["kind"], string> = {
  total: "NARRATIVE_SUM_MISMATCH",
  change: "NARRATIVE_GROWTH_MISMATCH",
  rate: "NARRATIVE_GROWTH_MISMATCH",
  score: "NARRATIVE_SCORE_MISMATCH",
  grade: "NARRATIVE_GRADE_MISMATCH",
};

test("one changed figure raises exactly its finding, on its paragraph's cell", () => {
  const mutated = generated.chain((g) =>
    fc.record({
      g: fc.constant(g),
      m: fc.record({
        kind: fc.constantFrom<Mutation["kind"]>("total", "change", "rate", "score", "grade"),
        index: fc.nat({ max: g.components.length - 1 }),
        // In cents (of 万元, of a percent point, of a point): at least 2, the tolerance being 1.
        delta: fc.integer({ min: 2, max: 5000 }).chain((d) => fc.constantFrom(d, -d)),
      }),
    }),
  );
  fc.assert(
    fc.property(mutated, ({ g, m }) => {
      const c = g.components[m.index];
      // A total and a change stay above 0 (and a change below the amount for an increase); a rate and a score too.
      fc.pre(m.kind !== "change" || (c.changeCents + m.delta > 0 && (c.decrease || c.changeCents + m.delta < c.cents)));
      fc.pre(m.kind !== "total" || g.components.reduce((s, x) => s + x.cents, 0) + m.delta > 0);
      fc.pre(m.kind !== "rate" || rateOf(c) + m.delta / 100 > 0);
      fc.pre(m.kind !== "score" || g.score + m.delta / 100 >= 0);
      if (m.kind === "change") {
        // The rate written no longer fits the changed amount by more than its tolerance.
        const changed = { ...c, changeCents: c.changeCents + m.delta };
        const last = changed.decrease ? changed.cents + changed.changeCents : changed.cents - changed.changeCents;
        fc.pre(Math.abs((changed.changeCents / last) * 100 - rateOf(c)) > 0.011);
      }
      const ctx = ctxOf(g, write(g, m));
      const row = m.kind === "total" ? 3 : m.kind === "score" || m.kind === "grade" ? 3 + g.components.length + 1 : 3 + 1 + m.index;
      expect(findings(ctx)).toEqual([{ code: CODE[m.kind], cell: `B${row}` }]);
    }),
    { numRuns: 500 },
  );
});
