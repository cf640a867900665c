import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildTemplate, type TemplateKind, type TemplateSheet } from "../../src/core/template";
import { addTemplateSheet, templateBuffer, writeTemplateFile } from "../../src/xlsx/template";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { check } from "../../src/core/check";
import { cellAddress, columnLetter } from "../../src/core/address";

const KINDS: TemplateKind[] = ["department", "project"];

async function reload(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function formulaOf(v: ExcelJS.CellValue): string | undefined {
  return v && typeof v === "object" && "formula" in v ? `=${(v as ExcelJS.CellFormulaValue).formula}` : undefined;
}

/** The <dataValidation> elements of the first sheet, as Excel will read them. */
async function rawValidations(buf: Uint8Array): Promise<{ sqref: string; type: string; operator?: string; formulas: string[] }[]> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  return [...xml.matchAll(/<dataValidation ([^>]*)>(.*?)<\/dataValidation>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1];
    return {
      sqref: attr("sqref")!,
      type: attr("type")!,
      operator: attr("operator"),
      formulas: [...m[2].matchAll(/<formula\d>(.*?)<\/formula\d>/g)].map((f) => f[1]),
    };
  });
}

describe.each(KINDS)("the %s template written with exceljs", (kind) => {
  const t = buildTemplate(kind, { unit: "测试局", year: 2024 });
  const L = t.layout;
  let buf: Uint8Array;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    buf = await templateBuffer(kind, { unit: "测试局", year: 2024 });
    const wb = await reload(buf);
    expect(wb.worksheets).toHaveLength(1);
    ws = wb.worksheets[0];
  });

  test("keeps the title, fields, header texts and every described value and formula", () => {
    expect(ws.name).toBe(t.name);
    expect(ws.getCell(L.titleCell.row, L.titleCell.col).value).toBe(`2024年度${t.name}`);
    expect(ws.getCell(L.unitCell.row, L.unitCell.col).value).toBe("填报单位：测试局");
    expect(ws.getCell(L.headerRows[0], L.columns.level1).value).toBe("评价指标");
    expect(ws.getCell(L.headerRows[1], L.columns.level2).value).toBe("二级指标");
    for (const c of t.cells) {
      const cell = ws.getCell(c.row, c.col);
      if (c.formula) expect(formulaOf(cell.value)).toBe(c.formula);
      else if (c.value !== undefined) expect(cell.value).toBe(c.value);
      if (c.numberFormat) expect(cell.numFmt).toBe(c.numberFormat);
      if (c.bold) expect(cell.font?.bold).toBe(true);
      if (c.wrap) expect(cell.alignment?.wrapText).toBe(true);
    }
    const W = columnLetter(L.columns.weight);
    expect(formulaOf(ws.getCell(L.totalRow, L.columns.weight).value)).toMatch(new RegExp(`^=SUM\\(${W}${L.firstRow}:${W}${L.lastRow}\\)`));
    expect(formulaOf(ws.getCell(L.gradeCell.row, L.gradeCell.col).value)).toMatch(/^=IF\(/);
  });

  test("keeps the merges", () => {
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges);
    const masters = t.merges.map((m) => m.split(":")[0]);
    expect(merges.sort()).toEqual(masters.sort());
    for (const m of t.merges) {
      const [a, b] = m.split(":");
      expect(ws.getCell(b).isMerged).toBe(true);
      expect(ws.getCell(b).master.address).toBe(a);
    }
  });

  test("writes the validations Excel enforces: weight ≥ 0, score between 0 and its own weight", async () => {
    const raw = await rawValidations(buf);
    for (const v of t.validations) {
      const found = raw.find((r) => r.sqref === v.range);
      expect(found).toBeDefined();
      expect(found!.type).toBe("decimal");
      // Excel omits operator="between", its default.
      expect(found!.operator ?? "between").toBe(v.rule.operator);
      const expected = [v.rule.formula1, v.rule.formula2].filter((f) => f !== undefined).map((f) => String(f).replace(/^=/, ""));
      expect(found!.formulas).toEqual(expected);
    }
    const S = columnLetter(L.columns.score);
    const W = columnLetter(L.columns.weight);
    const score = raw.find((r) => r.sqref === `${S}${L.firstRow}:${S}${L.lastRow}`);
    expect(score?.formulas).toEqual(["0", `${W}${L.firstRow}`]);
  });

  test("borders, widths, heights, freeze and A4 print setup", () => {
    const edge = ws.getCell(L.lastRow, L.columns.reason).border;
    expect([edge?.top?.style, edge?.left?.style, edge?.bottom?.style, edge?.right?.style]).toEqual(["thin", "thin", "thin", "thin"]);
    const insideMerge = ws.getCell(L.headerRows[1], L.columns.score).border; // covered by the 得分 header merge
    expect(insideMerge?.bottom?.style).toBe("thin");
    expect(ws.getCell(L.gradeCell.row + 1, 1).border?.top?.style).toBeUndefined(); // the note row sits outside the frame
    t.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
    for (const h of t.rowHeights) expect(ws.getRow(h.row).height).toBe(h.height);
    const view = ws.views[0] as Partial<ExcelJS.WorksheetViewFrozen>;
    if (t.freeze) {
      expect(view.state).toBe("frozen");
      expect(view.ySplit).toBe(t.freeze.rows);
    } else {
      expect(view?.state ?? "normal").toBe("normal");
    }
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe(t.print.orientation);
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printArea).toBe(t.print.printArea);
    expect(ws.pageSetup.printTitlesRow).toBe(`${L.headerRows[0]}:${L.headerRows[1]}`);
  });

  test("defines the print titles Excel repeats on every page", async () => {
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    expect(xml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;${t.name}&apos;!$${L.headerRows[0]}:$${L.headerRows[1]}</definedName>`);
    expect(xml).toContain('fullCalcOnLoad="1"');
  });
});

test("addTemplateSheet adds beside existing sheets under a unique name", () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("封面");
  const first = addTemplateSheet(wb, buildTemplate("department"));
  const second = addTemplateSheet(wb, buildTemplate("department"));
  expect(wb.worksheets.map((w) => w.name)).toEqual(["封面", "部门整体支出绩效自评表", "部门整体支出绩效自评表(2)"]);
  expect(first.getCell("A1").value).toBe(second.getCell("A1").value);
});

test("writeTemplateFile writes an .xlsx that opens", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-template-"));
  const file = path.join(dir, "t.xlsx");
  try {
    await writeTemplateFile(file, "project");
    const wb = await reload(fs.readFileSync(file));
    expect(wb.worksheets[0].name).toBe("项目支出绩效自评表");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ---- (3) a freshly filled template checks without error ----

interface Indicator {
  name: string;
  target: string;
  actual: string;
  /** Fraction of the row's weight scored (1 = full marks). */
  scored?: number;
  reason?: string;
}

/** Plausible indicators per level2, as a department would fill them. */
const INDICATORS: Record<string, Indicator[]> = {
  数量指标: [
    { name: "开展业务培训次数", target: "≥4次", actual: "5次" },
    { name: "培训人次", target: "≥1000人次", actual: "900人次", scored: 0.9, reason: "部分培训因场地调整推迟至次年，已纳入下年计划" },
    { name: "办理审批事项数量", target: "≥30000件", actual: "32150件" },
  ],
  质量指标: [
    { name: "审批事项按时办结率", target: "100%", actual: "100%" },
    { name: "档案管理规范性", target: "规范", actual: "规范" },
    { name: "群众投诉率", target: "≤5%", actual: "1.2%" },
  ],
  时效指标: [
    { name: "施工许可办理时限", target: "≤7个工作日", actual: "3个工作日" },
    { name: "年度任务完成及时性", target: "按时完成", actual: "按时完成" },
  ],
  成本指标: [
    { name: "公用经费控制率", target: "≤100%", actual: "96%" },
    { name: "培训人均成本", target: "≤300元", actual: "280元" },
  ],
  经济效益指标: [
    { name: "企业开办成本降低", target: "≥10%", actual: "12%" },
    { name: "减少群众办事支出", target: "≥200万元", actual: "230万元" },
  ],
  社会效益指标: [
    { name: "政务服务事项网上可办率", target: "≥90%", actual: "95%" },
    { name: "营商环境改善", target: "有效改善", actual: "有效改善" },
    { name: "一件事改革覆盖率", target: "100%", actual: "100%" },
  ],
  生态效益指标: [
    { name: "无纸化办件比例", target: "≥60%", actual: "72%" },
    { name: "节约纸张数量", target: "≥50万张", actual: "61万张" },
  ],
  可持续影响指标: [
    { name: "制度建设健全性", target: "健全", actual: "健全" },
    { name: "信息化平台持续运行", target: "正常运行", actual: "正常运行" },
  ],
  服务对象满意度指标: [
    { name: "办事群众满意度", target: "≥90%", actual: "96%" },
    { name: "企业满意度", target: "≥90%", actual: "95%" },
  ],
};

const BUDGET = { initial: 120, budget: 100, spent: 95 };

function gradeOf(score: number): string {
  return score >= 90 ? "优" : score >= 80 ? "良" : score >= 60 ? "中" : "差";
}

/** Fills the template as a user would, with the values Excel would cache for its formulas. */
async function filledTemplate(t: TemplateSheet): Promise<{ buf: ArrayBuffer; weight: number; score: number }> {
  const wb = await reload(await templateBuffer(t.kind));
  const ws = wb.worksheets[0];
  const L = t.layout;
  let weight = 0;
  let score = 0;
  for (const g of L.groups) {
    const list = INDICATORS[g.level2];
    for (let r = g.firstRow; r <= g.lastRow; r++) {
      const ind = list[r - g.firstRow];
      const w = ws.getCell(r, L.columns.weight).value as number;
      const s = Math.round(w * (ind.scored ?? 1) * 100) / 100;
      ws.getCell(r, L.columns.level3).value = ind.name;
      ws.getCell(r, L.columns.target).value = ind.target;
      ws.getCell(r, L.columns.actual).value = ind.actual;
      ws.getCell(r, L.columns.score).value = s;
      if (ind.reason) ws.getCell(r, L.columns.reason).value = ind.reason;
      weight += w;
      score += s;
    }
  }
  const setResult = (row: number, col: number, result: number | string) => {
    const cell = ws.getCell(row, col);
    cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula, result } as ExcelJS.CellFormulaValue;
  };
  if (L.budget) {
    const b = L.budget;
    ws.getCell(b.row, b.columns.initialBudget).value = BUDGET.initial;
    ws.getCell(b.row, b.columns.budget).value = BUDGET.budget;
    ws.getCell(b.row, b.columns.spent).value = BUDGET.spent;
    ws.getCell(b.subRows[0], b.columns.budget).value = 80;
    ws.getCell(b.subRows[0], b.columns.spent).value = 76;
    ws.getCell(b.subRows[1], b.columns.budget).value = 20;
    ws.getCell(b.subRows[1], b.columns.spent).value = 19;
    const points = ws.getCell(b.row, b.columns.weight).value as number;
    const rate = BUDGET.spent / BUDGET.budget;
    const budgetScore = Math.min(rate * points, points);
    setResult(b.row, b.columns.rate, rate);
    setResult(b.row, b.columns.score, budgetScore);
    weight += points;
    score += budgetScore;
  }
  weight = Math.round(weight * 100) / 100;
  score = Math.round(score * 100) / 100;
  setResult(L.totalRow, L.columns.weight, weight);
  setResult(L.totalRow, L.columns.score, score);
  setResult(L.gradeCell.row, L.gradeCell.col, gradeOf(score));
  return { buf: (await wb.xlsx.writeBuffer()) as ArrayBuffer, weight, score };
}

describe.each(KINDS)("checking a filled %s template", (kind) => {
  const t = buildTemplate(kind);
  const L = t.layout;

  test("finds the table where the template says it is and raises no error", async () => {
    const { buf, weight, score } = await filledTemplate(t);
    expect(weight).toBe(100);
    const { sheets } = await readXlsxBuffer(buf);
    const out = check(sheets);
    if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message.en}`);
    const { layout, findings, totals, rows } = out.result;

    expect(layout.sheet).toBe(t.name);
    expect(layout.headerRows).toEqual(L.headerRows);
    expect(layout.firstRow).toBe(L.firstRow);
    expect(layout.lastRow).toBe(L.lastRow);
    expect(layout.totalRow).toBe(L.totalRow);
    for (const role of ["level1", "level2", "level3", "target", "actual", "weight", "score", "reason"] as const) {
      expect([role, layout.columns[role]]).toEqual([role, L.columns[role]]);
    }
    expect(layout.gradeCell).toEqual(L.gradeCell);
    if (L.budget) expect(layout.budgetRow).toBe(L.budget.row);

    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: L.lastRow - L.firstRow + 1 }, (_, i) => L.firstRow + i));
    expect(rows.find((r) => r.row === L.firstRow)?.level1).toBe("产出指标");
    expect(rows.find((r) => r.row === L.lastRow)?.level2).toBe("服务对象满意度指标");
    expect(totals.weight).toBe(100);
    expect(totals.score).toBeCloseTo(score, 2);
    expect(totals.statedWeight).toBe(100);
    expect(totals.statedScore).toBeCloseTo(score, 2);
    expect(totals.grade).toBe("优");
    expect(totals.statedGrade).toBe("优");

    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.code} ${f.cell ?? f.row ?? ""}: ${f.message.en}`)).toEqual([]);
  });

  test("an unfilled template is found where it says and asks, once a row, for the indicator to be named", async () => {
    const { sheets } = await readXlsxBuffer(await templateBuffer(kind));
    const out = check(sheets);
    if (!out.ok) throw new Error(out.error.code);
    const { layout, findings } = out.result;
    expect([layout.headerRows, layout.firstRow, layout.lastRow, layout.totalRow]).toEqual([L.headerRows, L.firstRow, L.lastRow, L.totalRow]);
    // Each row carries its suggested weight and nothing else: an indicator without a name (issue 14), one
    // finding on the row rather than one per empty cell.
    const unnamed = findings.filter((f) => f.code === "INDICATOR_NAME_MISSING").map((f) => f.cell);
    expect(unnamed).toEqual(Array.from({ length: L.lastRow - L.firstRow + 1 }, (_, i) => cellAddress(L.firstRow + i, L.columns.level3)));
    expect(findings.filter((f) => f.row !== undefined && f.row >= L.firstRow && f.row <= L.lastRow).every((f) => f.code === "INDICATOR_NAME_MISSING")).toBe(true);
    expect(findings.some((f) => f.code === "WEIGHT_MISSING" || f.code === "WEIGHT_TOTAL_NOT_100")).toBe(false);
  });

  test("the template's own total and grade formulas raise no finding at all", async () => {
    const { buf } = await filledTemplate(t);
    const { sheets } = await readXlsxBuffer(buf);
    const out = check(sheets);
    if (!out.ok) throw new Error(out.error.code);
    expect(out.result.findings.map((f) => `${f.severity} ${f.code} ${f.cell ?? f.row ?? ""}: ${f.message.en}`)).toEqual([]);
  });

  test("a score above its weight in the filled template is an error at that cell", async () => {
    const { buf } = await filledTemplate(t);
    const wb = await reload(new Uint8Array(buf));
    const ws = wb.worksheets[0];
    const row = L.groups[0].firstRow;
    ws.getCell(row, L.columns.score).value = (ws.getCell(row, L.columns.weight).value as number) + 1;
    const { sheets } = await readXlsxBuffer((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const out = check(sheets);
    if (!out.ok) throw new Error(out.error.code);
    expect(out.result.findings).toContainEqual(
      expect.objectContaining({ code: "SCORE_EXCEEDS_WEIGHT", severity: "error", cell: cellAddress(row, L.columns.score) }),
    );
  });
});
