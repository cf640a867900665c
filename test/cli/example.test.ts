import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXAMPLE, scorecheck } from "./run";

describe("scorecheck check on the bundled seed workbook", () => {
  test("the terminal report: 48 indicators, 100 / 98 / 优, no error, exit 0", () => {
    const r = scorecheck(["check", EXAMPLE]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("48 项");
    expect(r.stdout).toMatch(/权重合计\s+100/);
    expect(r.stdout).toMatch(/得分合计\s+98/);
    expect(r.stdout).toMatch(/等级\s+优/);
    expect(r.stdout).toContain("市政务服务大厅标准化建设工作");
    expect(r.stdout).toContain("结论：无错误");
  });

  test("the narrative section: the seed's 收入 components fall 37.97 short (a warning, exit stays 0), the rest holds", () => {
    const r = scorecheck(["check", EXAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("叙述核对（20 个数字；6 项成立，1 项不成立，2 项无法核对）");
    expect(r.stdout).toMatch(/✗ 收入总计 3625\.29万元 = 3542\.32万元 \+ 45万元\s+自评价表!B5/);
    expect(r.stdout).toContain("“（一）收入总计3625.29万元。”");
    expect(r.stdout).toMatch(/✓ 支出总计 3625\.29万元 = 3557\.93万元 \+ 45万元 \+ 22\.36万元\s+自评价表!B8/);
    expect(r.stdout).toMatch(/✓ 收入、支出总计 3625\.29万元，增加 584\.58万元，增长 19\.23%/);
    expect(r.stdout).toMatch(/✓ 综合得分 98 分，表内得分合计 98/);
    expect(r.stdout).toMatch(/! 警告\s+自评价表!B5 收入总计 3625\.29万元 与所列各项之和 3587\.32万元（3542\.32 \+ 45）不一致，相差 37\.97万元/);
  });

  test("--json gives the SPEC §7 shape with sheet row numbers", () => {
    const r = scorecheck(["check", EXAMPLE, "--json"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0]);
    expect(j.file).toBe(EXAMPLE);
    expect(j.sheet).toBe("指标表");
    expect(j.table).toMatchObject({ headerRow: 3, firstRow: 5, lastRow: 52, totalRow: 53 });
    expect(j.table.columns).toMatchObject({ level1: "A", level2: "B", level3: "C", target: "D", actual: "E", weight: "F", score: "G" });
    expect(j.rows).toHaveLength(48);
    expect(j.totals).toMatchObject({ weight: 100, score: 98, statedWeight: 100, statedScore: 98, grade: "优", statedGrade: "优" });
    const partial = j.rows.filter((x: { status: string }) => x.status === "partial");
    expect(partial.map((x: { indicator: string; weight: number; score: number }) => [x.indicator, x.weight, x.score])).toEqual([
      ["市政务服务大厅标准化建设工作", 3, 2],
      ["负责政务服务系统的管理与维护以及电子政务内外网的业务衔接和协调", 3, 2],
    ]);
    expect(j.rows.filter((x: { status: string }) => x.status === "met")).toHaveLength(46);
    expect(j.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    for (const f of j.findings) expect(f).toEqual(expect.objectContaining({ code: expect.any(String), row: expect.any(Number) }));
    const narrative = j.findings.filter((f: { code: string }) => f.code.startsWith("NARRATIVE_"));
    expect(narrative).toEqual([
      expect.objectContaining({ code: "NARRATIVE_SUM_MISMATCH", severity: "warning", sheet: "自评价表", row: 5, cell: "B5", quote: "（一）收入总计3625.29万元。" }),
    ]);
    const roles = j.narrative.figures.map((f: { role: string; text: string }) => `${f.role} ${f.text}`);
    expect(roles).toEqual(expect.arrayContaining(["total 3625.29万元", "component 3542.32万元", "component 22.36万元", "rate 19.23%", "compositeScore 98分", "grade 优秀"]));
    expect(j.narrative.checks.map((c: { status: string }) => c.status).sort()).toEqual(["fails", "holds", "holds", "holds", "holds", "holds", "holds", "unchecked", "unchecked"]);
  });

  test("--lang en prints the report in English", () => {
    const r = scorecheck(["check", EXAMPLE, "--lang", "en"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Σ weight\s+100/);
    expect(r.stdout).toContain("Verdict: no errors");
  });
});

describe("--out writes an annotated copy and leaves the input alone", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-out-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the input's bytes are unchanged, and a second run changes nothing further", async () => {
    const input = path.join(dir, "in.xlsx");
    fs.copyFileSync(EXAMPLE, input);
    const before = fs.readFileSync(input);
    const out1 = path.join(dir, "out1.xlsx");
    const r1 = scorecheck(["check", input, "--out", out1]);
    expect(r1.status).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);

    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out1);
    const ws = wb.getWorksheet("指标表")!;
    expect(ws.getCell("H3").value).toBe("核查结果");
    expect(String(ws.getCell("H5").value)).toMatch(/^✓ 达成/);
    const partialRow = 5 + 19 + 2 + 2 + 4 + 5 + 1; // 市政务服务大厅标准化建设工作
    expect(ws.getCell(`C${partialRow}`).value).toBe("市政务服务大厅标准化建设工作");
    expect(String(ws.getCell(`H${partialRow}`).value)).toMatch(/^△ 部分达成/);
    expect(String(ws.getCell("H53").value)).toContain("得分合计 98");
    // The narrative cell with the finding: amber with a note, on its own sheet; its text untouched.
    const narrativeSheet = wb.getWorksheet("自评价表")!;
    const b5 = narrativeSheet.getCell("B5");
    expect(b5.value).toBe("（一）收入总计 3625.29 万元。包括：");
    expect((b5.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe("FFFFEB9C");
    expect(String(b5.note)).toContain("NARRATIVE_SUM_MISMATCH");
    expect((narrativeSheet.getCell("B8").fill as { fgColor?: unknown } | undefined)?.fgColor).toBeUndefined();
    expect(narrativeSheet.getCell("B8").note).toBeUndefined();

    const out2 = path.join(dir, "out2.xlsx");
    const r2 = scorecheck(["check", out1, "--out", out2]);
    expect(r2.status).toBe(0);
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(out1);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(out2);
    const dump = (w: typeof a) =>
      w.worksheets.map((s) => {
        const cells: unknown[] = [];
        s.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (c) => cells.push([c.address, c.value, c.style?.fill ?? null, c.note ?? null])),
        );
        return [s.name, s.state, cells];
      });
    expect(JSON.stringify(dump(b))).toBe(JSON.stringify(dump(a)));
  });

  test("--out over the input itself is refused", () => {
    const input = path.join(dir, "self.xlsx");
    fs.copyFileSync(EXAMPLE, input);
    const before = fs.readFileSync(input);
    const r = scorecheck(["check", input, "--out", input]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("不能指向输入文件");
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });
});

describe("--write-grade beside a merged grade label", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-grade-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the label merged across A:E: the grade goes to F, the label stays; no free cell: the report says the grade was not written, and why", async () => {
    const { mergedGradeLabelTable } = await import("../builders/mergedGradeLabel");
    const ExcelJS = (await import("exceljs")).default;
    const make = async (name: string, remark: boolean) => {
      const { workbook, gradeRow: g } = mergedGradeLabelTable(remark);
      const file = path.join(dir, name);
      await workbook.xlsx.writeFile(file);
      return { file, g };
    };

    const free = await make("free.xlsx", false);
    const out = path.join(dir, "free-out.xlsx");
    const r = scorecheck(["check", free.file, "--write-grade", "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("未写入");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("指标表")!;
    expect([ws.getCell(free.g, 1).value, ws.getCell(free.g, 6).value]).toEqual(["评价等级", "优"]);

    const full = await make("full.xlsx", true);
    const r2 = scorecheck(["check", full.file, "--write-grade", "--out", path.join(dir, "full-out.xlsx")]);
    expect(r2.status).toBe(0);
    expect(r2.stdout).toContain(`未写入 F${full.g}：评价等级旁没有可写入的空单元格`);
    const r3 = scorecheck(["check", full.file, "--write-grade", "--lang", "en", "--out", path.join(dir, "full-out-en.xlsx")]);
    expect(r3.stdout).toContain(`Not written at F${full.g}: no free cell beside the grade label`);
    const r4 = scorecheck(["check", full.file, "--write-grade", "--json"]);
    const json = JSON.parse(r4.stdout);
    expect(json.unwritten).toEqual([expect.objectContaining({ cell: `F${full.g}`, purpose: "fix" })]);
    expect(json.unwritten[0].message).toContain("评价等级旁没有可写入的空单元格");
    expect(JSON.parse(scorecheck(["check", free.file, "--write-grade", "--json"]).stdout).unwritten).toEqual([]);
  });
});
