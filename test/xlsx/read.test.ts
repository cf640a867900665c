import ExcelJS from "exceljs";
import { Grid } from "../../src/core/snapshot";
import type { SheetSnapshot } from "../../src/core/types";
import { fromExcelJsValue, readXlsxBuffer } from "../../src/xlsx/read";

async function roundTrip(build: (wb: ExcelJS.Workbook) => void): Promise<SheetSnapshot[]> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = await wb.xlsx.writeBuffer();
  return (await readXlsxBuffer(buf as ArrayBuffer)).sheets;
}

async function oneSheet(build: (ws: ExcelJS.Worksheet) => void): Promise<{ snapshot: SheetSnapshot; grid: Grid }> {
  const [snapshot] = await roundTrip((wb) => build(wb.addWorksheet("表")));
  return { snapshot, grid: new Grid(snapshot) };
}

describe("readXlsxBuffer: the used range", () => {
  test("a table starting at D6 is offset, not padded", async () => {
    const { snapshot, grid } = await oneSheet((ws) => {
      ws.getCell("D6").value = "三级指标";
      ws.getCell("F8").value = 2;
    });
    expect(snapshot).toMatchObject({ name: "表", top: 5, left: 3 });
    expect(snapshot.values).toEqual([
      ["三级指标", null, null],
      [null, null, null],
      [null, null, 2],
    ]);
    expect([grid.firstRow, grid.firstCol, grid.lastRow, grid.lastCol]).toEqual([6, 4, 8, 6]);
    expect(grid.value(6, 4)).toBe("三级指标");
    expect(grid.value(8, 6)).toBe(2);
  });

  test("an empty sheet, a styled-only cell and a hidden sheet", async () => {
    const sheets = await roundTrip((wb) => {
      wb.addWorksheet("空");
      const styled = wb.addWorksheet("只有格式");
      styled.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
      const hidden = wb.addWorksheet("隐藏", { state: "hidden" });
      hidden.getCell("A1").value = "x";
    });
    expect(sheets.map((s) => [s.name, s.values.length, !!s.hidden])).toEqual([
      ["空", 0, false],
      ["只有格式", 0, false],
      ["隐藏", 1, true],
    ]);
  });
});

describe("readXlsxBuffer: cell values", () => {
  test("merged cells: the value at the top-left only, the merge listed", async () => {
    const { snapshot, grid } = await oneSheet((ws) => {
      ws.getCell("A1").value = "评价指标";
      ws.mergeCells("A1:B1");
      ws.getCell("C1").value = "三级指标";
      ws.mergeCells("C1:C2");
      ws.getCell("A2").value = "一级指标";
      ws.getCell("B2").value = "二级指标";
    });
    expect(snapshot.values).toEqual([
      ["评价指标", null, "三级指标"],
      ["一级指标", "二级指标", null],
    ]);
    expect(grid.value(1, 2)).toBeNull();
    expect(grid.value(2, 3)).toBeNull();
    expect([...(snapshot.merges ?? [])].sort()).toEqual(["A1:B1", "C1:C2"]);
  });

  test("rich text, hyperlinks, errors, booleans, dates and numbers with formats", async () => {
    const { grid } = await oneSheet((ws) => {
      ws.getCell("A1").value = { richText: [{ text: "三级", font: { bold: true } }, { text: "指标" }] };
      ws.getCell("A2").value = { text: "政务服务网", hyperlink: "https://example.com" };
      ws.getCell("A3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      ws.getCell("A4").value = true;
      ws.getCell("A5").value = new Date(Date.UTC(2021, 0, 1));
      ws.getCell("A6").value = 0.985;
      ws.getCell("A6").numFmt = "0.0%";
      ws.getCell("A7").value = "１００%";
    });
    expect(grid.value(1, 1)).toBe("三级指标");
    expect(grid.value(2, 1)).toBe("政务服务网");
    expect(grid.value(3, 1)).toBe("#REF!");
    expect(grid.value(4, 1)).toBe(true);
    expect(grid.value(5, 1)).toBe(44197);
    expect(grid.value(6, 1)).toBe(0.985);
    expect(grid.numberFormat(6, 1)).toBe("0.0%");
    expect(grid.numberFormat(1, 1)).toBeNull();
    expect(grid.value(7, 1)).toBe("１００%");
  });

  test("formula cells: the text with '=' and the cached result, 0, text and error results included", async () => {
    const { grid } = await oneSheet((ws) => {
      ws.getCell("A1").value = 60;
      ws.getCell("A2").value = 40;
      ws.getCell("A3").value = { formula: "SUM(A1:A2)", result: 100 } as ExcelJS.CellFormulaValue;
      ws.getCell("A4").value = { formula: "A1-60", result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell("A5").value = { formula: 'IF(A3>=90,"优秀","良好")', result: "优秀" } as ExcelJS.CellFormulaValue;
      ws.getCell("A6").value = { formula: "A1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      ws.getCell("A7").value = { formula: "SUM(A1:A2)" } as ExcelJS.CellFormulaValue;
    });
    expect([3, 4, 5, 6, 7].map((r) => [grid.value(r, 1), grid.formula(r, 1)])).toEqual([
      [100, "=SUM(A1:A2)"],
      [0, "=A1-60"],
      ["优秀", '=IF(A3>=90,"优秀","良好")'],
      ["#DIV/0!", "=A1/0"],
      [null, "=SUM(A1:A2)"],
    ]);
    expect(grid.formula(1, 1)).toBeNull();
  });

  test("shared formulas read as their own translated text", async () => {
    const { grid } = await oneSheet((ws) => {
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = 2;
      ws.getCell("A3").value = 3;
      ws.getCell("B1").value = { formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B3" } as ExcelJS.CellFormulaValue;
      ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell("B3").value = { sharedFormula: "B1", result: 6 } as ExcelJS.CellSharedFormulaValue;
    });
    expect([1, 2, 3].map((r) => [grid.value(r, 2), grid.formula(r, 2)])).toEqual([
      [2, "=A1*2"],
      [4, "=A2*2"],
      [6, "=A3*2"],
    ]);
  });
});

describe("fromExcelJsValue", () => {
  test("plain values, rich text inside a hyperlink, formulas", () => {
    expect(fromExcelJsValue(null)).toEqual({ value: null, formula: null });
    expect(fromExcelJsValue("得分")).toEqual({ value: "得分", formula: null });
    expect(fromExcelJsValue({ text: { richText: [{ text: "A" }, { text: "B" }] }, hyperlink: "x" } as unknown as ExcelJS.CellValue)).toEqual({
      value: "AB",
      formula: null,
    });
    expect(fromExcelJsValue({ formula: "=SUM(F4:F9)", result: 0 } as ExcelJS.CellFormulaValue)).toEqual({ value: 0, formula: "=SUM(F4:F9)" });
  });
});
