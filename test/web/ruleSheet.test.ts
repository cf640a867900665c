/**
 * The exceljs host (the page, and the copy the CLI writes) keeps a workbook's rules in a
 * very hidden sheet: it survives 清除标记 and a save, is never read as data, and the
 * next check of the workbook uses it.
 */
import { XlsxHost } from "../../src/web/host";
import { RULES_SHEET } from "../../src/core/config/stored";
import { runCheck } from "../../src/taskpane/runCheck";
import { buildTable, validRows } from "../builders/table";

const CONFIG = {
  name: "某市财政局",
  grades: [{ name: "优秀", min: 95 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }, { name: "不合格" }],
};

test("stored, kept by 清除标记 and a save, not data, and used by the next check", async () => {
  const rows = validRows(10).map((r, i) => (i === 0 ? { ...r, score: 2 } : r)); // total 92
  const wb = buildTable({ rows, grade: "优" }).workbook;
  const host = await XlsxHost.open(new Uint8Array(await wb.xlsx.writeBuffer()));
  const before = await runCheck(host, { writeFlags: true, fixTotals: false, writeGrade: false, lang: "zh" });
  expect(before.kind === "result" && before.result.totals.grade).toBe("优");

  await host.storeRuleConfig(JSON.stringify(CONFIG));
  await host.clearFlags();
  expect(host.workbook.getWorksheet(RULES_SHEET)?.state).toBe("veryHidden");
  const reopened = await XlsxHost.open(await host.toBytes());
  expect(JSON.parse((await reopened.loadRuleConfig()) as string)).toEqual(CONFIG);
  expect((await reopened.readWorkbook()).map((s) => s.name)).not.toContain(RULES_SHEET);
  const after = await runCheck(reopened, { writeFlags: true, fixTotals: false, writeGrade: false, lang: "zh" });
  expect(after.kind === "result" && [after.result.totals.grade, after.rules.name]).toEqual(["良好", "某市财政局"]);

  await reopened.storeRuleConfig(undefined);
  expect(reopened.workbook.getWorksheet(RULES_SHEET)).toBeUndefined();
});

test("stored rules that do not validate stop the check with their path, rather than checking by other rules", async () => {
  const host = await XlsxHost.open(new Uint8Array(await buildTable({ rows: validRows(10) }).workbook.xlsx.writeBuffer()));
  await host.storeRuleConfig(JSON.stringify({ tolerance: "x" }));
  await expect(runCheck(host, { writeFlags: true, fixTotals: false, writeGrade: false, lang: "zh" })).rejects.toThrow(/tolerance：应为数字/);
});

test("the page's session: a workbook's rules come with it, are used by its check and by the batch, and can be changed", async () => {
  const { Session } = await import("../../src/web/session");
  const rows = validRows(10).map((r, i) => (i === 0 ? { ...r, score: 2 } : r)); // total 92
  const carrier = await XlsxHost.open(new Uint8Array(await buildTable({ rows, grade: "优" }).workbook.xlsx.writeBuffer()));
  await carrier.storeRuleConfig(JSON.stringify(CONFIG));
  const bytes = await carrier.toBytes();
  const buffer = () => bytes.slice().buffer as ArrayBuffer;
  const settings = { writeFlags: true, fixTotals: false, writeGrade: false, lang: "zh" as const };

  const session = new Session();
  const opened = await session.open("甲.xlsx", buffer());
  expect(JSON.parse(opened.rules as string)).toEqual(CONFIG);
  const checked = await session.check(undefined, settings);
  expect(checked.ok && checked.result.totals.grade).toBe("良好");

  const batch = await session.batchFile("甲.xlsx", buffer(), settings);
  expect(batch.kind === "file" && batch.summary).toMatchObject({ config: "某市财政局", totals: { grade: "良好" } });

  await session.setRules(undefined);
  const national = await session.check(undefined, settings);
  expect(national.ok && national.result.totals.grade).toBe("优");
  await expect(session.setRules('{"grades": 1}')).rejects.toMatchObject({ bilingual: { zh: expect.stringMatching(/grades：/) } });
  const saved = await XlsxHost.open(new Uint8Array((await session.save()).bytes));
  expect(await saved.loadRuleConfig()).toBeUndefined();
});
