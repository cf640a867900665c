import { check } from "../../src/core/check";
import { loadXlsx } from "../../src/xlsx/load";
import { XlsxHost } from "../../src/web/host";
import { SheetView, displayValue, textUnits } from "../../src/web/sheetView";
import { INJECTED, injectedErrorsFile } from "../e2e/support/workbooks";

describe("displayValue", () => {
  test.each([
    [0.985, "0.0%", "98.5%"],
    [1, "0%", "100%"],
    [12.5, "0.00", "12.50"],
    [1234.5, "#,##0.00", "1,234.50"],
    [44197, "yyyy-mm-dd", "2021-01-01"],
    [0.1 + 0.2, null, "0.3"],
    [98, "General", "98"],
  ])("%p under %p shows %p", (value, format, shown) => {
    expect(displayValue(value, format)).toBe(shown);
  });

  test("text, booleans and blanks", () => {
    expect(displayValue("≥95%", "0%")).toBe("≥95%");
    expect(displayValue(true, null)).toBe("TRUE");
    expect(displayValue(null, null)).toBe("");
  });
});

test("textUnits counts CJK and full-width characters twice", () => {
  expect(textUnits("abc")).toBe(3);
  expect(textUnits("指标１")).toBe(6);
});

async function checkedView() {
  const file = await injectedErrorsFile();
  const host = await XlsxHost.open(new Uint8Array(file.buffer));
  const { sheets } = await loadXlsx(file.buffer);
  const out = check(sheets);
  if (!out.ok) throw new Error(out.error.message.en);
  const snapshot = sheets.find((s) => s.name === out.result.layout.sheet)!;
  const view = new SheetView({ snapshot, widths: host.columnWidths(snapshot.name, out.result.plan.resultColumn) }, out.result);
  return { view, result: out.result };
}

test("the view is the sheet as the annotated copy will hold it", async () => {
  const { view, result } = await checkedView();
  const { layout, plan } = result;
  expect(view.resultColumn).toBe(plan.resultColumn);
  expect(view.colCount).toBe(plan.resultColumn);
  expect(view.cell(layout.headerRows[0], plan.resultColumn)).toMatchObject({ text: "核查结果", kind: "header" });
  expect(view.cell(5, plan.resultColumn)?.kind).toBe("result");
  // Header rows 3–4, first indicator row 5: the user's text stays, the result column says what was found.
  expect(view.cell(5, 3)?.text).toBe("指标1");
  expect(view.cell(6, plan.resultColumn)?.text).toContain("超过权重");
  const flagged = view.cell(6, 7);
  expect(flagged).toMatchObject({ text: "12", fill: "FFC7CE", severity: "error" });
  expect(view.findingsAt(INJECTED.exceedsCell).map((f) => f.code)).toEqual(["SCORE_EXCEEDS_WEIGHT"]);
  expect(view.rowSeverity.get(6)).toBe("error");
  expect(view.rowSeverity.get(5)).toBeUndefined();
  expect(view.cell(layout.headerRows[0], layout.columns.level3!)?.kind).toBe("header");
  expect(view.cell(layout.totalRow!, layout.columns.score!)?.kind).toBe("total");
});

test("merged cells: the top-left spans the area, the others point at it", async () => {
  const { view } = await checkedView();
  // 评价指标 is merged over A3:B3; the level1 cells A5:A9 are merged down.
  expect(view.cell(3, 1)?.span).toEqual({ rows: 1, cols: 2 });
  expect(view.cell(3, 2)?.coveredBy).toEqual({ row: 3, col: 1 });
  expect(view.cell(5, 1)?.span).toEqual({ rows: 5, cols: 1 });
  expect(view.cell(9, 1)?.coveredBy).toEqual({ row: 5, col: 1 });
  expect(view.merges.length).toBeGreaterThan(0);
});

test("column widths: every column has one, 核查结果 wide enough to read, lefts add up", async () => {
  const { view } = await checkedView();
  expect(view.widths).toHaveLength(view.colCount);
  expect(view.widths.every((w) => w >= 44)).toBe(true);
  expect(view.widths[view.resultColumn - 1]).toBeGreaterThanOrEqual(320);
  expect(view.columnLeft(3)).toBe(view.widths[0] + view.widths[1]);
  expect(view.totalWidth).toBe(view.widths.reduce((a, b) => a + b, 0));
});

test("a narrative finding on another sheet marks no cell of the table's grid", async () => {
  const { seedFormWorkbook, checkWorkbook } = await import("../builders/narrative");
  const wb = seedFormWorkbook();
  const result = await checkWorkbook(wb);
  const f = result.findings.find((x) => x.code === "NARRATIVE_SUM_MISMATCH")!;
  expect(f.sheet).toBe("自评价表");
  const { sheetsOf } = await import("../builders/narrative");
  const snapshot = (await sheetsOf(wb)).find((s) => s.name === result.layout.sheet)!;
  const view = new SheetView({ snapshot, widths: [] }, result);
  expect(view.findingsAt(f.cell!)).toEqual([]);
  expect(view.cell(f.row!, 2)?.severity).toBeUndefined();
});
