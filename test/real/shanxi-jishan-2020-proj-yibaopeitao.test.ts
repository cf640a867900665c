import { checkRealForm } from "./support";
import { form } from "./forms/shanxi-jishan-2020-proj-yibaopeitao";
import type { CheckResult } from "../../src/core/types";

async function result(): Promise<CheckResult> {
  const out = await checkRealForm(form);
  if (!out.ok) throw new Error(`refused: ${out.error.code} ${out.error.message.en}`);
  return out.result;
}

describe("山西·稷山县 2020 建档立卡个人缴费县级配套 (总分 94, Σ得分 93)", () => {
  test("as printed: Σ分值 90 + budget 10 = 100, Σ得分 84 + budget 9 = 93, stated 100 | 94", () => {
    const rows = form.sheets[0].rows;
    const ind = rows.slice(12, 18);
    expect(ind.reduce((a, r) => a + (r[6] as number), 0) + (rows[5][6] as number)).toBe(100);
    expect(ind.reduce((a, r) => a + (r[7] as number), 0) + (rows[5][8] as number)).toBe(93);
    expect(rows[18].slice(6, 8)).toEqual([100, 94]);
  });

  test("reads the six `指标1:` indicators as indicators (a named slot is no slot), and the budget row", async () => {
    const r = await result();
    expect(r.layout.headerRows).toEqual([12]);
    expect(r.rows.map((x) => x.row)).toEqual([13, 14, 15, 16, 17, 18]);
    expect(r.rows[0].indicator).toBe("指标1:全县参合人数");
    expect(r.layout.budgetRow).toBe(6);
    expect(r.budget).toMatchObject({ budget: 65.66, spent: 65.07, weight: 10, score: 9 });
  });

  test("Σ权重 100 = 100; Σ得分 93 against the stated 94: TOTAL_SCORE_MISMATCH on H19", async () => {
    const r = await result();
    expect(r.totals).toMatchObject({ weight: 100, statedWeight: 100, score: 93, statedScore: 94 });
    expect(r.findings.find((f) => f.code === "TOTAL_SCORE_MISMATCH")?.cell).toBe("H19");
  });

  test("statuses: 8676 of 8755 partial (its reason given), the other five met", async () => {
    const r = await result();
    expect(r.counts).toEqual({ met: 5, partial: 1, unmet: 0, review: 0, notApplicable: 0 });
    expect(r.rows[0].status).toBe("partial");
  });

  test("exactly the findings a reviewer makes: the total, the budget score 9 for 99.1%, two met rows deducted", async () => {
    const r = await result();
    const notInfo = r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`);
    expect(notInfo.sort()).toEqual(
      ["EXECUTION_RATE_MISMATCH@I6", "MET_BUT_DEDUCTED@H17", "MET_BUT_DEDUCTED@H18", "TOTAL_SCORE_MISMATCH@H19"].sort(),
    );
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.code).sort()).toEqual([
      "EXECUTION_RATE_MISMATCH",
      "TOTAL_SCORE_MISMATCH",
    ]);
    // the partial row 13 carries its reason: no DEVIATION_REASON_MISSING, at most a proportionality hint
    expect(r.findings.filter((f) => f.row === 13).every((f) => f.severity === "info")).toBe(true);
  });
});
