/**
 * A workbook's rules are stored in one place by all three hosts (the very hidden sheet of
 * src/core/config/stored.ts): rules chosen in one host are the rules the others check with,
 * the sheet is never read as data, and 清除标记 leaves it.
 */
import ExcelJS from "exceljs";
import { RULES_SHEET } from "../../src/core/config/stored";
import { runCheck } from "../../src/taskpane/runCheck";
import { buildTable, validRows } from "../builders/table";
import { bytesOf } from "../wps/support";
import { HOST_KINDS, type Subject, openIn } from "./hosts";

/** The national grades but for 优, which needs 99. */
const STRICT = { name: "优需99分", grades: [{ name: "优", min: 99 }, { name: "良", min: 80 }, { name: "中", min: 60 }, { name: "差" }] };
const SETTINGS = { writeFlags: true, fixTotals: false, writeGrade: false, lang: "zh" as const };

/** A form totalling 92: 优 by the national rules, 良 by STRICT. */
function form92(): Promise<Uint8Array> {
  const rows = validRows(10).map((r, i) => (i === 0 ? { ...r, score: 2 } : r));
  return bytesOf(buildTable({ rows, grade: "优" }).workbook);
}

async function gradeIn(s: Subject): Promise<string | null> {
  const run = await runCheck(s.host, SETTINGS);
  if (run.kind !== "result") throw new Error(`${s.kind}: no result`);
  return run.result.totals.grade;
}

async function sheetState(bytes: Uint8Array, name: string): Promise<string | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb.getWorksheet(name)?.state;
}

const PAIRS = HOST_KINDS.flatMap((from) => HOST_KINDS.filter((to) => to !== from).map((to) => [from, to] as const));

test.each(PAIRS)("rules stored by the %s host are used by the %s host, survive its 清除标记 and are not data", async (from, to) => {
  const source = await openIn(from, await form92());
  expect(await gradeIn(source)).toBe("优");
  await source.host.storeRuleConfig!(JSON.stringify(STRICT));
  const bytes = await source.save();
  expect(await sheetState(bytes, RULES_SHEET)).toBe("veryHidden");

  const target = await openIn(to, bytes);
  expect(JSON.parse((await target.host.loadRuleConfig!()) as string)).toEqual(STRICT);
  expect((await target.host.readWorkbook()).map((s) => s.name)).not.toContain(RULES_SHEET);
  expect(await gradeIn(target)).toBe("良");
  expect((await target.host.clearFlags()) > 0).toBe(true);
  expect(target.sheetNames()).toContain(RULES_SHEET);
  expect(await gradeIn(await openIn(from, await target.save()))).toBe("良");
});

test.each(HOST_KINDS)("the %s host replaces the stored rules, and removes the sheet when the rules go back to the default", async (kind) => {
  const s = await openIn(kind, await form92());
  await s.host.storeRuleConfig!(JSON.stringify(STRICT));
  await s.host.storeRuleConfig!('{"extends":"ratio"}');
  expect(s.sheetNames().filter((n) => n === RULES_SHEET)).toHaveLength(1);
  expect(await (await openIn(kind, await s.save())).host.loadRuleConfig!()).toBe('{"extends":"ratio"}');
  await s.host.storeRuleConfig!(undefined);
  expect(s.sheetNames()).not.toContain(RULES_SHEET);
  expect(await s.host.loadRuleConfig!()).toBeUndefined();
  expect(await gradeIn(s)).toBe("优");
});
