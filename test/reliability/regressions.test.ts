/**
 * Counterexamples the property tests found, shrunk, kept as plain cases.
 */
import { check } from "../../src/core/check";
import { snapshotFromRows } from "../../src/core/snapshot";

test("a weight of -1.8e306 is not a number a person typed: NOT_A_NUMBER, and the totals stay finite (was -Infinity)", () => {
  const sheet = snapshotFromRows("S", [
    ["三级指标", "权重", "得分"],
    ["办件量", -1.797693134862316e306, 2],
    ["培训人次", 1e308, 1e308],
  ]);
  const out = check([sheet]);
  if (!out.ok) throw new Error(out.error.message.en);
  const { totals, findings } = out.result;
  expect(Number.isFinite(totals.weight)).toBe(true);
  expect(Number.isFinite(totals.score)).toBe(true);
  expect(findings.filter((f) => f.code === "NOT_A_NUMBER").map((f) => f.cell)).toEqual(["B2", "B3", "C3"]);
});

test("a table that ends at column XFD plans no 核查结果 column beyond it (was column 16385), and still flags its cells", () => {
  const sheet = snapshotFromRows(
    "S",
    [
      ["三级指标", "权重", "得分"],
      ["办件量", 2, 3],
    ],
    0,
    16_381,
  );
  const out = check([sheet]);
  if (!out.ok) throw new Error(out.error.message.en);
  const { plan } = out.result;
  expect(out.result.layout.lastColumn).toBe(16_384);
  expect(plan.writes.every((w) => w.col <= 16_384)).toBe(true);
  expect(plan.writes.filter((w) => w.purpose === "flag").map((w) => [w.row, w.col])).toEqual([[2, 16_384]]);
});

test("a total formula Excel never calculated (no cached result) is reported on the total row, not passed over", () => {
  const sheet = snapshotFromRows("S", [
    ["三级指标", "权重", "得分"],
    ["办件量", 60, 60],
    ["培训人次", 40, 38],
    ["总分", null, null],
  ]);
  sheet.formulas = [[], [], [], [null, "=SUM(B2:B3)", "=SUM(C2:C3)"]];
  const out = check([sheet]);
  if (!out.ok) throw new Error(out.error.message.en);
  const totals = out.result.findings.filter((f) => f.row === 4).map((f) => [f.code, f.cell, f.message.en]);
  expect(totals).toEqual([
    ["TOTAL_WEIGHT_MISMATCH", "B4", "The stated weight total “=SUM(B2:B3)” does not match the sum of the weights 100"],
    ["TOTAL_SCORE_MISMATCH", "C4", "The stated score total “=SUM(C2:C3)” does not match the sum of the scores 98"],
  ]);
  expect(out.result.totals).toMatchObject({ weight: 100, score: 98 });
});
