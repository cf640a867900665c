/**
 * Real published forms, rebuilt cell by cell as printed (layout, merges, wording, numbers,
 * mistakes included). Each form lives in test/real/forms/<place>-<year>-<kind>-<slug>.ts and
 * exports a RealForm; its test in test/real/<same name>.test.ts says what scorecheck must answer.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { check } from "../../src/core/check";
import type { CheckOptions, CheckOutcome } from "../../src/core/types";

export type RealCell = string | number | null | { formula: string; result?: number | string };

export interface RealSheet {
  name: string;
  /** Rows from A1 down, as printed; null for an empty cell (and for cells covered by a merge). */
  rows: RealCell[][];
  /** Merged areas as printed, A1 ranges ("A3:A9"). */
  merges?: string[];
}

export interface RealForm {
  /** Where it was published: page title, the address it was read from, and its date. */
  source: { title: string; url: string; published: string; retrieved: string };
  place: string; // province / city / county, e.g. "安徽省·某县"
  /** The year the form evaluates; null when the stored copy does not say. */
  year: number | null;
  kind: "department" | "project";
  /** Layout features worth a line in the README table (template slots, no weight column …). */
  features: string[];
  /** What the published form itself gets wrong, if anything (a published mistake is kept). */
  publishedMistakes?: string[];
  sheets: RealSheet[];
}

export function realWorkbook(form: RealForm): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of form.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (v === null || v === undefined) return;
        ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return wb;
}

/** Writes the form to .xlsx bytes, reads them back as the CLI does, and checks it. */
export async function checkRealForm(form: RealForm, options: CheckOptions = {}): Promise<CheckOutcome> {
  const buf = await realWorkbook(form).xlsx.writeBuffer();
  const { sheets } = await readXlsxBuffer(buf as ArrayBuffer);
  return check(sheets, options);
}

/** Writes the form as an .xlsx file (for running the CLI on it: `node -r ./scripts/bench/register.js test/real/write.ts`). */
export async function writeRealForm(form: RealForm, file: string): Promise<void> {
  await realWorkbook(form).xlsx.writeFile(file);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Writes the form to a temporary .xlsx and runs the built CLI on it (`npm run build:node` first), as a
 * user would: `scorecheck check FILE [args]`. Returns the exit code and what was printed.
 */
export async function cliCheckRealForm(form: RealForm, args: string[] = []): Promise<CliRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-real-"));
  try {
    const file = path.join(dir, "form.xlsx");
    await writeRealForm(form, file);
    const bin = path.resolve(__dirname, "..", "..", "bin", "scorecheck.js");
    const r = spawnSync(process.execPath, [bin, "check", file, ...args], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 60_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Findings a reviewer would act on (errors and warnings), as "CODE@row" for readable failures. */
export function problems(outcome: CheckOutcome): string[] {
  if (!outcome.ok) return [`refused: ${outcome.error.code}`];
  return outcome.result.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.row ?? "-"}`);
}
