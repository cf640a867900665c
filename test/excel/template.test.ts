import { ExcelHost } from "../../src/excel/host";
import { widthToPoints } from "../../src/excel/template";
import { buildTemplate } from "../../src/core/template";
import { check } from "../../src/core/check";
import { FakeWorkbook } from "./fakeExcel";

test.each(["department", "project"] as const)("插入模板 (%s) adds the official sheet: cells, merges, widths, borders, validation, print", async (kind) => {
  const fake = new FakeWorkbook();
  fake.addSheet("Sheet1");
  const template = buildTemplate(kind);
  fake.addSheet(template.name); // taken: the new sheet gets another name
  const host = new ExcelHost(fake.env());
  const name = await host.insertTemplate(kind);
  expect(name).toBe(`${template.name}(2)`);
  const sheet = fake.sheet(name)!;
  for (const c of template.cells) {
    const cell = sheet.cell(c.row, c.col)!;
    if (c.formula) expect(cell.formula).toBe(c.formula);
    else expect(cell.value).toBe(c.value ?? null);
    if (c.bold) expect(cell.bold).toBe(true);
    if (c.fill) expect(cell.fill).toBe(c.fill);
    if (c.numberFormat) expect(cell.numberFormat).toBe(c.numberFormat);
  }
  expect(sheet.merges.slice().sort()).toEqual(template.merges.slice().sort());
  template.columnWidths.forEach((w, i) => expect(sheet.columnWidth(i + 1)).toBeCloseTo(widthToPoints(w)));
  expect(sheet.validations.map((v) => v.range).sort()).toEqual(template.validations.map((v) => v.range).sort());
  const first = template.layout;
  expect(sheet.cell(first.firstRow, first.columns.weight)?.borders).toContain("EdgeTop:Continuous");
  expect(sheet.pageLayout.paperSize).toBe("A4");
  expect(sheet.pageLayout.printArea).toBe(template.print.printArea);
  expect(sheet.freeze).toEqual(template.freeze);
  expect(fake.activeSheet).toBe(name);

  // The engine finds the table on the new sheet.
  const out = check(await host.readWorkbook(), { sheet: name });
  if (!out.ok) throw new Error(out.error.message.en);
  expect(out.result.layout.firstRow).toBe(template.layout.firstRow);
  expect(out.result.layout.lastRow).toBe(template.layout.lastRow);
  expect(out.result.layout.columns.weight).toBe(template.layout.columns.weight);
  expect(out.result.totals.weight).toBe(100);
});

test("on ExcelApi 1.1 the template still lands, without what the old API cannot do", async () => {
  const fake = new FakeWorkbook({ apiVersion: "1.1" });
  fake.addSheet("Sheet1");
  const name = await new ExcelHost(fake.env()).insertTemplate("department");
  const sheet = fake.sheet(name)!;
  expect(sheet.merges).toEqual([]);
  expect(sheet.validations).toEqual([]);
  const t = buildTemplate("department");
  expect(sheet.cell(t.layout.headerRows[1], t.layout.columns.level1)?.value).toBe("一级指标");
});
