/** Annotated copies (what `scorecheck check --out` writes) that the browser tests open again. */
import { check } from "../../../src/core/check";
import { restoredCells } from "../../../src/core/record";
import { loadXlsx } from "../../../src/xlsx/load";
import { applyPlan, readRecord } from "../../../src/xlsx/write";
import { injectedErrorsFile, type FilePayload } from "./workbooks";

/**
 * The annotated copy of the workbook with injected errors (what `check --out --fix-totals --write-grade` writes), whose
 * table the user then took apart: its 得分 heading deleted, so no table is found any more, while the earlier check's
 * marks (the 核查结果 column, fills, notes, the fixed total, the grade) and their record are still in it.
 */
export async function markedFileWithoutTable(): Promise<{ file: FilePayload; marked: number }> {
  const original = await injectedErrorsFile();
  const { workbook, sheets } = await loadXlsx(original.buffer);
  const checked = check(sheets, { fixTotals: true, writeGrade: true });
  if (!checked.ok) throw new Error(checked.error.message.en);
  applyPlan(workbook, checked.result.plan);
  const ws = workbook.getWorksheet(checked.result.layout.sheet)!;
  for (const row of checked.result.layout.headerRows) {
    ws.getRow(row).eachCell((cell) => {
      if (String(cell.value).includes("得分")) cell.value = null;
    });
  }
  return { file: { name: "含错误的自评表-核查.xlsx", mimeType: original.mimeType, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) }, marked: restoredCells(readRecord(workbook)) };
}
