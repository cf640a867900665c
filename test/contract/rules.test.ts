/**
 * A workbook's rules are stored in one place by all three hosts (the very hidden sheet of
 * src/core/config/stored.ts): rules chosen in one host are the rules the others check with,
 * the sheet is never read as data, and 清除标记 leaves it.
 */
import ExcelJS from "exceljs";
import { RULES_SHEET } from "../../src/core/config/stored";
import { isRulesName } from "../../src/core/config/storedNames";
import { readWorkbookXml } from "../../src/xlsx/workbookXml";
import { zipPartText } from "../../src/xlsx/zipRewrite";
import { lockStructure } from "../builders/lockedStructure";
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

/** STRICT spelled out in full: its JSON is longer than one string constant of a name holds (255 characters). */
const LONG_STRICT = {
  ...STRICT,
  name: "优需99分（某市财政局 2025 年绩效评价规则，\"严格\"版）",
  extends: "national",
  qualitativeBands: { met: [0.8, 1], partial: [0.6, 0.8], unmet: [0, 0.6] },
  reverseFormula: "linear",
  totalWeight: 100,
  tolerance: 0.01,
  proportionalGap: 0.5,
  executionRate: { fullScoreAt: 1 },
};

async function workbookXml(bytes: Uint8Array) {
  return readWorkbookXml((await zipPartText(bytes, "xl/workbook.xml"))!);
}

/** Every sheet's cells as the user sees them, and the sheet list. */
function dump(s: Subject) {
  return { sheets: s.sheetNames(), cells: Object.fromEntries(s.sheetNames().map((n) => [n, s.seen(n)])) };
}

describe("a workbook whose structure is protected (审阅 → 保护工作簿)", () => {
  test.each(HOST_KINDS)("the %s host's application refuses to add a sheet there, as the real one does", async (kind) => {
    const s = await openIn(kind, await lockStructure(await form92()));
    await expect(s.host.insertTemplate("project")).rejects.toThrow();
    expect(s.sheetNames()).toHaveLength(1);
  });

  test.each(PAIRS)("rules stored by the %s host go to hidden names, nothing else changes, and the %s host checks with them", async (from, to) => {
    const source = await openIn(from, await lockStructure(await form92()));
    const before = dump(source);
    await source.host.storeRuleConfig!(JSON.stringify(LONG_STRICT));
    expect(dump(source)).toEqual(before);
    const bytes = await source.save();
    const xml = await workbookXml(bytes);
    // The user's protection is kept, the rules are split over several names, and no rules sheet was added.
    expect(xml.structureLocked).toBe(true);
    expect(xml.names.filter((n) => isRulesName(n.name)).length).toBeGreaterThan(1);
    expect(await sheetState(bytes, RULES_SHEET)).toBeUndefined();

    const target = await openIn(to, bytes);
    expect(JSON.parse((await target.host.loadRuleConfig!()) as string)).toEqual(LONG_STRICT);
    expect(await gradeIn(target)).toBe("良");
    await target.host.clearFlags();
    expect(await target.host.loadRuleConfig!()).toBeDefined();
    // Back in the first host, replaced, then removed: the names go, the workbook is as it was.
    const again = await openIn(from, await target.save());
    await again.host.storeRuleConfig!('{"extends":"ratio"}');
    expect(await (await openIn(to, await again.save())).host.loadRuleConfig!()).toBe('{"extends":"ratio"}');
    await again.host.storeRuleConfig!(undefined);
    const cleared = await again.save();
    expect((await workbookXml(cleared)).names.filter((n) => isRulesName(n.name))).toEqual([]);
    expect((await workbookXml(cleared)).structureLocked).toBe(true);
    expect(await gradeIn(await openIn(to, cleared))).toBe("优");
  });

  test.each(HOST_KINDS)("the %s host moves rules stored under protection into the sheet once the protection is gone", async (kind) => {
    const locked = await openIn(kind, await lockStructure(await form92()));
    await locked.host.storeRuleConfig!(JSON.stringify(STRICT));
    const unlocked = await openIn(kind, await form92());
    // The same names in an unprotected copy (the user lifted the protection in Excel).
    const names = (await workbookXml(await locked.save())).names;
    expect(names.length).toBeGreaterThan(0);
    const s = await openIn(kind, await withNames(await unlocked.save(), names));
    expect(JSON.parse((await s.host.loadRuleConfig!()) as string)).toEqual(STRICT);
    await s.host.storeRuleConfig!('{"extends":"ratio"}');
    const bytes = await s.save();
    expect(await sheetState(bytes, RULES_SHEET)).toBe("veryHidden");
    expect((await workbookXml(bytes)).names.filter((n) => isRulesName(n.name))).toEqual([]);
  });
});

async function withNames(bytes: Uint8Array, names: { name: string; formula: string }[]): Promise<Uint8Array> {
  const { patchWorkbookXml } = await import("../../src/xlsx/workbookXml");
  const { replaceZipPart } = await import("../../src/xlsx/zipRewrite");
  const xml = (await zipPartText(bytes, "xl/workbook.xml"))!;
  return replaceZipPart(bytes, "xl/workbook.xml", patchWorkbookXml(xml, { ruleNames: names }));
}
