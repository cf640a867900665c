/**
 * Whole tables, end to end: random valid tables in every layout of SPEC §1,
 * with injected errors, written to .xlsx with exceljs, read back through the
 * CLI's loader and checked. The recomputed totals must equal the generator's
 * sums, every injected error must be reported with its code and row, and
 * nothing else may be reported.
 */
import fc from "fast-check";
import { generatedTable } from "./support/tables";
import { runTable } from "./support/runTable";
import { recordCount } from "./support/counts";

const RUNS = Number(process.env.RELIABILITY_TABLES ?? 500);

test(`${RUNS} generated tables: totals, statuses and findings are exactly what the generator recorded`, async () => {
  let injectedErrors = 0;
  await fc.assert(
    fc.asyncProperty(generatedTable, async (g) => {
      const run = await runTable(g);
      if (run.problems.length) throw new Error(run.problems.join("\n"));
      injectedErrors += g.expected.errors.length;
    }),
    { numRuns: RUNS, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined },
  );
  recordCount("whole tables", RUNS, `${injectedErrors} expected errors reported`);
}, 240_000);
