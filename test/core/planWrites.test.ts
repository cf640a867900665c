/**
 * A check that writes nothing back (the CLI without --out, a batch) asks for no writes
 * (planWrites: false): the plan then holds no writes, and the marks a write-back would leave
 * out are still the full plan's, as --json reports them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { check } from "../../src/core/check";
import type { CheckOptions, CheckResult } from "../../src/core/types";
import { loadXlsx } from "../../src/xlsx/load";
import { buildTable, validRows } from "../builders/table";
import { scorecheck } from "../cli/run";
import { mergedGradeLabelTable } from "../builders/mergedGradeLabel";

function ok(out: ReturnType<typeof check>): CheckResult {
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

function table() {
  const rows = validRows(10);
  rows[2] = { ...rows[2], score: 7 };
  return buildTable({ rows, total: "sum", grade: null });
}

/** A 核查结果 column from an earlier run with two of its indicator cells merged: the lower one cannot take its mark. */
async function mergedResultCells(): Promise<Uint8Array> {
  const { workbook, sheet, headerRow, firstRow } = table();
  sheet.getCell(headerRow, 8).value = "核查结果";
  sheet.mergeCells(firstRow + 3, 8, firstRow + 4, 8);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A grade label whose only free cell is taken by a merged 盖章 remark: the grade cannot be written. */
async function blockedGrade(): Promise<Uint8Array> {
  return new Uint8Array(await mergedGradeLabelTable(true).workbook.xlsx.writeBuffer());
}

test("planWrites: false plans no writes and leaves out the same marks as the full plan; the rest of the result is the same", async () => {
  const cases: [Uint8Array, CheckOptions, string][] = [
    [await mergedResultCells(), { fixTotals: true }, "result"],
    [await mergedResultCells(), { lang: "en" }, "result"],
    [await blockedGrade(), { writeGrade: true, fixTotals: true }, "fix"],
    [await blockedGrade(), { writeGrade: true, writeFlags: false }, "fix"],
  ];
  for (const [bytes, options, purpose] of cases) {
    const { sheets } = await loadXlsx(bytes);
    const full = ok(check(sheets, options));
    const marksOnly = ok(check(sheets, { ...options, planWrites: false }));
    if (options.writeFlags !== false) expect(full.plan.writes.length).toBeGreaterThan(10);
    expect(full.plan.unwritten).toEqual([expect.objectContaining({ purpose })]);
    expect(marksOnly.plan.writes).toEqual([]);
    expect(marksOnly.plan.unwritten).toEqual(full.plan.unwritten);
    expect(marksOnly.plan.resultColumn).toBe(full.plan.resultColumn);
    const { plan: _full, ...restFull } = full;
    const { plan: _marksOnly, ...restMarksOnly } = marksOnly;
    expect(restMarksOnly).toEqual(restFull);
  }
});

test("the CLI's --json line is the same whether or not it also writes an annotated copy", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-plan-"));
  try {
    for (const [name, bytes, purpose] of [["结果列.xlsx", await mergedResultCells(), "result"], ["等级.xlsx", await blockedGrade(), "fix"]] as const) {
      const file = path.join(dir, name);
      const out = file.replace(/\.xlsx$/, "-核查.xlsx");
      fs.writeFileSync(file, bytes);
      const alone = scorecheck(["check", file, "--json", "--write-grade"]);
      const writing = scorecheck(["check", file, "--json", "--write-grade", "--out", out]);
      expect(alone.stderr).toBe("");
      expect(fs.existsSync(out)).toBe(true);
      expect(JSON.parse(alone.stdout).unwritten.map((u: { purpose: string }) => u.purpose)).toEqual([purpose]);
      expect(alone.stdout).toBe(writing.stdout);
      expect(alone.status).toBe(writing.status);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
