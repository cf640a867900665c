import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { EXAMPLE, scorecheck } from "./run";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-bad-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function expectCleanFailure(r: ReturnType<typeof scorecheck>, zh: RegExp) {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(r.stderr).toMatch(zh);
  expect(r.stderr).toMatch(/[A-Za-z]{4,}/); // the English half
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

test("a file that does not exist", () => {
  expectCleanFailure(scorecheck(["check", path.join(dir, "nope.xlsx")]), /找不到/);
});

test("a text file renamed .xlsx", () => {
  const f = path.join(dir, "notes.xlsx");
  fs.writeFileSync(f, "这不是工作簿\nnot a workbook\n");
  expectCleanFailure(scorecheck(["check", f]), /不是 \.xlsx/);
});

test("a corrupt workbook (truncated zip)", () => {
  const f = path.join(dir, "truncated.xlsx");
  const bytes = fs.readFileSync(EXAMPLE);
  fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
  expectCleanFailure(scorecheck(["check", f]), /无法读取/);
});

test("an old .xls / password-protected (OLE2) file", () => {
  const f = path.join(dir, "old.xlsx");
  fs.writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
  expectCleanFailure(scorecheck(["check", f]), /\.xls|加密/);
});

test("an empty sheet", async () => {
  const f = path.join(dir, "empty.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1");
  await wb.xlsx.writeFile(f);
  expectCleanFailure(scorecheck(["check", f]), /空|未找到/);
});

test("an unrelated table (a budget table)", async () => {
  const f = path.join(dir, "budget.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("预算");
  ws.addRow(["2020 年部门预算收支总表"]);
  ws.addRow(["项目", "预算数", "决算数", "备注"]);
  ws.addRow(["一般公共预算拨款", 3542.32, 3542.32, ""]);
  ws.addRow(["政府性基金", 45, 45, ""]);
  await wb.xlsx.writeFile(f);
  expectCleanFailure(scorecheck(["check", f]), /未找到指标表/);
});

test("--sheet naming a sheet that is not there", () => {
  expectCleanFailure(scorecheck(["check", EXAMPLE, "--sheet", "封面"]), /封面/);
});

test("an unknown option is a usage error, exit 2", () => {
  const r = scorecheck(["check", EXAMPLE, "--bogus"]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/bogus/);
});
