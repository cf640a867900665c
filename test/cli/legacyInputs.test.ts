/**
 * The CLI and its batch over .xls, .et and .ods, as departments save them: the same
 * report as the .xlsx of the same table, an annotated copy written as .xlsx (the input
 * untouched), files read by content whatever their name, a mixed folder one row a file.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { buildTable, validRows, type RowSpec } from "../builders/table";
import { saveAs, CompoundLayout } from "../xlsx/support/legacy";
import { BIN } from "./run";

let dir: string;

function rows(): RowSpec[] {
  const r = validRows(10);
  r[2] = { ...r[2], score: 12 }; // SCORE_EXCEEDS_WEIGHT (row 7)
  return r;
}

// Totals typed as numbers: an .xls written by SheetJS keeps no formula text, so the tables stay alike in every format.
const table = () => buildTable({ unit: "甲局", rows: rows(), total: "number" }).workbook;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-legacy-"));
  const forms = path.join(dir, "forms");
  fs.mkdirSync(forms);
  const { xlsx, other: xls } = await saveAs(table(), "biff8");
  const { other: ods } = await saveAs(table(), "ods");
  fs.writeFileSync(path.join(forms, "1 甲.xlsx"), xlsx);
  fs.writeFileSync(path.join(forms, "2 甲.xls"), xls);
  fs.writeFileSync(path.join(forms, "3 甲.et"), xls); // WPS keeps Excel's format in many .et files
  fs.writeFileSync(path.join(forms, "4 甲.ods"), ods);
  fs.writeFileSync(path.join(forms, "5 其实是xlsx.xls"), xlsx);
  fs.writeFileSync(path.join(forms, "6 其实是csv.xlsx"), "一级指标,权重,得分\n产出,10,9\n");
  const loop = new CompoundLayout(xls.slice());
  loop.set(loop.fatSlot(loop.firstDirectorySector), loop.firstDirectorySector);
  fs.writeFileSync(path.join(dir, "环.xls"), loop.bytes);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, "check", ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (stdout: string) => stdout.trim().split("\n").map((l) => JSON.parse(l));
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, f))).digest("hex");

test.each(["2 甲.xls", "3 甲.et", "4 甲.ods", "5 其实是xlsx.xls"])("%s: the report of the .xlsx of the same table", (name) => {
  const expected = run(["forms/1 甲.xlsx", "--json"]);
  const got = run([`forms/${name}`, "--json"]);
  expect(got.stderr).toBe("");
  expect(got.status).toBe(1);
  const [a] = json(got.stdout);
  const [b] = json(expected.stdout);
  expect({ ...a, file: null }).toEqual({ ...b, file: null });
  expect(a.findings.map((f: { code: string }) => f.code)).toContain("SCORE_EXCEEDS_WEIGHT");
});

test("--out from an .xls writes an .xlsx (with the 核查结果 column) and leaves the .xls as it was", async () => {
  const before = sha("forms/2 甲.xls");
  const r = run(["forms/2 甲.xls", "--out", "甲-核查.xlsx"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(1);
  expect(sha("forms/2 甲.xls")).toBe(before);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "甲-核查.xlsx"));
  const ws = wb.worksheets.find((w) => w.state === "visible")!;
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  expect(texts).toContain("核查结果");
  // Checked again, the copy reads as the input did (its marks restored first).
  const again = run(["甲-核查.xlsx", "--json"]);
  expect(json(again.stdout)[0].findings).toEqual(json(run(["forms/2 甲.xls", "--json"]).stdout)[0].findings);
});

test("--out with an .xls, .et or .ods name is refused: the copy is always .xlsx, and the message suggests …-核查.xlsx", () => {
  for (const out of ["copy.xls", "copy.et", "copy.ods"]) {
    const r = run(["forms/2 甲.xls", "--out", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/总是写成 \.xlsx.*2 甲-核查\.xlsx.*always written as \.xlsx/);
    expect(fs.existsSync(path.join(dir, out))).toBe(false);
  }
});

test("a CSV named .xlsx and a looping compound file are refused in one bilingual line, exit 2", () => {
  const csv = run(["forms/6 其实是csv.xlsx"]);
  expect(csv.status).toBe(2);
  expect(csv.stderr).toMatch(/^scorecheck: 不是 \.xlsx 工作簿（也不是 \.xls \/ \.et \/ \.ods）：这是纯文本文件（如 CSV）.* \/ Not an \.xlsx workbook \(nor \.xls \/ \.et \/ \.ods\): this is a plain text file \(CSV or similar\).*\n$/);
  const loop = run(["环.xls"]);
  expect(loop.status).toBe(2);
  expect(loop.stderr).toMatch(/^scorecheck: 无法读取该 \.xls 工作簿：文件内部的扇区链成环.* \/ Cannot read the \.xls workbook: a sector chain inside it loops.*\n$/);
});

test("a folder mixing .xlsx, .xls, .et and .ods: one row per file, in path order, each read by its content", () => {
  const r = run(["forms", "--json", "--jobs", "2"]);
  expect(r.status).toBe(2); // the CSV
  const lines = json(r.stdout);
  expect(lines.map((l) => path.basename(l.file))).toEqual(["1 甲.xlsx", "2 甲.xls", "3 甲.et", "4 甲.ods", "5 其实是xlsx.xls", "6 其实是csv.xlsx"]);
  for (const l of lines.slice(0, 5)) expect(l.totals).toEqual(lines[0].totals);
  expect(lines[5]).toMatchObject({ code: "NOT_XLSX", error: expect.stringMatching(/纯文本/) });
});
