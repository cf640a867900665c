import { buildTemplate, gradeFormula, uniqueSheetName, type TemplateKind, type TemplateSheet } from "../../src/core/template";
import { cellAddress, columnLetter, parseRange, type RangeRef } from "../../src/core/address";
import { NATIONAL_PROFILE } from "../../src/core/profile";

const KINDS: TemplateKind[] = ["department", "project"];

function cellAt(t: TemplateSheet, row: number, col: number) {
  return t.cells.find((c) => c.row === row && c.col === col);
}

function ranges(list: string[]): RangeRef[] {
  return list.map((a1) => {
    const r = parseRange(a1);
    if (!r) throw new Error(`unparseable range ${a1}`);
    return r;
  });
}

const inside = (r: RangeRef, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const overlap = (a: RangeRef, b: RangeRef) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

describe.each(KINDS)("buildTemplate(%s)", (kind) => {
  const t = buildTemplate(kind);
  const L = t.layout;
  const print = parseRange(t.print.printArea)!;
  const W = columnLetter(L.columns.weight);
  const S = columnLetter(L.columns.score);

  test("every cell is described once and lies inside the print area", () => {
    const seen = new Set<string>();
    for (const c of t.cells) {
      const a = cellAddress(c.row, c.col);
      expect(seen.has(a)).toBe(false);
      seen.add(a);
      expect(inside(print, c.row, c.col)).toBe(true);
      expect(c.value !== undefined && c.formula !== undefined).toBe(false);
    }
    expect(t.columnWidths).toHaveLength(print.right);
  });

  test("merges are inside the sheet, do not overlap, and hold content only in their top-left cell", () => {
    const ms = ranges(t.merges);
    ms.forEach((m, i) => {
      expect(inside(print, m.top, m.left) && inside(print, m.bottom, m.right)).toBe(true);
      expect(m.bottom > m.top || m.right > m.left).toBe(true);
      for (const other of ms.slice(i + 1)) expect(overlap(m, other)).toBe(false);
    });
    for (const c of t.cells) {
      if (c.value === undefined && c.formula === undefined) continue;
      for (const m of ms) if (inside(m, c.row, c.col)) expect([c.row, c.col]).toEqual([m.top, m.left]);
    }
  });

  test("title, 填报单位 and 年度 fields, the two-row header", () => {
    expect(cellAt(t, L.titleCell.row, L.titleCell.col)?.value).toBe(
      kind === "project" ? "____年度项目支出绩效自评表" : "____年度部门整体支出绩效自评表",
    );
    expect(String(cellAt(t, L.unitCell.row, L.unitCell.col)?.value)).toMatch(/^填报单位：/);
    expect(String(cellAt(t, L.yearCell.row, L.yearCell.col)?.value)).toMatch(/^年度：/);
    const [top, bottom] = L.headerRows;
    expect(bottom).toBe(top + 1);
    expect(L.firstRow).toBe(bottom + 1);
    expect(cellAt(t, top, L.columns.level1)?.value).toBe("评价指标");
    expect(t.merges).toContain(`${columnLetter(L.columns.level1)}${top}:${columnLetter(L.columns.level2)}${top}`);
    expect(cellAt(t, bottom, L.columns.level1)?.value).toBe("一级指标");
    expect(cellAt(t, bottom, L.columns.level2)?.value).toBe("二级指标");
    const expected =
      kind === "project"
        ? { level3: "三级指标", target: "年度指标值", actual: "实际完成值", weight: "分值", score: "得分", reason: "偏差原因分析及改进措施" }
        : { level3: "三级指标", target: "目标值", actual: "完成情况", weight: "权重（分）", score: "得分", reason: "偏差原因分析及改进措施" };
    for (const [role, text] of Object.entries(expected)) {
      const col = L.columns[role as keyof typeof expected];
      expect(cellAt(t, top, col)?.value).toBe(text);
      expect(t.merges).toContain(`${columnLetter(col)}${top}:${columnLetter(col)}${bottom}`);
    }
  });

  test("groups tile the indicator rows, with merged level cells and the standard level names", () => {
    let next = L.firstRow;
    for (const g of L.groups) {
      expect(g.firstRow).toBe(next);
      expect(g.lastRow).toBeGreaterThanOrEqual(g.firstRow);
      next = g.lastRow + 1;
      expect(cellAt(t, g.firstRow, L.columns.level2)?.value).toBe(g.level2);
      if (g.lastRow > g.firstRow) expect(t.merges).toContain(`${columnLetter(L.columns.level2)}${g.firstRow}:${columnLetter(L.columns.level2)}${g.lastRow}`);
      let sum = 0;
      for (let r = g.firstRow; r <= g.lastRow; r++) sum += Number(cellAt(t, r, L.columns.weight)?.value);
      expect(sum).toBeCloseTo(g.weight, 10);
    }
    expect(next - 1).toBe(L.lastRow);
    expect([...new Set(L.groups.map((g) => g.level1))]).toEqual(["产出指标", "效益指标", "满意度指标"]);
    expect(L.groups.filter((g) => g.level1 === "产出指标").map((g) => g.level2)).toEqual(["数量指标", "质量指标", "时效指标", "成本指标"]);
    expect(L.groups.filter((g) => g.level1 === "效益指标").map((g) => g.level2)).toEqual([
      "经济效益指标",
      "社会效益指标",
      "生态效益指标",
      "可持续影响指标",
    ]);
    expect(L.groups.filter((g) => g.level1 === "满意度指标").map((g) => g.level2)).toEqual(["服务对象满意度指标"]);
    for (const level1 of ["产出指标", "效益指标", "满意度指标"]) {
      const own = L.groups.filter((g) => g.level1 === level1);
      const top = own[0].firstRow;
      const bottom = own[own.length - 1].lastRow;
      expect(cellAt(t, top, L.columns.level1)?.value).toBe(level1);
      expect(t.merges).toContain(`${columnLetter(L.columns.level1)}${top}:${columnLetter(L.columns.level1)}${bottom}`);
    }
  });

  test("suggested weights add up to 100 with the national split", () => {
    const byLevel1 = (name: string) => L.groups.filter((g) => g.level1 === name).reduce((s, g) => s + g.weight, 0);
    const budget = L.budget?.weight ?? 0;
    expect(byLevel1("产出指标") + byLevel1("效益指标") + byLevel1("满意度指标") + budget).toBe(NATIONAL_PROFILE.totalWeight);
    expect(byLevel1("产出指标")).toBe(50);
    expect(byLevel1("满意度指标")).toBe(10);
    if (kind === "project") {
      expect(byLevel1("效益指标")).toBe(30);
      expect(budget).toBe(10);
    } else {
      expect(byLevel1("效益指标")).toBe(40);
      expect(L.budget).toBeUndefined();
    }
  });

  test("validations: weight ≥ 0 on every weight cell, score between 0 and its own row's weight", () => {
    const weightRange = `${W}${L.firstRow}:${W}${L.lastRow}`;
    const scoreRange = `${S}${L.firstRow}:${S}${L.lastRow}`;
    const weight = t.validations.find((v) => v.range === weightRange);
    const score = t.validations.find((v) => v.range === scoreRange);
    expect(weight?.rule).toEqual({ type: "decimal", operator: "greaterThanOrEqual", formula1: 0 });
    // The formula is relative to the range's top-left cell, so each score cell compares with its own row's weight.
    expect(score?.rule).toEqual({ type: "decimal", operator: "between", formula1: 0, formula2: `=${W}${L.firstRow}` });
    for (const v of t.validations) {
      expect(v.error.message.length).toBeGreaterThan(0);
      const r = parseRange(v.range)!;
      expect(inside(print, r.top, r.left) && inside(print, r.bottom, r.right)).toBe(true);
    }
  });

  test("总分 sums exactly the indicator rows (and the 预算执行率 row); 评价等级 follows it", () => {
    const total = L.totalRow;
    expect(total).toBe(L.lastRow + 1);
    expect(cellAt(t, total, L.firstColumn)?.value).toBe("总分");
    const extraW = L.budget ? `+${cellAddress(L.budget.row, L.budget.columns.weight)}` : "";
    const extraS = L.budget ? `+${cellAddress(L.budget.row, L.budget.columns.score)}` : "";
    expect(cellAt(t, total, L.columns.weight)?.formula).toBe(`=SUM(${W}${L.firstRow}:${W}${L.lastRow})${extraW}`);
    expect(cellAt(t, total, L.columns.score)?.formula).toBe(`=SUM(${S}${L.firstRow}:${S}${L.lastRow})${extraS}`);
    expect(cellAt(t, L.gradeLabelCell.row, L.gradeLabelCell.col)?.value).toBe("评价等级");
    expect(L.gradeCell.row).toBe(L.gradeLabelCell.row);
    expect(L.gradeCell.col).toBeGreaterThan(L.gradeLabelCell.col);
    expect(L.gradeLabelCell.row).toBe(total + 1);
    // Empty until a score is entered (issue 14: a template nobody has scored shows no grade, not 差).
    const scored = `${S}${L.firstRow}:${S}${L.lastRow}${L.budget ? `,${cellAddress(L.budget.row, L.budget.columns.score)}` : ""}`;
    expect(cellAt(t, L.gradeCell.row, L.gradeCell.col)?.formula).toBe(gradeFormula(`${S}${total}`, scored));
    expect(gradeFormula(`${S}${total}`, scored)).toBe(`=IF(COUNT(${scored})=0,"",IF(${S}${total}>=90,"优",IF(${S}${total}>=80,"良",IF(${S}${total}>=60,"中","差"))))`);
  });

  test("the grade formula uses the profile's thresholds", () => {
    const f = gradeFormula("G9");
    const pairs = [...f.matchAll(/G9>=(\d+),"(.)"/g)].map((m) => ({ min: Number(m[1]), grade: m[2] }));
    expect(pairs).toEqual(NATIONAL_PROFILE.grades.filter((g) => Number.isFinite(g.min)));
    expect(f).toMatch(/,"差"\)\)\)$/);
  });

  test("borders frame the header through the grade row; print setup repeats the header on A4", () => {
    const framed = ranges(t.borders);
    for (let r = L.headerRows[0]; r <= L.gradeCell.row; r++)
      for (let c = L.firstColumn; c <= L.lastColumn; c++) expect(framed.some((b) => inside(b, r, c))).toBe(true);
    expect(t.print.paperSize).toBe("A4");
    expect(t.print.fitToWidth).toBe(1);
    expect(t.print.repeatRows).toEqual({ first: L.headerRows[0], last: L.headerRows[1] });
    expect(print.bottom).toBeGreaterThanOrEqual(L.gradeCell.row);
    expect(print.right).toBe(L.lastColumn);
    for (let r = 1; r <= L.gradeCell.row; r++) expect(t.rowHeights.some((h) => h.row === r)).toBe(true);
  });

  test("unit, year and language options", () => {
    const filled = buildTemplate(kind, { unit: "如皋市行政审批局", year: 2024, lang: "en" });
    expect(String(cellAt(filled, L.titleCell.row, L.titleCell.col)?.value)).toMatch(/^2024年度/);
    expect(cellAt(filled, L.unitCell.row, L.unitCell.col)?.value).toBe("填报单位：如皋市行政审批局");
    expect(cellAt(filled, L.yearCell.row, L.yearCell.col)?.value).toBe("年度：2024");
    // Headers stay Chinese; messages follow the language.
    expect(cellAt(filled, L.headerRows[0], L.columns.score)?.value).toBe("得分");
    expect(filled.validations.map((v) => v.error.message)).not.toEqual(t.validations.map((v) => v.error.message));
    expect(filled.validations.every((v) => /^[\x20-\x7e≥]+$/.test(v.error.message))).toBe(true);
  });
});

describe("project budget block", () => {
  const t = buildTemplate("project");
  const b = t.layout.budget!;
  const col = (c: number) => columnLetter(c);

  test("header and rows as in 项目支出绩效自评表", () => {
    expect(b.headerRow).toBeLessThan(t.layout.headerRows[0]);
    expect(cellAt(t, b.headerRow, b.columns.label)?.value).toBe("项目资金（万元）");
    const heads = [b.columns.initialBudget, b.columns.budget, b.columns.spent, b.columns.weight, b.columns.rate, b.columns.score].map(
      (c) => cellAt(t, b.headerRow, c)?.value,
    );
    expect(heads).toEqual(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
    expect(b.row).toBe(b.headerRow + 1);
    expect(cellAt(t, b.row, b.columns.label)?.value).toBe("年度资金总额");
    expect(b.subRows.map((r) => cellAt(t, r, b.columns.label)?.value)).toEqual(["其中：当年财政拨款", "上年结转资金", "其他资金"]);
    for (const r of b.subRows) for (const c of [b.columns.weight, b.columns.rate, b.columns.score]) expect(cellAt(t, r, c)?.value).toBe("—");
  });

  test("预算执行率 row: 分值 10, 执行率 = 执行数 / 预算数 as a percent, 得分 capped at 分值", () => {
    const r = b.row;
    expect(cellAt(t, r, b.columns.weight)?.value).toBe(10);
    expect(cellAt(t, r, b.columns.rate)?.formula).toBe(`=IFERROR(${col(b.columns.spent)}${r}/${col(b.columns.budget)}${r},0)`);
    expect(cellAt(t, r, b.columns.rate)?.numberFormat).toMatch(/%$/);
    const rate = `${col(b.columns.rate)}${r}`;
    const points = `${col(b.columns.weight)}${r}`;
    expect(cellAt(t, r, b.columns.score)?.formula).toBe(`=MIN(${rate}*${points},${points})`);
  });

  test("budget amounts and 分值 are validated as numbers ≥ 0", () => {
    const amounts = t.validations.find((v) => v.range === `${col(b.columns.initialBudget)}${b.row}:${col(b.columns.spent)}${b.subRows[b.subRows.length - 1]}`);
    expect(amounts?.rule).toEqual({ type: "decimal", operator: "greaterThanOrEqual", formula1: 0 });
    expect(t.validations.find((v) => v.range === `${col(b.columns.weight)}${b.row}`)?.rule.operator).toBe("greaterThanOrEqual");
  });

  test("the department template has no budget block and freezes its header", () => {
    const d = buildTemplate("department");
    expect(d.layout.budget).toBeUndefined();
    expect(d.freeze).toEqual({ rows: d.layout.headerRows[1], columns: 0 });
    expect(d.cells.some((c) => c.value === "年度资金总额")).toBe(false);
  });
});

test("uniqueSheetName appends (2), (3) … and compares like Excel, ignoring case", () => {
  expect(uniqueSheetName("项目支出绩效自评表", ["Sheet1"])).toBe("项目支出绩效自评表");
  expect(uniqueSheetName("项目支出绩效自评表", ["项目支出绩效自评表"])).toBe("项目支出绩效自评表(2)");
  expect(uniqueSheetName("Table", ["table", "TABLE(2)"])).toBe("Table(3)");
});
