/**
 * The CLI and the batch check a workbook with the rules it stores (chosen in the add-in, on the
 * page or in WPS), unless --config / --profile or a scorecheck.config.json says otherwise, and
 * then they say once that the workbook's own rules were set aside. Stored rules that do not
 * validate give a clear bilingual warning and the national rules, never a crash. Workbooks built
 * here: .xlsx (the rules sheet, and the hidden names of a protected workbook), .xls and .ods.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { XlsxHost } from "../../src/web/host";
import { writeRuleSheet } from "../../src/xlsx/ruleSheet";
import { RULES_SHEET, STORED_RULES_SOURCE } from "../../src/core/config/stored";
import { buildTable, validRows } from "../builders/table";
import { lockStructure } from "../builders/lockedStructure";
import { BIN } from "./run";

let root: string;
const at = (...p: string[]) => path.join(root, ...p);
const RATIO = '{"extends":"ratio"}';
const STRICT = JSON.stringify({ name: "严格", grades: [{ name: "优", min: 99 }, { name: "良", min: 80 }, { name: "中", min: 60 }, { name: "差" }] });

/** A reverse indicator (投诉率 ≤5%, actual 8%) scored 4: right by the national rules (1 − 3 ÷ 5 = 0.4), 6.25 by ratio (5 ÷ 8). */
function reverseForm(): ExcelJS.Workbook {
  const rows = validRows(10);
  rows[0] = { ...rows[0], indicator: "投诉率", target: "≤5%", actual: "8%", score: 4 };
  return buildTable({ rows, total: "number" }).workbook;
}

async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function withStored(text: string | undefined): Promise<Uint8Array> {
  const wb = reverseForm();
  writeRuleSheet(wb, text);
  return xlsxBytes(wb);
}

/** The same workbook saved by SheetJS as .xls or .ods (the very hidden rules sheet and its A1 go along). */
function saveAsLegacy(xlsx: Uint8Array, bookType: "biff8" | "ods"): Uint8Array {
  const book = XLSX.read(xlsx, { type: "array", cellFormula: true, cellNF: true });
  return new Uint8Array(XLSX.write(book, { type: "array", bookType }) as ArrayBuffer);
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-stored-"));
  for (const d of ["无配置", "有配置", "坏"]) fs.mkdirSync(at(d));
  const ratio = await withStored(RATIO);
  fs.writeFileSync(at("无配置", "ratio.xlsx"), ratio);
  fs.writeFileSync(at("无配置", "plain.xlsx"), await withStored(undefined));
  fs.writeFileSync(at("无配置", "ratio.xls"), saveAsLegacy(ratio, "biff8"));
  fs.writeFileSync(at("无配置", "ratio.ods"), saveAsLegacy(ratio, "ods"));
  // Protected structure: the page stores the rules in hidden names, as Excel and WPS do there.
  const host = await XlsxHost.open(await lockStructure(await xlsxBytes(reverseForm())));
  await host.storeRuleConfig(RATIO);
  fs.writeFileSync(at("无配置", "locked.xlsx"), await host.toBytes());
  fs.writeFileSync(at("有配置", "ratio.xlsx"), ratio);
  fs.writeFileSync(at("有配置", "scorecheck.config.json"), JSON.stringify({ name: "财政局规则" }));
  fs.writeFileSync(at("坏", "bad-json.xlsx"), await withStored('{"extends": "ratio"'));
  fs.writeFileSync(at("坏", "bad-key.xlsx"), await withStored('{"grades": 5}'));
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, "check", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lines = (stdout: string) => stdout.trim().split("\n").map((l) => JSON.parse(l));
const firstRow = (line: { rows: { suggestedScore: number | null }[] }) => line.rows[0].suggestedScore;

test("the stored ratio preset changes the verdict with no config file: .xlsx (sheet and protected names), .xls, .ods", () => {
  const plain = lines(run(["无配置/plain.xlsx", "--json"]).stdout)[0];
  expect(plain.config).toBe("national");
  expect(firstRow(plain)).toBeCloseTo(4);
  for (const file of ["ratio.xlsx", "locked.xlsx", "ratio.xls", "ratio.ods"]) {
    const r = run([`无配置/${file}`, "--json"]);
    expect(r.stderr).toBe("");
    const line = lines(r.stdout)[0];
    expect([file, line.config]).toEqual([file, "ratio"]);
    expect(firstRow(line)).toBeCloseTo(6.25);
    expect(line.configNote).toBeUndefined();
  }
  // The terminal report names the rules it used.
  expect(run(["无配置/ratio.xlsx"]).stdout).toMatch(/规则配置：ratio/);
});

test("a config file next to it wins, and the report says once that the stored rules were set aside", () => {
  const r = run(["有配置/ratio.xlsx", "--json"]);
  const line = lines(r.stdout)[0];
  expect(line.config).toBe(path.join("有配置", "scorecheck.config.json"));
  expect(firstRow(line)).toBeCloseTo(4);
  expect(line.configNote).toMatch(/^未采用工作簿中保存的规则（ratio），按 有配置.scorecheck\.config\.json 核查：规则配置文件优先/);
  expect(line.configNoteMessages).toEqual({ zh: line.configNote, en: expect.stringMatching(/^The rules stored in the workbook \(ratio\) were set aside/) });
  const text = run(["有配置/ratio.xlsx", "--lang", "en"]).stdout;
  expect(text.match(/were set aside/g)).toHaveLength(1);
  expect(text).toMatch(/The rules stored in the workbook \(ratio\) were set aside.* \/ 未采用工作簿中保存的规则/);
  // --profile over the stored rules, said the same way.
  const opt = lines(run(["无配置/ratio.xlsx", "--json", "--profile", "national"]).stdout)[0];
  expect([opt.config, opt.configNote]).toEqual(["national", expect.stringMatching(/命令行指定的规则优先/)]);
});

test("invalid stored rules: a clear bilingual warning, checked with national, never a crash", () => {
  for (const file of ["bad-json.xlsx", "bad-key.xlsx"]) {
    const r = run([`坏/${file}`, "--json"]);
    expect(r.status).not.toBe(2);
    expect(r.stderr).toBe("");
    const line = lines(r.stdout)[0];
    expect(line.config).toBe("national");
    expect(firstRow(line)).toBeCloseTo(4);
    expect(line.configNote).toMatch(/^工作簿中保存的规则配置无效，未采用，按 national 核查：规则配置 工作簿中的规则配置 \/ rules stored in the workbook 有误/);
  }
  const text = run(["坏/bad-key.xlsx"]).stdout;
  expect(text).toMatch(/工作簿中保存的规则配置无效.* \/ The rules stored in the workbook are invalid and were not used; checked with national: .*grades/);
});

test("the batch names each file's rules: the stored preset, the config that set them aside, a note once per file", async () => {
  fs.writeFileSync(at("无配置", "strict.xlsx"), await withStored(STRICT));
  fs.writeFileSync(at("无配置", "unnamed.xlsx"), await withStored('{"tolerance": 0.5}'));
  const r = run([".", "--json", "--summary", "汇总.xlsx"]);
  const byFile = new Map(lines(r.stdout).map((l) => [path.basename(path.dirname(l.file)) + "/" + path.basename(l.file), l]));
  expect(byFile.get("无配置/ratio.xlsx")).toMatchObject({ config: "ratio" });
  expect(byFile.get("无配置/ratio.ods")).toMatchObject({ config: "ratio" });
  expect(byFile.get("无配置/strict.xlsx")).toMatchObject({ config: '工作簿中的规则配置“严格” / rules stored in the workbook "严格"' });
  expect(byFile.get("无配置/unnamed.xlsx")).toMatchObject({ config: STORED_RULES_SOURCE });
  expect(byFile.get("有配置/ratio.xlsx")).toMatchObject({ config: path.join("有配置", "scorecheck.config.json"), configNote: expect.stringMatching(/未采用工作簿中保存的规则/) });
  const summary = new ExcelJS.Workbook();
  await summary.xlsx.readFile(at("汇总.xlsx"));
  const cells = summary.worksheets[0].getSheetValues().flat().map(String);
  expect(cells).toContain(STORED_RULES_SOURCE);
  expect(cells.find((c) => c.startsWith(path.join("有配置", "scorecheck.config.json")))).toMatch(/\n未采用工作簿中保存的规则（ratio）/);
  const table = run([".", "--summary", "汇总2.xlsx"]).stdout;
  expect(table.match(/有配置.ratio\.xlsx：未采用工作簿中保存的规则/g)).toHaveLength(1);
  // The rules sheet of a checked file is the workbook's, not data: the summary workbook lists no such sheet.
  expect(summary.worksheets.map((w) => w.name)).not.toContain(RULES_SHEET);
});
