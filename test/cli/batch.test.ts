import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { buildTable, validRows, type RowSpec } from "../builders/table";
import { createProgress } from "../../src/cli/progress";
import { BIN } from "./run";

/**
 * A folder as a finance bureau receives it: forms that pass, a form with wrong
 * totals, an unrelated budget table, a file that is not a workbook, a form in a
 * subfolder, a file whose name would be a formula in a CSV export, an Excel lock
 * file and a note that are not forms at all.
 */
let root: string;
let forms: string;
const ORDER = ["+注入.xlsx", "01 甲局.xlsx", "02 乙局.xlsx", "03 预算表.xlsx", "04 损坏.xlsx", "sub/05 丙局.xlsx"];

function rowsWithOverScore(): RowSpec[] {
  const rows = validRows(10);
  rows[2] = { ...rows[2], score: 12 }; // third indicator, sheet row 7: score 12 > weight 10
  return rows;
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-batch-"));
  forms = path.join(root, "forms");
  fs.mkdirSync(path.join(forms, "sub"), { recursive: true });
  const write = (name: string, wb: ExcelJS.Workbook) => wb.xlsx.writeFile(path.join(forms, name));
  await write("01 甲局.xlsx", buildTable({ unit: "甲局", rows: validRows(10) }).workbook);
  await write(
    "02 乙局.xlsx",
    buildTable({ unit: "乙局", rows: rowsWithOverScore(), total: { weight: 100, score: 95 }, grade: "良好" }).workbook,
  );
  const budget = new ExcelJS.Workbook();
  const ws = budget.addWorksheet("预算");
  ws.addRow(["2020 年部门预算收支总表"]);
  ws.addRow(["项目", "预算数", "决算数", "备注"]);
  ws.addRow(["一般公共预算拨款", 3542.32, 3542.32, ""]);
  ws.addRow(["政府性基金", 120, 118.5, ""]);
  await write("03 预算表.xlsx", budget);
  fs.writeFileSync(path.join(forms, "04 损坏.xlsx"), "这不是工作簿\nnot a workbook\n");
  await write("sub/05 丙局.xlsx", buildTable({ unit: "丙局", rows: validRows(5) }).workbook);
  await write("+注入.xlsx", buildTable({ unit: "丁局", rows: validRows(4) }).workbook);
  fs.copyFileSync(path.join(forms, "01 甲局.xlsx"), path.join(forms, "~$01 甲局.xlsx"));
  fs.writeFileSync(path.join(forms, "readme.txt"), "各部门自评表");
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Runs the built CLI in `cwd`, with stdout and stderr piped (not a terminal). */
function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, "check", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jsonLines(stdout: string): Record<string, any>[] {
  return stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}

describe("a folder of mixed workbooks", () => {
  test("the table: one line per form in path order, totals, grades, counts, outcome; exit 2 for the unreadable one", () => {
    const r = run(["forms"], root);
    expect(r.stderr).toBe(""); // no progress bar when stdout is not a terminal
    expect(r.status).toBe(2);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^文件\s+填报单位\s+工作表\s+权重合计\s+得分合计\s+填写总分\s+等级\s+填写等级\s+错误\s+警告\s+结论$/);
    const body = lines.slice(1, -1);
    expect(body.map((l) => l.split(/\s{2,}/)[0])).toEqual(ORDER.map((f) => path.join("forms", f)));
    expect(body[1]).toMatch(/^forms\/01 甲局\.xlsx\s+甲局\s+指标表\s+100\s+100\s+100\s+优\s+优\s+0\s+0\s+通过$/);
    expect(body[2]).toMatch(/^forms\/02 乙局\.xlsx\s+乙局\s+指标表\s+100\s+102\s+95\s+优\s+良\s+[3-9]\s+\d+\s+有错误$/);
    expect(body[3]).toMatch(/^forms\/03 预算表\.xlsx\s+未找到指标表/);
    expect(body[4]).toMatch(/^forms\/04 损坏\.xlsx\s+无法读取：不是 \.xlsx/);
    expect(body[5]).toMatch(/^forms\/sub\/05 丙局\.xlsx\s+丙局\s+指标表\s+100\s+100\s+100\s+优\s+优\s+0\s+0\s+通过$/);
    expect(lines[lines.length - 1]).toBe("共 6 个文件：通过 3，有错误 1，未找到指标表 1，无法读取 1");
  });

  test("--lang en prints the same table in English", () => {
    const r = run(["forms", "--lang", "en"], root);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^File\s+Unit\s+Sheet\s+Σweight\s+Σscore/);
    expect(r.stdout).toMatch(/04 损坏\.xlsx\s+unreadable: Not an \.xlsx/);
    expect(r.stdout).toContain("6 files: 3 ok, 1 with errors, 1 without a table, 1 unreadable");
  });

  test("--json: one SPEC §7 object per form, { file, error } for the ones that cannot be checked, same order with one or two workers", () => {
    const one = run(["forms", "--json", "--jobs", "1"], root);
    const two = run(["forms", "--json", "--jobs", "2"], root);
    expect(one.status).toBe(2);
    expect(two.status).toBe(2);
    expect(one.stderr).toBe("");
    expect(two.stdout).toBe(one.stdout);
    const lines = jsonLines(one.stdout);
    expect(lines.map((l) => l.file)).toEqual(ORDER.map((f) => path.join("forms", f)));

    const [, jia, yi, budget, broken, bing] = lines;
    expect(Object.keys(budget).sort()).toEqual(["code", "error", "file"]);
    expect(budget.code).toBe("NO_TABLE");
    expect(Object.keys(broken).sort()).toEqual(["code", "error", "file"]);
    expect(broken.code).toBe("NOT_XLSX");

    expect(jia).toMatchObject({ sheet: "指标表", unit: "甲局", totals: { weight: 100, score: 100, grade: "优", statedGrade: "优" } });
    expect(jia.rows).toHaveLength(10);
    expect(jia.table).toMatchObject({ firstRow: 5, lastRow: 14, totalRow: 15 });
    expect(bing.rows).toHaveLength(5);

    expect(yi.totals).toMatchObject({ weight: 100, score: 102, statedScore: 95, grade: "优", statedGrade: "良" });
    const errors = yi.findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "SCORE_EXCEEDS_WEIGHT", row: 7, cell: "G7" }),
        expect.objectContaining({ code: "TOTAL_SCORE_MISMATCH" }),
        expect.objectContaining({ code: "GRADE_MISMATCH" }),
      ]),
    );
  });

  test("exit status: 0 when every form passes, 1 when one has an error, 2 when one cannot be read", () => {
    expect(run(["forms/sub"], root).status).toBe(0);
    expect(run(["forms/01*.xlsx"], root).status).toBe(0);
    const twoFiles = run(["forms/01 甲局.xlsx", "forms/02 乙局.xlsx"], root);
    expect(twoFiles.status).toBe(1);
    expect(twoFiles.stdout.trimEnd().split("\n")).toHaveLength(4);
    expect(run(["forms/01 甲局.xlsx", "forms/04 损坏.xlsx"], root).status).toBe(2);
    expect(run(["forms/01 甲局.xlsx", "forms/missing.xlsx"], root).status).toBe(2);
  });
});

describe("--summary writes a workbook a reviewer can sort and filter", () => {
  let summary: ExcelJS.Workbook;
  let lines: Record<string, any>[];
  let stdout: string;
  // Written into the folder itself, as a reviewer would; the check runs from inside it, so file names are bare.
  const summaryName = "汇总.xlsx";

  beforeAll(async () => {
    const r = run([".", "--summary", summaryName], forms);
    expect(r.status).toBe(2);
    stdout = r.stdout;
    lines = jsonLines(run([".", "--json"], forms).stdout);
    summary = new ExcelJS.Workbook();
    await summary.xlsx.readFile(path.join(forms, summaryName));
  }, 120_000);

  test("the terminal says where it wrote it", () => {
    expect(stdout.trimEnd().split("\n").pop()).toBe(`已写出汇总工作簿：${summaryName}`);
  });

  test("sheet 汇总: header frozen, autofilter, one row per file in the table's order, numbers as numbers", () => {
    const ws = summary.getWorksheet("汇总") as ExcelJS.Worksheet;
    expect(ws).toBeDefined();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:M7");
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "文件", "填报单位", "工作表", "权重合计", "得分合计", "填写总分", "等级", "填写等级", "错误", "警告", "结论", "说明", "规则配置",
    ]);
    expect(ws.rowCount).toBe(1 + ORDER.length);
    const yi = ws.getRow(4);
    expect(yi.getCell(2).value).toBe("乙局");
    expect(yi.getCell(4).value).toBe(100);
    expect(yi.getCell(5).value).toBe(102);
    expect(yi.getCell(6).value).toBe(95);
    expect(yi.getCell(7).value).toBe("优");
    expect(yi.getCell(8).value).toBe("良");
    expect(yi.getCell(9).value).toBe(lines[2].findings.filter((f: { severity: string }) => f.severity === "error").length);
    expect(yi.getCell(11).value).toBe("有错误");
    expect(String(yi.getCell(12).value)).toContain("SCORE_EXCEEDS_WEIGHT");
    expect(yi.getCell(13).value).toBe("national"); // no scorecheck.config.json above the folder
    expect(ws.getRow(5).getCell(11).value).toBe("未找到指标表");
    expect(ws.getRow(6).getCell(11).value).toBe("无法读取");
    expect(String(ws.getRow(6).getCell(12).value)).toMatch(/不是 \.xlsx/);
  });

  test("each file is a relative hyperlink that opens that file; a name starting with + is escaped as text", () => {
    const ws = summary.getWorksheet("汇总") as ExcelJS.Worksheet;
    ORDER.forEach((name, i) => {
      const v = ws.getRow(2 + i).getCell(1).value as ExcelJS.CellHyperlinkValue;
      expect(typeof v).toBe("object");
      expect(path.isAbsolute(v.hyperlink)).toBe(false);
      const target = path.resolve(forms, decodeURIComponent(v.hyperlink));
      expect(target).toBe(path.resolve(forms, name));
      expect(fs.existsSync(target)).toBe(true);
      expect(v.text).toBe(name.startsWith("+") ? `'${name}` : name);
    });
  });

  test("sheet 问题清单: every finding of every file with its cell, and the files that could not be checked", () => {
    const ws = summary.getWorksheet("问题清单") as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const findingCount = lines.reduce((n, l) => n + (l.findings ? l.findings.length : 1), 0);
    expect(ws.rowCount).toBe(1 + findingCount);
    expect(ws.autoFilter).toBe(`A1:H${1 + findingCount}`);
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      rows.push({
        file: (row.getCell(1).value as ExcelJS.CellHyperlinkValue).text,
        unit: row.getCell(2).value,
        cell: row.getCell(4).value,
        row: row.getCell(5).value,
        severity: row.getCell(6).value,
        code: row.getCell(7).value,
      });
    }
    expect(rows).toContainEqual({ file: "02 乙局.xlsx", unit: "乙局", cell: "G7", row: 7, severity: "错误", code: "SCORE_EXCEEDS_WEIGHT" });
    expect(rows).toContainEqual(expect.objectContaining({ file: "02 乙局.xlsx", severity: "错误", code: "GRADE_MISMATCH" }));
    expect(rows).toContainEqual(expect.objectContaining({ file: "03 预算表.xlsx", severity: "无法检查", code: "NO_TABLE" }));
    expect(rows).toContainEqual(expect.objectContaining({ file: "04 损坏.xlsx", severity: "无法检查", code: "NOT_XLSX" }));
    // Every finding of the JSON is there, in file order.
    const expected = lines.flatMap((l) => (l.findings ? l.findings.map((f: { code: string }) => `${l.file} ${f.code}`) : [`${l.file} ${l.code}`]));
    expect(rows.map((x) => `${x.file.replace(/^'/, "")} ${x.code}`)).toEqual(expected);
  });

  test("a later run over the same folder leaves the summary out", () => {
    expect(fs.existsSync(path.join(forms, summaryName))).toBe(true);
    const again = run(["."], forms);
    expect(again.stdout).not.toContain(summaryName);
    expect(again.stdout).toContain("共 6 个文件");
  });
});

test("bad batch options are refused at once, with one line on stderr", () => {
  for (const args of [
    ["forms", "--jobs", "0"],
    ["forms", "--summary", "missing-folder/汇总.xlsx"],
    ["forms", "--summary", "汇总.csv"],
  ]) {
    const r = run(args, root);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  }
  expect(fs.existsSync(path.join(root, "汇总.csv"))).toBe(false);
});

describe("the progress bar", () => {
  function fakeTerminal(isTTY: boolean) {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
    Object.assign(stream, { isTTY, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    let written = "";
    stream.on("data", (d: Buffer) => (written += d.toString("utf8")));
    return { stream, written: () => written };
  }

  test("on a terminal it shows files done / total, the elapsed time and the current file", async () => {
    const t = fakeTerminal(true);
    const p = createProgress(3, true, "zh", t.stream);
    p.started(path.join(process.cwd(), "各部门", "财政局.xlsx"));
    p.finished();
    p.started(path.join(process.cwd(), "各部门", "教育局.xlsx"));
    await new Promise((r) => setTimeout(r, 300));
    p.finished();
    p.stop();
    const out = t.written();
    expect(out).toMatch(/2\/3 个文件/);
    expect(out).toMatch(/用时 \d+s/);
    expect(out).toContain("教育局.xlsx");
  });

  test("nothing when the stream is not a terminal, or when it is not wanted (--json)", () => {
    for (const [tty, wanted] of [
      [false, true],
      [true, false],
    ]) {
      const t = fakeTerminal(tty);
      const p = createProgress(3, wanted, "zh", t.stream);
      p.started("a.xlsx");
      p.finished();
      p.stop();
      expect(t.written()).toBe("");
    }
  });
});
