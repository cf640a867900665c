/**
 * Metamorphic tests: every real form (test/real/forms) reshaped the ordinary ways offices reshape a form must get
 * the same answer as printed, up to the edit's own map of rows and columns: same findings (codes, severities,
 * cells, messages with the cells moved), same status per indicator, totals, grade, scored state, skipped slots,
 * budget row, and the same sheet picked. See test/real/shapes.ts for the edits.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { columnLetter } from "../../src/core/address";
import { readWorkbookSheets } from "../../src/xlsx/open";
import { checkRealForm, realWorkbook, type RealForm } from "./support";
import {
  answerOf,
  answerOfSheets,
  betweenCoverAndOther,
  HEADER_SPELLINGS,
  indicatorHeaderRow,
  moveUnderTitleBlock,
  respellHeaders,
  withBlankRow,
  withEmptyColumn,
  type Answer,
  type Edited,
} from "./shapes";
import type { CheckOutcome } from "../../src/core/types";
import { seeded } from "../builders/seeded";

const FORMS: { name: string; form: RealForm }[] = fs
  .readdirSync(path.join(__dirname, "forms"))
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .map((f) => ({ name: f.replace(/\.ts$/, ""), form: (require(`./forms/${f}`) as { form: RealForm }).form }));

/**
 * Edits that change what the form means, so the answer may change: `edit:form` → why. Each is asserted to
 * change the answer, so an exclusion that no longer matters shows up.
 */
const CHANGES_MEANING: Record<string, string> = {
  // Both refused; the copy (宁晋's yardstick) lacks only 得分, the form's own header 权重 and 得分: the refusal rightly names the closer one.
  "other hebei-ningjin-2019-proj-gaozhong-zhuxuejin:hubei-hbust-2021-proj-jiangzhuxuejin": "the copied sheet's header is closer to a table",
  "other hebei-ningjin-2019-proj-gaozhong-zhuxuejin:hunan-hengshan-2020-proj-chubeiliang": "the copied sheet's header is closer to a table",
};


function sample<T>(xs: T[], n: number, seed: number): T[] {
  if (xs.length <= n) return xs;
  const rand = seeded(seed);
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out.sort((a, b) => (a < b ? -1 : 1));
}

/** Every place on today's forms (at most 11 columns, 30 body rows); a longer form gets a seeded sample of this many. */
const COLUMN_SAMPLE = 20;
const ROW_SAMPLE = 40;

async function expectSameAnswer(key: string, original: CheckOutcome, edited: Edited, adjust?: (expected: Answer) => void): Promise<void> {
  const expected = answerOf(original, edited.map);
  adjust?.(expected);
  const actual = answerOf(await checkRealForm(edited.form));
  if (key in CHANGES_MEANING) expect({ key, ...actual }).not.toEqual({ key, ...expected });
  else expect({ key, ...actual }).toEqual({ key, ...expected });
}

/** Columns of the table (between the header's first and last filled cell, on the first header row). */
function tableColumns(form: RealForm, outcome: CheckOutcome): { first: number; last: number } {
  if (outcome.ok) return { first: outcome.result.layout.firstColumn, last: outcome.result.layout.lastColumn };
  const sheet = form.sheets[0];
  const header = sheet.rows[indicatorHeaderRow(sheet) - 1];
  const filled = header.map((v, i) => (v === null ? -1 : i + 1)).filter((i) => i > 0);
  return { first: filled[0], last: filled[filled.length - 1] };
}

/** Places for a row inside the body, 1-based (a row inserted at `at`): between two of its rows, under the header, above the total. */
function bodyGaps(form: RealForm, outcome: CheckOutcome): number[] {
  let first: number;
  let end: number; // the last place: above the total row, or between the last two rows when there is none
  if (outcome.ok) {
    const { firstRow, lastRow, totalRow } = outcome.result.layout;
    first = firstRow;
    end = totalRow !== undefined ? totalRow : lastRow;
  } else {
    const sheet = form.sheets[0];
    first = indicatorHeaderRow(sheet) + 1;
    end = sheet.rows.length;
  }
  const gaps: number[] = [];
  for (let at = first; at <= end; at++) gaps.push(at);
  return gaps;
}

/** The sentence of a refusal that names the closest header (最接近的是… / The closest is …). */
function closestClause(message: string): string {
  return /(最接近的是[^。]*。|The closest is [^"]*"[^"]*"[^.]*\.)/.exec(message)?.[1] ?? message;
}

const outcomes = new Map<string, CheckOutcome>();
beforeAll(async () => {
  for (const { name, form } of FORMS) outcomes.set(name, await checkRealForm(form));
});
async function original(name: string): Promise<CheckOutcome> {
  return outcomes.get(name)!;
}

describe.each(FORMS)("$name reshaped", ({ name, form }) => {
  test("1. moved down 3 rows under a title block (附件2 / blank / 单位：万元) and right 2 columns", async () => {
    await expectSameAnswer(`moved:${name}`, await original(name), moveUnderTitleBlock(form));
  });

  test("2. an empty column inserted between each two adjacent columns of the table", async () => {
    const out = await original(name);
    const { first, last } = tableColumns(form, out);
    const places = Array.from({ length: last - first }, (_, i) => first + 1 + i);
    for (const at of sample(places, COLUMN_SAMPLE, 2)) {
      // A grade to be written goes in the cell right after the score total: where the empty column now is.
      const grade = out.ok && out.result.totals.statedGrade === undefined ? out.result.layout.gradeCell : undefined;
      const after = (expected: Answer) => {
        if (grade && grade.col === at) expected.gradeCell = `${columnLetter(at)}${grade.row}`;
      };
      await expectSameAnswer(`column ${at}:${name}`, out, withEmptyColumn(form, at), after);
    }
  });

  test("3. a blank row inserted at each place in the body, from under the header to above the total (a merge it falls in grows)", async () => {
    const out = await original(name);
    for (const at of sample(bodyGaps(form, out), ROW_SAMPLE, 3)) {
      await expectSameAnswer(`row ${at}:${name}`, out, withBlankRow(form, at));
    }
  });

  test.each(Object.keys(HEADER_SPELLINGS))("4. header labels typed with %s", async (spelling) => {
    await expectSameAnswer(`${spelling}:${name}`, await original(name), respellHeaders(form, HEADER_SPELLINGS[spelling]));
  });

  test("5. after a cover sheet and before a copy of each other real form: the same sheet is picked, the other named", async () => {
    const out = await original(name);
    for (const other of FORMS) {
      if (other.name === name) continue;
      const otherAlone = await original(other.name);
      // A table after a refused form is a table to check: the workbook now holds one, which changes what it means.
      if (!out.ok && otherAlone.ok) continue;
      const key = `other ${other.name}:${name}`;
      const edited = betweenCoverAndOther(form, other.form);
      let expected: Answer = answerOf(out);
      let actual = answerOf(await checkRealForm(edited.form));
      if (expected.refused && actual.refused) {
        // A refusal lists every sheet it looked at (now three); what it must keep is its code and the closest header it names.
        expected = { refused: { ...expected.refused, zh: closestClause(expected.refused.zh), en: closestClause(expected.refused.en) } };
        actual = { refused: { ...actual.refused, zh: closestClause(actual.refused.zh), en: closestClause(actual.refused.en) } };
      }
      if (expected.otherTableSheets && otherAlone.ok) expected.otherTableSheets = [...expected.otherTableSheets, edited.otherName];
      if (key in CHANGES_MEANING) expect({ key, ...actual }).not.toEqual({ key, ...expected });
      else expect({ key, ...actual }).toEqual({ key, ...expected });
    }
  });

  test.each(["xls", "ods"] as const)("6. saved as .%s (SheetJS's writer) and read through readWorkbookSheets", async (ext) => {
    const out = await original(name);
    const xlsx = new Uint8Array(await realWorkbook(form).xlsx.writeBuffer());
    const book = XLSX.read(xlsx, { type: "array", cellNF: true });
    const bytes = new Uint8Array(XLSX.write(book, { type: "array", bookType: ext === "xls" ? "biff8" : "ods" }) as ArrayBuffer);
    const opened = await readWorkbookSheets(bytes, {}, () => Promise.reject(new Error("not an .xlsx")));
    expect(opened.format).toBe(ext);
    const actual = answerOfSheets(opened.sheets);
    if (`${ext}:${name}` in CHANGES_MEANING) expect(actual).not.toEqual(answerOf(out));
    else expect(actual).toEqual(answerOf(out));
  });
});

/**
 * 6 again, as offices save them: LibreOffice converts all twelve in one run per format (a few seconds). CI does not
 * install LibreOffice (.ci/run), so there the SheetJS variant above is what runs.
 */
const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
const withSoffice = hasSoffice ? describe : describe.skip;
if (!hasSoffice) {
  test.skip("6. saved as .xls and .ods by LibreOffice: skipped, soffice is not installed (the SheetJS writer's files are checked above)", () => undefined);
}

withSoffice("6. saved as .xls / .ods by LibreOffice (soffice --headless --convert-to) and read through readWorkbookSheets", () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-shapes-"));
    for (const { name, form } of FORMS) await realWorkbook(form).xlsx.writeFile(path.join(dir, `${name}.xlsx`));
    const inputs = FORMS.map(({ name }) => path.join(dir, `${name}.xlsx`));
    // Its own profile: a LibreOffice the user has open, or another test's, does not take the conversion over.
    const profile = `-env:UserInstallation=file://${path.join(dir, "profile")}`;
    for (const ext of ["xls", "ods"]) {
      spawnSync("soffice", [profile, "--headless", "--convert-to", ext, "--outdir", dir, ...inputs], { stdio: "ignore", timeout: 120_000 });
    }
  }, 150_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(FORMS.flatMap(({ name }) => (["xls", "ods"] as const).map((ext) => ({ name, ext }))))("$name as .$ext", async ({ name, ext }) => {
    const file = path.join(dir, `${name}.${ext}`);
    expect(fs.existsSync(file)).toBe(true);
    const opened = await readWorkbookSheets(new Uint8Array(fs.readFileSync(file)), {}, () => Promise.reject(new Error("not an .xlsx")));
    expect(opened.format).toBe(ext);
    expect(answerOfSheets(opened.sheets)).toEqual(answerOf(outcomes.get(name)!));
  });
});
