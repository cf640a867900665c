/**
 * One contract for the three hosts (Office.js add-in over the fake Excel, exceljs host of the
 * CLI and the page, WPS host over the fake ET): the same workbook gives the same findings, the
 * write-back leaves the same cells, 清除标记 restores exactly, and a copy marked by one host is
 * checked in another as the user left it and cleared there.
 */
import * as fs from "fs";
import { buildTable } from "../builders/table";
import { SEED_XLSX, rowsWithProblems } from "../excel/helpers";
import type { CheckOptions, CheckResult } from "../../src/core/types";
import { check } from "../../src/core/check";
import { bytesOf, workbookOf } from "../wps/support";
import { applyPlanAsLegacyCli } from "../helpers/legacyCli";
import { HOST_KINDS, type HostKind, type Subject, openIn } from "./hosts";

const OPTIONS: CheckOptions = { fixTotals: true, writeGrade: true };

const WORKBOOKS: Record<string, () => Promise<Uint8Array>> = {
  seed: async () => new Uint8Array(fs.readFileSync(SEED_XLSX)),
  "typed totals and problems": () => bytesOf(buildTable({ rows: rowsWithProblems(30), total: "number" }).workbook),
  "two-row merged header, percents": () =>
    bytesOf(
      buildTable({
        rows: rowsWithProblems(24).map((r, i) => (i % 4 === 0 ? { ...r, target: 0.9, actual: 0.85, numFmt: "0.0%" } : r)),
        header: "two-row",
        levels: "merged",
      }).workbook,
    ),
  "a merged grade label (issue 15)": () => {
    const rows = rowsWithProblems(12);
    const { workbook, sheet, totalRow } = buildTable({ rows, total: "sum", grade: null });
    sheet.getCell(totalRow! + 1, 1).value = "评价等级";
    sheet.mergeCells(totalRow! + 1, 1, totalRow! + 1, 5);
    return bytesOf(workbook);
  },
  "an unscored form (issue 14): no score anywhere, an empty 评价等级 cell": () => bytesOf(unscoredForm().workbook),
};

/** Targets and weights filled in, every score empty, the weight total typed, an empty grade cell under the total. */
function unscoredForm() {
  const rows = rowsWithProblems(12).map((r) => ({ ...r, actual: null, score: null }));
  return buildTable({ rows, total: { weight: 100, score: null }, grade: "" });
}

async function checkIn(s: Subject): Promise<CheckResult> {
  const out = check(await s.host.readWorkbook(), OPTIONS);
  if (!out.ok) throw new Error(`${s.kind}: ${out.error.message.en}`);
  return out.result;
}

function findings(r: CheckResult) {
  return r.findings.map((f) => ({ code: f.code, severity: f.severity, row: f.row, cell: f.cell }));
}

describe.each(Object.keys(WORKBOOKS))("%s", (name) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await WORKBOOKS[name]();
  });

  test("the three hosts give the same findings, write the same cells, and clear exactly", async () => {
    const runs = await Promise.all(
      HOST_KINDS.map(async (kind) => {
        const s = await openIn(kind, bytes);
        const result = await checkIn(s);
        const sheet = result.layout.sheet;
        const before = s.seen(sheet);
        await s.host.applyPlan(result.plan, result);
        const marked = s.seen(sheet);
        const restored = await s.host.clearFlags();
        return { kind, result, before, marked, cleared: s.seen(sheet), restored, ignored: s.ignoredWrites() };
      }),
    );
    const [office, ...others] = runs;
    expect(office.result.findings.length).toBeGreaterThan(0);
    for (const r of others) {
      expect({ kind: r.kind, findings: findings(r.result), totals: r.result.totals }).toEqual({ kind: r.kind, findings: findings(office.result), totals: office.result.totals });
      expect({ kind: r.kind, plan: r.result.plan }).toEqual({ kind: r.kind, plan: office.result.plan });
      expect({ kind: r.kind, marked: r.marked }).toEqual({ kind: r.kind, marked: office.marked });
    }
    for (const r of runs) {
      expect({ kind: r.kind, cleared: r.cleared }).toEqual({ kind: r.kind, cleared: r.before });
      expect(r.ignored).toEqual([]);
    }
  });
});

const PAIRS: [HostKind, HostKind][] = HOST_KINDS.flatMap((a) => HOST_KINDS.filter((b) => b !== a).map((b): [HostKind, HostKind] => [a, b]));

describe.each(PAIRS)("a copy marked by %s, opened in %s", (from, to) => {
  test("is checked as the user left it, and 清除标记 there removes the marks", async () => {
    const bytes = await WORKBOOKS["typed totals and problems"]();
    const fresh = await openIn(to, bytes);
    const expected = await checkIn(fresh);
    const original = fresh.seen(expected.layout.sheet);

    const marker = await openIn(from, bytes);
    const marking = await checkIn(marker);
    await marker.host.applyPlan(marking.plan, marking);
    const copy = await openIn(to, await marker.save());
    const seenAgain = await checkIn(copy);
    expect(findings(seenAgain)).toEqual(findings(expected));
    expect(seenAgain.totals).toEqual(expected.totals);

    await copy.host.clearFlags();
    expect(copy.seen(expected.layout.sheet)).toEqual(original);
  });
});

test("a copy an older command line annotated (legacy _scorecheck) is checked and cleared in WPS as in the other hosts", async () => {
  const bytes = await WORKBOOKS["typed totals and problems"]();
  const wb = await workbookOf(bytes);
  const out = check(await (await openIn("xlsx", bytes)).host.readWorkbook(), OPTIONS);
  if (!out.ok) throw new Error(out.error.message.en);
  applyPlanAsLegacyCli(wb, out.result.plan);
  const copy = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  for (const kind of HOST_KINDS) {
    const fresh = await openIn(kind, bytes);
    const original = fresh.seen(out.result.layout.sheet);
    const s = await openIn(kind, copy);
    expect({ kind, findings: findings(await checkIn(s)) }).toEqual({ kind, findings: findings(out.result) });
    await s.host.clearFlags();
    expect({ kind, seen: s.seen(out.result.layout.sheet) }).toEqual({ kind, seen: original });
    expect(s.sheetNames()).toEqual(fresh.sheetNames());
  }
});

// The write plan of an unscored form holds no grade and no score total: each host writes neither (never 差).
test.each(HOST_KINDS)("an unscored form in %s: no grade and no score total written, 未评分 in the total row's 核查结果", async (kind) => {
  const built = unscoredForm();
  const s = await openIn(kind, await bytesOf(built.workbook));
  const result = await checkIn(s);
  expect(result.totals).toMatchObject({ scored: false, grade: null });
  await s.host.applyPlan(result.plan, result);
  const seen = s.seen(result.layout.sheet);
  const at = (row: number, col: number) => seen[`${String.fromCharCode(64 + col)}${row}`];
  const totalRow = built.totalRow!;
  expect(at(totalRow, built.columns.score)).toBeUndefined();
  expect(at(totalRow + 1, 2)).toBeUndefined();
  expect(String(at(totalRow, result.plan.resultColumn)?.content)).toMatch(/^权重合计 100，未评分/);
  expect(Object.values(seen).some((c) => typeof c.content === "string" && /^(等级：)?差$/.test(c.content))).toBe(false);
});
