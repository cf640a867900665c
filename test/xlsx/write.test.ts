import ExcelJS from "exceljs";
import type { WritePlan } from "../../src/core/types";
import { applyPlan, clearMarks } from "../../src/xlsx/write";
import { RECORD_SHEET } from "../../src/core/record";
import { loadXlsx } from "../../src/xlsx/load";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);
  return back;
}

/** A fill of pattern "none" is how exceljs reads back "no fill". */
function fillOf(c: ExcelJS.Cell): unknown {
  const f = c.style?.fill as ExcelJS.FillPattern | undefined;
  return !f || (f.type === "pattern" && f.pattern === "none") ? null : f;
}

function dump(wb: ExcelJS.Workbook) {
  return wb.worksheets
    .filter((s) => s.name !== RECORD_SHEET)
    .map((s) => {
      const cells: unknown[] = [];
      s.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (c) => {
          if (c.value === null && !c.note && !fillOf(c)) return;
          cells.push([c.address, c.value, c.numFmt ?? null, fillOf(c), c.note ?? null]);
        }),
      );
      return [s.name, cells];
    });
}

function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = "指标";
  ws.getCell("B1").value = "权重";
  ws.getCell("C1").value = "得分";
  ws.getCell("A2").value = "=HYPERLINK(\"http://x\")"; // text that looks like a formula stays text
  ws.getCell("B2").value = 10;
  ws.getCell("C2").value = 12;
  ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
  ws.getCell("C2").note = "用户自己的批注";
  ws.getCell("B3").value = 0.5;
  ws.getCell("B3").numFmt = "0.0%";
  ws.getCell("B4").value = { formula: "SUM(B2:B3)", result: 10.5 } as ExcelJS.CellValue;
  ws.getCell("D2").value = "旧内容";
  return wb;
}

const plan: WritePlan = {
  sheet: "表",
  resultColumn: 4,
  writes: [
    { row: 1, col: 4, value: "核查结果", purpose: "result" },
    { row: 2, col: 4, value: "✗ 未达成；得分 12 超过权重 10", fill: "FFC7CE", purpose: "result" },
    { row: 2, col: 3, fill: "FFC7CE", note: "SCORE_EXCEEDS_WEIGHT: 得分 12 超过权重 10", purpose: "flag" },
    { row: 4, col: 2, formula: "=SUM(B2:B2)", value: 10, purpose: "fix" },
  ],
};

test("applyPlan writes exactly the planned cells", async () => {
  const before = dump(userWorkbook());
  const wb = userWorkbook();
  applyPlan(wb, plan);
  const back = await roundTrip(wb);
  const ws = back.getWorksheet("表")!;
  expect(ws.getCell("D1").value).toBe("核查结果");
  expect(ws.getCell("D2").value).toBe("✗ 未达成；得分 12 超过权重 10");
  expect((ws.getCell("C2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
  expect(ws.getCell("C2").value).toBe(12);
  expect(ws.getCell("B4").value).toMatchObject({ formula: "SUM(B2:B2)" });
  expect(ws.getCell("A2").value).toBe("=HYPERLINK(\"http://x\")");
  expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
  // Nothing else changed.
  const after = dump(back)[0][1] as unknown[][];
  const untouched = (before[0][1] as unknown[][]).filter((c) => !["D1", "D2", "C2", "B4"].includes(c[0] as string));
  for (const c of untouched) expect(after).toContainEqual(c);
  expect(back.getWorksheet(RECORD_SHEET)?.state).toBe("veryHidden");
});

test("clearMarks after save and reopen restores values, formulas, formats, fills and notes exactly", async () => {
  const before = dump(await roundTrip(userWorkbook()));
  const wb = userWorkbook();
  applyPlan(wb, plan);
  const reopened = await roundTrip(wb);
  const restored = clearMarks(reopened);
  expect(restored).toBe(4);
  const again = await roundTrip(reopened);
  expect(dump(again)).toEqual(before);
  expect(again.getWorksheet(RECORD_SHEET)).toBeUndefined();
});

test("applying twice equals applying once", async () => {
  const once = userWorkbook();
  applyPlan(once, plan);
  const a = await roundTrip(once);
  const twice = await roundTrip(once);
  applyPlan(twice, plan);
  const b = await roundTrip(twice);
  expect(dump(b)).toEqual(dump(a));
});

test("loadXlsx shows the check the user's data, not an earlier run's marks", async () => {
  const wb = userWorkbook();
  applyPlan(wb, plan);
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  const { sheets } = await loadXlsx(buf);
  expect(sheets.map((s) => s.name)).toEqual(["表"]);
  const s = sheets[0];
  expect(s.values[1][3]).toBe("旧内容");
  expect(s.formulas[3][1]).toBe("=SUM(B2:B3)");
});

test("marks the Excel add-in left (its _scorecheck_addin record) are restored before a check", async () => {
  const wb = userWorkbook();
  const ws = wb.getWorksheet("表")!;
  // What the add-in does: a result column, a fill on a flagged cell, and its record of the prior state.
  ws.getCell("E1").value = "核查结果";
  ws.getCell("E2").value = "✗ 未达成";
  ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  const record = wb.addWorksheet("_scorecheck_addin", { state: "veryHidden" });
  record.addRow(["scorecheck add-in record v1", "range", "prior"]);
  record.addRow(["表", "E1:E2", JSON.stringify({ content: { constant: null } })]);
  record.addRow(["表", "C2", JSON.stringify({ fill: "00B0F0" })]);
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  const { workbook, sheets } = await loadXlsx(buf);
  expect(sheets.map((s) => s.name)).toEqual(["表"]);
  expect(sheets[0].values[0][4] ?? null).toBeNull();
  const c2 = workbook.getWorksheet("表")!.getCell("C2");
  expect((c2.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF00B0F0");
  expect(workbook.getWorksheet("_scorecheck_addin")).toBeUndefined();
});
