/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ExcelHost } from "../../src/excel/host";
import type { Host } from "../../src/host";
import { FakeWorkbook } from "../excel/fakeExcel";
import { fakeTable } from "../excel/fakeTable";
import { memoryStorage, renderPane } from "./render";

function problemHost() {
  const { fake } = fakeTable({ rows: 12, overScored: [1, 7], unmetFull: [3], typedTotals: true });
  const host = new ExcelHost(fake.env());
  return { fake, host };
}

async function clickCheck(label = "检查评分") {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: label }));
  });
  await waitFor(() => expect(screen.queryByRole("button", { name: /正在检查|Checking/ })).toBeNull());
}

test("检查评分 shows the recomputed totals, the grade and the findings grouped by severity", async () => {
  const { fake, host } = problemHost();
  renderPane({ host, storage: memoryStorage() });
  await clickCheck();
  expect(screen.getByTestId("total-weight").textContent).toBe("100");
  expect(screen.getByTestId("total-score").textContent).toBe("102");
  expect(screen.getByTestId("grade").textContent).toBe("优");
  const findings = screen.getAllByTestId("finding");
  const over = findings.filter((f) => f.getAttribute("data-code") === "SCORE_EXCEEDS_WEIGHT");
  expect(over.map((f) => f.getAttribute("data-cell"))).toEqual(["G6", "G12"]);
  const errors = screen.getByTestId("group-error");
  expect(within(errors).getAllByTestId("finding").every((f) => f.getAttribute("data-severity") === "error")).toBe(true);
  // The marks were written to the sheet.
  expect(screen.getByTestId("notice").textContent).toContain("已在表中标出问题");
  expect(fake.sheet("指标表")!.cell(6, 7)?.fill).toBe("FFC7CE");
  expect(fake.sheet("指标表")!.cell(17, 6)?.formula).toBe("=SUM(F5:F16)");
});

test("a click on a finding asks the host to select its cell", async () => {
  const { fake, host } = problemHost();
  const select = jest.spyOn(host, "selectCell");
  renderPane({ host, storage: memoryStorage() });
  await clickCheck();
  const finding = screen.getAllByTestId("finding").find((f) => f.getAttribute("data-code") === "SCORE_EXCEEDS_WEIGHT")!;
  await act(async () => {
    fireEvent.click(finding);
  });
  expect(select).toHaveBeenCalledWith("指标表", "G6");
  await waitFor(() => expect(fake.selection).toEqual({ sheet: "指标表", address: "G6" }));
});

test("findings are reachable with the keyboard and named for screen readers", async () => {
  const { host } = problemHost();
  renderPane({ host, storage: memoryStorage() });
  await clickCheck();
  const list = screen.getByRole("list", { name: /错误/ });
  const buttons = within(list).getAllByRole("button");
  expect(buttons.length).toBeGreaterThan(0);
  for (const b of buttons) {
    expect(b.tagName).toBe("BUTTON"); // focusable, Enter/Space activate it
    expect(b.textContent).toMatch(/^G\d+|第 \d+ 行|整表/);
  }
  expect(screen.getByRole("heading", { level: 2, name: /核分结果/ })).toBeTruthy();
  expect(screen.getByRole("status")).toBeTruthy();
});

test("no table: the pane says what it looked for and how to fix it", async () => {
  const fake = new FakeWorkbook();
  const sheet = fake.addSheet("预算表");
  sheet.set("A1", "项目");
  sheet.set("B1", "预算数");
  sheet.set("A2", "办公费");
  sheet.set("B2", 1200);
  renderPane({ host: new ExcelHost(fake.env()), storage: memoryStorage() });
  await clickCheck();
  const box = screen.getByTestId("no-table");
  expect(box.getAttribute("data-error")).toBe("NO_TABLE");
  expect(box.textContent).toContain("未找到绩效指标表");
  expect(box.textContent).toContain("三级指标");
  expect(box.textContent).toContain("插入模板");
  expect(screen.queryByTestId("total-weight")).toBeNull();
  // Nothing was written to the sheet.
  expect(fake.sheet("_scorecheck_addin")).toBeUndefined();
});

test("language: Chinese by default, English on request, and the switch flips every text", async () => {
  const { host } = problemHost();
  const { unmount } = renderPane({ host, lang: "en", storage: memoryStorage() });
  expect(screen.getByRole("button", { name: "Check scores" })).toBeTruthy();
  unmount();

  const other = problemHost();
  const onLangChange = jest.fn();
  renderPane({ host: other.host, storage: memoryStorage(), onLangChange });
  await clickCheck("检查评分");
  const zhMessage = screen.getAllByTestId("finding")[0].textContent;
  expect(screen.getByTestId("notice").textContent).toContain("已在表中标出问题");
  await act(async () => {
    fireEvent.click(screen.getByTestId("switch-language"));
  });
  expect(onLangChange).toHaveBeenCalledWith("en");
  expect(screen.getByRole("button", { name: "Check scores" })).toBeTruthy();
  expect(screen.getByRole("heading", { level: 2, name: /Result/ })).toBeTruthy();
  expect(screen.getByTestId("notice").textContent).toContain("Problems are marked");
  expect(screen.getAllByTestId("finding")[0].textContent).not.toBe(zhMessage);
  expect(screen.getByRole("heading", { level: 3, name: /Errors/ })).toBeTruthy();
});

test("清除标记 restores the sheet and says how many cells it restored", async () => {
  const { fake, host } = problemHost();
  const before = JSON.stringify(fake.dump("指标表"));
  renderPane({ host, storage: memoryStorage() });
  await clickCheck();
  expect(JSON.stringify(fake.dump("指标表"))).not.toBe(before);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
  });
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toMatch(/已清除标记，恢复了 \d+ 个单元格/));
  expect(JSON.stringify(fake.dump("指标表"))).toBe(before);
});

test("插入模板 offers both kinds and adds the sheet", async () => {
  const fake = new FakeWorkbook();
  fake.addSheet("Sheet1");
  const host = new ExcelHost(fake.env());
  renderPane({ host, storage: memoryStorage() });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
  });
  const item = await screen.findByRole("menuitem", { name: "项目支出" });
  expect(screen.getByRole("menuitem", { name: "部门整体支出" })).toBeTruthy();
  await act(async () => {
    fireEvent.click(item);
  });
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("项目支出绩效自评表"));
  expect(fake.sheet("项目支出绩效自评表")).toBeDefined();
});

test("options are remembered and passed to the check (no fixes: totals stay as typed)", async () => {
  const { fake, host } = problemHost();
  const storage = memoryStorage();
  renderPane({ host, storage });
  await act(async () => {
    fireEvent.click(screen.getByRole("checkbox", { name: "用 SUM 公式修正合计" }));
  });
  expect(JSON.parse(storage.data.get("scorecheck.options")!)).toEqual({ writeFlags: true, fixTotals: false, writeGrade: true });
  await clickCheck();
  const total = fake.sheet("指标表")!.cell(17, 6);
  expect(total?.formula).toBeUndefined();
});

test("a protected sheet: results shown, nothing written, and the pane says so", async () => {
  const { fake, host } = problemHost();
  fake.sheet("指标表")!.protected = true;
  const before = JSON.stringify(fake.dump("指标表"));
  renderPane({ host, storage: memoryStorage() });
  await clickCheck();
  expect(screen.getByTestId("total-score").textContent).toBe("102");
  expect(screen.getByTestId("notice").textContent).toContain("受保护");
  expect(JSON.stringify(fake.dump("指标表"))).toBe(before);
});

test("a host failure is shown as an error, and the pane stays usable", async () => {
  const failing: Host = {
    kind: "fake",
    readWorkbook: () => Promise.reject(new Error("GeneralException: 工作簿正忙")),
    applyPlan: async () => {},
    clearFlags: async () => 0,
    insertTemplate: async () => "",
    selectCell: async () => {},
  };
  renderPane({ host: failing, storage: memoryStorage() });
  await clickCheck();
  expect(screen.getByTestId("notice").textContent).toContain("工作簿正忙");
  expect((screen.getByRole("button", { name: "检查评分" }) as HTMLButtonElement).disabled).toBe(false);
});

test("a grade with no free cell beside its merged label: the marks are written, and the notice says the grade was not, and why", async () => {
  const { mergedGradeLabelTable } = await import("../builders/mergedGradeLabel");
  const { workbook, gradeRow: g } = mergedGradeLabelTable(true);
  const fake = FakeWorkbook.fromExcelJs(workbook);
  renderPane({ host: new ExcelHost(fake.env()), storage: memoryStorage() });
  await clickCheck();
  const notice = screen.getByTestId("notice").textContent ?? "";
  expect(notice).toContain("已在表中标出问题");
  expect(notice).toContain(`F${g}: 评价等级旁没有可写入的空单元格`);
  expect(fake.valueAt("指标表", g, 6)).toBe("（单位盖章）");
});

test("the seed form: the narrative section says what holds and what does not; a click on its cell selects it on the narrative sheet", async () => {
  const { seedFake } = await import("../excel/helpers");
  const fake = await seedFake();
  const host = new ExcelHost(fake.env());
  const select = jest.spyOn(host, "selectCell");
  renderPane({ host, storage: memoryStorage() });
  await clickCheck();
  const section = screen.getByTestId("narrative");
  expect(within(section).getByTestId("narrative-tally").textContent).toBe("叙述中找到 20 个数字：6 项成立，1 项不成立，2 项无法核对。");
  const checks = within(section).getAllByTestId("narrative-check");
  expect(checks.map((c) => c.getAttribute("data-status"))).toEqual(["fails", "holds", "holds", "holds", "unchecked", "holds", "unchecked", "holds", "holds"]);
  expect(checks[0].textContent).toContain("“（一）收入总计3625.29万元。”");
  expect(checks[0].textContent).toContain("相差 37.97万元");
  await act(async () => {
    fireEvent.click(within(checks[0]).getByRole("button", { name: "自评价表!B5" }));
  });
  expect(select).toHaveBeenCalledWith("自评价表", "B5");
  // The finding names its sheet too, and the narrative cell is marked like a table cell.
  const finding = screen.getAllByTestId("finding").find((f) => f.getAttribute("data-code") === "NARRATIVE_SUM_MISMATCH")!;
  expect(finding.textContent).toContain("自评价表!B5");
  expect(fake.sheet("自评价表")!.cell(5, 2)?.fill).toBe("FFEB9C");
});
