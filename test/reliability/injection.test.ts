/**
 * Text from the user's cells is never turned into a formula: not in the
 * annotated copy (an indicator named =HYPERLINK(...) stays text), and not in
 * the summary workbook, where every text that a spreadsheet would run once
 * exported as CSV (starting with = + - @, a tab or a CR) is escaped.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { check } from "../../src/core/check";
import { loadXlsx } from "../../src/xlsx/load";
import { applyPlan } from "../../src/xlsx/write";
import { buildSummaryWorkbook, type FileSummary } from "../../src/xlsx/summary";
import { buildTable, validRows } from "../builders/table";
import { recordCount } from "./support/counts";

const RUNS = Number(process.env.RELIABILITY_INJECTION ?? 100);
const DANGEROUS_START = /^[=+\-@\t\r]/;

/** Text as a hostile or careless cell may hold it: a formula, a phone number, a DDE payload, or plain words. */
const userText = fc.oneof(
  fc.constantFrom(
    '=HYPERLINK("http://evil.example","点击领取")',
    "=cmd|' /C calc'!A0",
    "+86 138 0000 0000",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "＝SUM(A1)",
    " =A1",
    "财政局",
  ),
  fc.tuple(fc.constantFrom("=", "+", "-", "@", "", "\t"), fc.string({ maxLength: 12 })).map(([a, b]) => a + b),
);

const finding = fc.record({
  code: fc.oneof(fc.constantFrom("SCORE_EXCEEDS_WEIGHT", "NOT_A_NUMBER"), userText),
  severity: fc.constantFrom<"error" | "warning" | "info">("error", "warning", "info"),
  row: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
  cell: fc.option(fc.oneof(fc.constantFrom("G7", "F12"), userText), { nil: null }),
  message: userText,
});

const fileSummary: fc.Arbitrary<FileSummary> = fc.oneof(
  fc.record({
    file: userText.map((t) => `${t}.xlsx`),
    unit: fc.option(userText, { nil: null }),
    sheet: userText,
    totals: fc.record({
      weight: fc.double({ min: -1000, max: 1000, noNaN: true }),
      score: fc.double({ min: -1000, max: 1000, noNaN: true }),
      statedScore: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
      grade: fc.constantFrom("优", "良", "中", "差"),
      statedGrade: fc.option(userText, { nil: null }),
    }),
    findings: fc.array(finding, { maxLength: 4 }),
  }),
  fc.record({ file: userText, error: userText, code: fc.option(userText, { nil: undefined }) }),
);

test(`${RUNS} summary workbooks built from hostile texts: no formula, no cell text a spreadsheet would run`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fileSummary, { minLength: 1, maxLength: 4 }), fc.constantFrom<"zh" | "en">("zh", "en"), async (files, lang) => {
      const wb = buildSummaryWorkbook(files, { lang, link: (f) => (f.length % 2 ? encodeURI(f) : undefined) });
      const back = new ExcelJS.Workbook();
      await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      for (const ws of back.worksheets) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula) throw new Error(`${ws.name}!${cell.address} is a formula`);
            const v = cell.value as unknown;
            const text = typeof v === "string" ? v : v && typeof v === "object" && "text" in v ? String((v as { text: unknown }).text) : undefined;
            if (text !== undefined && DANGEROUS_START.test(text)) throw new Error(`${ws.name}!${cell.address} starts unescaped: ${JSON.stringify(text)}`);
          }),
        );
      }
    }),
    { numRuns: RUNS },
  );
  recordCount("summary workbooks from hostile texts", RUNS);
});

test("an indicator named =HYPERLINK(...) stays text in the annotated copy, and so does the unit and every note", async () => {
  const rows = validRows(6).map((r, i) =>
    i === 0 ? { ...r, indicator: '=HYPERLINK("http://evil.example","点击")', score: 20 } : i === 1 ? { ...r, indicator: "@SUM(A1:A9)", actual: "未完成" } : r,
  );
  const { workbook } = buildTable({ rows, unit: "+86 单位" });
  const loaded = await loadXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const out = check(loaded.sheets, { fixTotals: true, writeGrade: true });
  if (!out.ok) throw new Error(out.error.message.en);
  expect(out.result.rows[0].indicator).toBe('=HYPERLINK("http://evil.example","点击")');
  applyPlan(loaded.workbook, out.result.plan);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await loaded.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const ws = copy.getWorksheet("指标表")!;
  const formulas: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => (c.type === ExcelJS.ValueType.Formula ? formulas.push(`${c.address}=${c.formula}`) : undefined)));
  // The only formulas are the SUM totals: the ones the table had and the ones the user asked for.
  expect(formulas.every((f) => /=SUM\([A-Z]+\d+:[A-Z]+\d+\)$/.test(f))).toBe(true);
  expect(ws.getCell(out.result.rows[0].row, 3).value).toBe('=HYPERLINK("http://evil.example","点击")');
  expect(ws.getCell(out.result.rows[1].row, 3).type).toBe(ExcelJS.ValueType.String);
});
