/**
 * What exceljs drops from xl/workbook.xml is put back into every .xlsx we write from a loaded
 * workbook (the page's download, --out): the user's workbook protection, the user's own names
 * that are not ranges, and the rules' hidden names. Workbooks built here, protected as Excel
 * saves them.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { XlsxHost } from "../../src/web/host";
import { check } from "../../src/core/check";
import { readWorkbookXml } from "../../src/xlsx/workbookXml";
import { replaceZipPart, zipPartText } from "../../src/xlsx/zipRewrite";
import { buildTable, validRows } from "../builders/table";
import { LOCK_STRUCTURE, lockStructure } from "../builders/lockedStructure";
import { BIN } from "../cli/run";

/** An over-scored form (so a check writes marks), with a range name and a constant name of the user's. */
async function userForm(): Promise<Uint8Array> {
  const rows = validRows(10).map((r, i) => (i === 0 ? { ...r, score: 15 } : r)); // weight 10
  const { workbook } = buildTable({ rows, grade: "优" });
  workbook.definedNames.add(`'${workbook.worksheets[0].name}'!$A$1`, "表头");
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const xml = (await zipPartText(bytes, "xl/workbook.xml"))!;
  // A constant, as Excel writes 公式 → 定义名称 税率 = 0.13 (exceljs cannot write one).
  return replaceZipPart(bytes, "xl/workbook.xml", xml.replace("</definedNames>", '<definedName name="税率">0.13</definedName></definedNames>'));
}

async function namesAndProtection(bytes: Uint8Array) {
  const xml = readWorkbookXml((await zipPartText(bytes, "xl/workbook.xml"))!);
  return { protection: xml.protection, names: xml.names.map((n) => `${n.name}=${n.formula}`).sort() };
}

test("the page's marked download keeps the user's workbook protection and names, and adds only the rules' hidden names", async () => {
  const original = await lockStructure(await userForm());
  const before = await namesAndProtection(original);
  expect(before.protection).toBe(LOCK_STRUCTURE);
  expect(before.names).toEqual(["表头='指标表'!$A$1", "税率=0.13"].sort());

  const host = await XlsxHost.open(original);
  const outcome = check(await host.readWorkbook(), { writeFlags: true, fixTotals: false, writeGrade: false, lang: "zh" });
  if (!outcome.ok) throw new Error("no table");
  await host.applyPlan(outcome.result.plan);
  await host.storeRuleConfig('{"extends":"ratio"}');
  const after = await namesAndProtection(await host.toBytes());
  expect(after.protection).toBe(LOCK_STRUCTURE);
  expect(after.names).toEqual([...before.names, '_scorecheck_rules_1="{""extends"":""ratio""}"'].sort());
});

test("an unprotected workbook without names is written as exceljs writes it", async () => {
  const { workbook } = buildTable({ rows: validRows(10), grade: "优" });
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const host = await XlsxHost.open(bytes);
  expect(await namesAndProtection(await host.toBytes())).toEqual({ protection: undefined, names: [] });
});

test("--out keeps the user's workbook protection and names", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-protected-"));
  try {
    const input = path.join(dir, "表.xlsx");
    fs.writeFileSync(input, await lockStructure(await userForm()));
    const out = path.join(dir, "表-核查.xlsx");
    const r = spawnSync(process.execPath, [BIN, "check", input, "--out", out], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(await namesAndProtection(new Uint8Array(fs.readFileSync(out)))).toEqual(await namesAndProtection(new Uint8Array(fs.readFileSync(input))));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
