/**
 * Generated forms with merged areas placed at random (level cells, labels, header cells,
 * the cells after the table, the total and grade rows): no write-plan entry ever lands in a
 * covered cell of a merged area, and the Office.js host over the fake Excel (which fails a
 * run that writes there) applies and clears every plan back to the form as it was.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { check } from "../../src/core/check";
import { cellAddress } from "../../src/core/address";
import { MergedAreas } from "../../src/core/merges";
import { ExcelHost } from "../../src/excel/host";
import { loadXlsx } from "../../src/xlsx/load";
import { buildTable } from "../builders/table";
import { FakeWorkbook } from "../excel/fakeExcel";
import { generatedTable } from "./support/tables";
import { recordCount } from "./support/counts";

const RUNS = Number(process.env.RELIABILITY_MERGES ?? 60);

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const mergeArb = fc.record({
  row: fc.nat(60),
  col: fc.nat(12),
  height: fc.integer({ min: 1, max: 3 }),
  width: fc.integer({ min: 1, max: 4 }),
  label: fc.constantFrom(null, "评价等级", "合计", "备注", "核查结果", "（盖章）"),
});

function overlaps(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function existingMerges(ws: ExcelJS.Worksheet): Box[] {
  const merges = (ws as unknown as { _merges: Record<string, { model: Box }> })._merges;
  return Object.values(merges).map((m) => m.model);
}

test(`${RUNS} generated forms with random merges: no plan entry in a covered cell, on either host`, async () => {
  let merged = 0;
  let writes = 0;
  await fc.assert(
    fc.asyncProperty(generatedTable, fc.array(mergeArb, { minLength: 1, maxLength: 8 }), async (g, extra) => {
      const { workbook, sheet, totalRow, lastRow } = buildTable(g.spec);
      const boxes = existingMerges(sheet);
      const bottom = (totalRow ?? lastRow) + 2;
      for (const m of extra) {
        // Anywhere from the header down to two rows under the total, plus the columns after the table.
        const top = 1 + (m.row % bottom);
        const box = { top, left: 1 + m.col, bottom: top + m.height - 1, right: 1 + m.col + m.width - 1 };
        if (box.top === box.bottom && box.left === box.right) continue;
        if (boxes.some((b) => overlaps(b, box))) continue;
        const anchor = sheet.getCell(box.top, box.left);
        if (m.label && (anchor.value === null || anchor.value === undefined)) anchor.value = m.label;
        sheet.mergeCells(box.top, box.left, box.bottom, box.right);
        boxes.push(box);
        merged++;
      }
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const { sheets } = await loadXlsx(bytes);
      const out = check(sheets, { fixTotals: true, writeGrade: true });
      if (!out.ok) return; // a merge over the header can leave no table: nothing to write
      const plan = out.result.plan;
      const areas = new MergedAreas(boxes.map((b) => `${cellAddress(b.top, b.left)}:${cellAddress(b.bottom, b.right)}`));
      const covered = plan.writes.filter((w) => areas.isCovered(w.row, w.col)).map((w) => `${cellAddress(w.row, w.col)} ${w.purpose}`);
      expect(covered).toEqual([]);
      writes += plan.writes.length;

      // The Office.js host: the fake fails the run on a write into a covered cell.
      const back = new ExcelJS.Workbook();
      await back.xlsx.load(bytes as unknown as ArrayBuffer);
      const fake = FakeWorkbook.fromExcelJs(back);
      // Office.js can put back a text that reads as a number ("0" typed as text) only with a quote prefix:
      // the one property restored differently (README, limits), left out of the comparison.
      const dump = () => JSON.stringify(fake.sheets.map((s) => [s.name, fake.dump(s.name)])).replace(/,"quotePrefix":true/g, "");
      const before = dump();
      const host = new ExcelHost(fake.env());
      const inExcel = check(await host.readWorkbook(), { fixTotals: true, writeGrade: true });
      if (!inExcel.ok) throw new Error(inExcel.error.message.en);
      await host.applyPlan(inExcel.result.plan, inExcel.result);
      await host.clearFlags();
      expect(dump()).toBe(before);
    }),
    { numRuns: RUNS, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined },
  );
  recordCount("forms with random merges", RUNS, `${merged} merged areas, ${writes} planned writes, none in a covered cell`);
}, 240_000);
