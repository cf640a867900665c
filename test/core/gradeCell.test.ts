/** Where the stated grade sits: a 评价结论 row of prose is not a grade cell (FINDINGS.md §青神, minor). */
import ExcelJS from "exceljs";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { check } from "../../src/core/check";
import { buildTable, validRows } from "../builders/table";

async function checkBuilt(workbook: ExcelJS.Workbook) {
  const { sheets } = await readXlsxBuffer((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const out = check(sheets, { writeGrade: true });
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

/** A scored table with no grade of its own, and a 评价结论 row under the total holding `text` beside its label. */
function withConclusion(text: string, oneCell = false) {
  const built = buildTable({ rows: validRows(10), grade: null });
  const row = built.totalRow! + 1;
  if (oneCell) built.sheet.getCell(row, 1).value = `评价结论：${text}`;
  else {
    built.sheet.getCell(row, 1).value = "评价结论";
    built.sheet.getCell(row, 2).value = text;
  }
  return { ...built, conclusionRow: row };
}

describe("a 评价结论 row", () => {
  test.each([
    ["label and value cells", false],
    ["one cell, 评价结论：…", true],
  ])("holding prose (%s) is not the grade cell: the grade is written elsewhere, the text stays", async (_, oneCell) => {
    const prose = "结合自评情况，说明项目自评总分，说明项目实施取得的成效或成果。";
    const built = withConclusion(prose, oneCell);
    const r = await checkBuilt(built.workbook);
    expect(r.layout.gradeCell?.row).not.toBe(built.conclusionRow);
    expect(r.plan.writes.filter((w) => w.row === built.conclusionRow)).toEqual([]);
  });

  test.each(["优秀", "良好", "不合格"])("holding a grade word (%s) is the grade cell", async (word) => {
    const built = withConclusion(word);
    const r = await checkBuilt(built.workbook);
    expect(r.layout.gradeCell).toEqual({ row: built.conclusionRow, col: 2 });
    expect(r.totals.statedGradeText).toBe(word);
  });
});
