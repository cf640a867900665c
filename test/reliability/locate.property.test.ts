/**
 * locateTable and the whole check on random grids: random strings, numbers,
 * header words, merges (well-formed or not), Excel errors, empty rows and
 * columns, ragged rows, far offsets, several sheets. Never a throw; either a
 * table that is consistent with the grid, or a failure code with a message in
 * both languages that says why.
 */
import fc from "fast-check";
import { locateTable } from "../../src/core/locate";
import { check } from "../../src/core/check";
import { RULES } from "../../src/core/rules";
import type { CellValue, SheetSnapshot } from "../../src/core/types";
import { recordCount } from "./support/counts";

const RUNS = Number(process.env.RELIABILITY_GRIDS ?? 2000);

/** Every {placeholder} of every rule's messages. */
const PLACEHOLDERS = [...new Set(RULES.flatMap((r) => [...`${r.messages.zh} ${r.messages.en}`.matchAll(/\{\w+\}/g)].map((m) => m[0])))];

const HEADER_WORDS = [
  "一级指标", "二级指标", "三级指标", "指标名称", "绩效指标", "评价指标", "目标值", "年度指标值", "完成值", "实际完成值", "完成情况",
  "分值", "权重", "权重（分）", "标准分", "得分", "自评得分", "偏差原因分析及改进措施", "备注", "指标性质", "度量单位",
];
const OTHER_WORDS = [
  "总分", "合计", "总计", "小计", "等级：优秀", "评价等级", "优秀", "良", "预算执行率", "年初预算数", "全年预算数", "全年执行数", "执行率",
  "年度资金总额", "其中：当年财政拨款", "填报单位：某局", "填报单位（盖章）：", "（分）", "注：", "填表人：", "产出指标", "数量指标",
  "≥95%", "98%", "完成", "未完成", "基本完成", "/", "—", "无", "不适用", "", " ", "\n", "四、存在问题", "一、部门管理",
  "#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "=SUM(F5:F9)", "2020 年部门整体支出绩效自评表", "核查结果",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<CellValue>(...HEADER_WORDS) },
  { weight: 4, arbitrary: fc.constantFrom<CellValue>(...OTHER_WORDS) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 120 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
);

/** A header row that names an indicator, a weight and a score (and perhaps more), in any order, somewhere in the grid. */
const plantedHeader = fc.record({
  at: fc.nat(29),
  col: fc.nat(4),
  words: fc
    .tuple(
      fc.constantFrom("三级指标", "指标名称", "绩效指标"),
      fc.constantFrom("权重", "分值", "标准分", "权重（分）"),
      fc.constantFrom("得分", "自评得分", "评分"),
      fc.subarray(["一级指标", "二级指标", "目标值", "完成值", "偏差原因", "备注", "得分"]),
    )
    .chain(([a, b, c, more]) => fc.shuffledSubarray([a, b, c, ...more], { minLength: 3 + more.length })),
});

/** Some rows and columns left wholly empty, some rows ragged; a header planted in half of them. */
const values: fc.Arbitrary<CellValue[][]> = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 }),
    emptyRows: fc.array(fc.nat(29), { maxLength: 5 }),
    emptyCols: fc.array(fc.nat(11), { maxLength: 3 }),
    header: fc.oneof(fc.constant(undefined), plantedHeader),
  })
  .map(({ rows, emptyRows, emptyCols, header }) => {
    const out = rows.map((r, i) => (emptyRows.includes(i) ? r.map(() => null) : r.map((v, j) => (emptyCols.includes(j) ? null : v))));
    if (header) {
      const at = Math.min(header.at, out.length);
      out.splice(at, 0, [...new Array<CellValue>(header.col).fill(null), ...header.words]);
    }
    return out;
  });

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const merge: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ r: fc.integer({ min: 1, max: 40 }), c: fc.integer({ min: 1, max: 16 }), h: fc.nat(6), w: fc.nat(4) })
    .map(({ r, c, h, w }) => `${letters(c)}${r}:${letters(c + w)}${r + h}`),
  fc.constantFrom("", "A0:B2", "ZZZZ1:A1", "B3", "A1:XFD1048576", "$A$1:$C$3", "Sheet1!A1:B2", "B5:A1", "❌"),
);

const sheet = (name: string): fc.Arbitrary<SheetSnapshot> =>
  fc
    .record({
      values,
      top: fc.oneof(fc.nat(30), fc.constant(1_048_000)),
      left: fc.oneof(fc.nat(10), fc.constant(16_370)),
      merges: fc.option(fc.array(merge, { maxLength: 6 }), { nil: undefined }),
      formulas: fc.boolean(),
      formats: fc.boolean(),
      hidden: fc.boolean(),
    })
    .map((s) => ({
      name,
      top: s.top,
      left: s.left,
      values: s.values,
      // Ragged or missing formula and format rows: the snapshot allows shorter rows.
      formulas: s.formulas ? s.values.map((r) => r.map((v) => (typeof v === "string" && v.startsWith("=") ? v : null))) : [],
      numberFormats: s.formats ? s.values.slice(0, 3).map((r) => r.map((v) => (typeof v === "number" ? "0.0%" : null))) : [],
      ...(s.merges ? { merges: s.merges } : {}),
      hidden: s.hidden,
    }));

const workbook: fc.Arbitrary<SheetSnapshot[]> = fc
  // Sheet names are unique in a workbook, regardless of case.
  .uniqueArray(fc.constantFrom("指标表", "Sheet1", "SHEET1", "封面", " 指标表 ", "说明"), { minLength: 0, maxLength: 3, selector: (n) => n.toLowerCase() })
  .chain((names) => (names.length === 0 ? fc.constant([]) : fc.tuple(...names.map((n) => sheet(n)))));

/** Mostly no sheet named, as the CLI runs by default; sometimes one that exists, differs in case, or is not there. */
const sheetOption: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom("指标表", "sheet1", "不存在", "") },
);

test(`${RUNS} random grids: locateTable and check never throw, and either find a consistent table or say why`, () => {
  let found = 0;
  const outcomes: Record<string, number> = {};
  fc.assert(
    fc.property(workbook, sheetOption, (sheets, name) => {
      const located = locateTable(sheets, { sheet: name });
      const checked = check(sheets, { sheet: name, fixTotals: true, writeGrade: true });
      expect(checked.ok).toBe(located.ok);
      const outcome = located.ok ? "table" : located.code;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (!located.ok || !checked.ok) {
        if (located.ok) throw new Error("located but not checked");
        expect(["EMPTY_WORKBOOK", "SHEET_NOT_FOUND", "NO_TABLE"]).toContain(located.code);
        expect(located.message.zh.length).toBeGreaterThan(4);
        expect(located.message.en.length).toBeGreaterThan(4);
        // The safety net inside locateTable is for bugs; a grid must be answered by the rules themselves.
        expect(located.message.en).not.toMatch(/could not be read/);
        return;
      }
      found++;
      const { layout, totals, plan, rows, findings } = checked.result;
      const snap = located.snapshot;
      expect(snap.name).toBe(layout.sheet);
      const header = Math.max(...layout.headerRows);
      expect(layout.firstRow).toBeGreaterThan(header);
      expect(layout.lastRow).toBeGreaterThanOrEqual(layout.firstRow - 1);
      expect(layout.firstColumn).toBeGreaterThan(snap.left);
      for (const c of Object.values(layout.columns)) expect(c).toBeGreaterThanOrEqual(layout.firstColumn);
      expect(Number.isFinite(totals.weight) && Number.isFinite(totals.score)).toBe(true);
      for (const r of rows) expect(r.row).toBeGreaterThanOrEqual(layout.firstRow);
      // Messages are filled in: no placeholder left, no undefined or NaN, unless the user's own cells say so.
      const typed = snap.values.flat().map((v) => String(v)).join("\u0000");
      for (const f of findings) {
        for (const text of [f.message.zh, f.message.en]) {
          for (const leftover of [...PLACEHOLDERS, "undefined", "NaN"]) {
            if (text.includes(leftover) && !typed.includes(leftover)) throw new Error(`${f.code}: "${leftover}" in "${text}"`);
          }
        }
      }
      // Every write lands on a cell Excel has.
      for (const w of plan.writes) {
        expect(w.row).toBeGreaterThanOrEqual(1);
        expect(w.row).toBeLessThanOrEqual(1_048_576);
        expect(w.col).toBeGreaterThanOrEqual(1);
        expect(w.col).toBeLessThanOrEqual(16_384);
      }
    }),
    { numRuns: RUNS },
  );
  recordCount("random grids (locate + check)", RUNS, JSON.stringify(outcomes));
});
