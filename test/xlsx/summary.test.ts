import ExcelJS from "exceljs";
import { buildSummaryWorkbook, escapeFormulaText, fileOutcome, summaryBuffer, type FileSummary } from "../../src/xlsx/summary";

const checked = (over: Partial<Extract<FileSummary, { sheet: string }>> = {}): FileSummary => ({
  file: "a.xlsx",
  unit: "甲局",
  sheet: "指标表",
  totals: { weight: 100, score: 98.456, statedWeight: 100, statedScore: 98, grade: "优", statedGrade: "优" },
  findings: [],
  ...over,
});

test("escapeFormulaText: = + - @ tab and CR get a leading apostrophe, other text is kept", () => {
  for (const s of ["=SUM(A1)", "+86 123", "-1", "@cmd", "\tx", "\rx"]) expect(escapeFormulaText(s)).toBe(`'${s}`);
  for (const s of ["财政局", "a=b", " =x", "1+1", ""]) expect(escapeFormulaText(s)).toBe(s);
});

test("fileOutcome: ok, errors, no table, unreadable", () => {
  expect(fileOutcome(checked())).toBe("ok");
  expect(fileOutcome(checked({ findings: [{ code: "X", severity: "warning", row: 5, cell: "G5", message: "m" }] }))).toBe("ok");
  expect(fileOutcome(checked({ findings: [{ code: "X", severity: "error", row: 5, cell: "G5", message: "m" }] }))).toBe("errors");
  expect(fileOutcome({ file: "b.xlsx", error: "未找到指标表", code: "NO_TABLE" })).toBe("noTable");
  expect(fileOutcome({ file: "b.xlsx", error: "不是 .xlsx", code: "NOT_XLSX" })).toBe("unreadable");
  expect(fileOutcome({ file: "b.xlsx", error: "?" })).toBe("unreadable");
});

test("plain per-file results round-trip through the .xlsx bytes, with links only where given, text escaped", async () => {
  const files: FileSummary[] = [
    checked({
      file: "dept/=甲.xlsx", // = inside the text is harmless
      unit: "=HYPERLINK(\"http://x\",\"点我\")",
      findings: [
        { code: "SCORE_EXCEEDS_WEIGHT", severity: "error", row: 7, cell: "G7", message: "-得分超过权重" },
        { code: "TARGET_MISSING", severity: "warning", row: 8, cell: null, message: "缺少目标值" },
      ],
    }),
    { file: "b.xlsx", error: "@不是工作簿", code: "NOT_XLSX" },
  ];
  const bytes = await summaryBuffer(files, { lang: "en", link: (f) => (f.startsWith("dept/") ? encodeURI(f) : undefined) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Summary") as ExcelJS.Worksheet;
  expect(ws.getCell("A1").value).toBe("File");
  expect(ws.getCell("A2").value).toEqual({ text: "dept/=甲.xlsx", hyperlink: "dept/=%E7%94%B2.xlsx" });
  expect(ws.getCell("B2").value).toBe("'=HYPERLINK(\"http://x\",\"点我\")");
  expect(ws.getCell("B2").formula).toBeUndefined();
  expect(ws.getCell("E2").value).toBe(98.46);
  expect(ws.getCell("I2").value).toBe(1);
  expect(ws.getCell("J2").value).toBe(1);
  expect(ws.getCell("K2").value).toBe("errors");
  expect(ws.getCell("A3").value).toBe("b.xlsx");
  expect(ws.getCell("K3").value).toBe("unreadable");
  expect(ws.getCell("L3").value).toBe("'@不是工作簿");

  const f = wb.getWorksheet("Findings") as ExcelJS.Worksheet;
  expect(f.rowCount).toBe(4);
  expect(f.getRow(2).values).toEqual([
    undefined,
    { text: "dept/=甲.xlsx", hyperlink: "dept/=%E7%94%B2.xlsx" },
    "'=HYPERLINK(\"http://x\",\"点我\")",
    "指标表",
    "G7",
    7,
    "error",
    "SCORE_EXCEEDS_WEIGHT",
    "'-得分超过权重",
  ]);
  expect(f.getCell("D3").value).toBeNull();
  expect(f.getRow(4).getCell(6).value).toBe("not checked");
  expect(f.getRow(4).getCell(7).value).toBe("NOT_XLSX");
});

test("an empty batch still gives both sheets with their headers", () => {
  const wb = buildSummaryWorkbook([], { lang: "zh" });
  expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单"]);
  expect(wb.getWorksheet("问题清单")?.getCell("H1").value).toBe("说明");
});
