import { SCORE_OUT_OF_BAND } from "../../src/core/rules/SCORE_OUT_OF_BAND";
import { context, row, rows } from "./context";
import { ruleTester } from "./ruleTester";
import { checkTable, codes } from "../helpers/check";
import { findingsOf, tenWith } from "./workbook";

const qualitative = { quantitative: false } as const;

ruleTester(SCORE_OUT_OF_BAND, {
  valid: [
    { name: "met, full score", ctx: context({ rows: rows({ ...qualitative, band: [8, 10] }) }) },
    { name: "partly met inside 60–80 %", ctx: context({ rows: rows({ ...qualitative, status: "partial", band: [6, 8], score: 7 }) }) },
    { name: "on the band's edge", ctx: context({ rows: rows({ ...qualitative, status: "partial", band: [1.2, 1.6], weight: 2, score: 1.6 }) }) },
    { name: "within the tolerance", ctx: context({ rows: rows({ ...qualitative, status: "partial", band: [6, 8], score: 8.01 }) }) },
    { name: "quantitative rows have no band", ctx: context({ rows: rows({ status: "partial", band: [6, 8], score: 3 }) }) },
    { name: "no band given", ctx: context({ rows: rows({ ...qualitative, status: "partial", score: 3 }) }) },
    {
      name: "unmet with the full score (UNMET_FULL_SCORE)",
      ctx: context({ rows: rows({ ...qualitative, status: "unmet", band: [0, 6], score: 10 }) }),
    },
    { name: "score above the weight (SCORE_EXCEEDS_WEIGHT)", ctx: context({ rows: rows({ ...qualitative, band: [8, 10], score: 12 }) }) },
    { name: "score missing", ctx: context({ rows: rows({ ...qualitative, band: [8, 10], score: null }) }) },
    { name: "row that does not apply", ctx: context({ rows: [row(5, { ...qualitative, status: "notApplicable", band: [8, 10], score: 0 })] }) },
  ],
  invalid: [
    {
      name: "基本完成 (partial) scored 2 of 2",
      ctx: context({ rows: rows({}, { ...qualitative, status: "partial", band: [1.2, 1.6], weight: 2, score: 1.9 }) }),
      reports: [
        {
          row: 6,
          cell: "G6",
          zh: "得分 1.9 不在“部分达成”的分数区间 1.2–1.6 内",
          en: "Score 1.9 lies outside the band 1.2–1.6 for “partly met”",
        },
      ],
    },
    {
      name: "met but scored below 80 %",
      ctx: context({ rows: rows({ ...qualitative, band: [8, 10], score: 5 }) }),
      reports: [{ row: 5, cell: "G5", zh: "得分 5 不在“达成”的分数区间 8–10 内" }],
    },
    {
      name: "not met but scored above 60 %",
      ctx: context({ rows: rows({ ...qualitative, status: "unmet", band: [0, 6], score: 7 }) }),
      reports: [{ row: 5, cell: "G5", en: "Score 7 lies outside the band 0–6 for “not met”" }],
    },
  ],
});

describe("SCORE_OUT_OF_BAND (workbook)", () => {
  test("fires on 基本完成 scored 9.5 of 10 (band 6–8)", async () => {
    const result = await checkTable({ rows: tenWith({ 4: { target: "完成", actual: "基本完成", score: 9.5 } }) });
    expect(findingsOf(result, "SCORE_OUT_OF_BAND")).toMatchObject([{ row: 9, cell: "G9", severity: "warning" }]);
  });
  test("does not fire on 基本完成 scored 7", async () => {
    const result = await checkTable({ rows: tenWith({ 4: { target: "完成", actual: "基本完成", score: 7 } }) });
    expect(codes(result)).not.toContain("SCORE_OUT_OF_BAND");
  });
});
