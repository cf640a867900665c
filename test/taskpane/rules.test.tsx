/**
 * @jest-environment jsdom
 *
 * Rules chosen in the pane are stored in the workbook (the very hidden _scorecheck_rules sheet
 * every host shares), so every later check of it, by anyone, uses them; 清除标记 leaves them; an
 * invalid config file is refused with its path. Workbooks whose rules the add-in stored in the
 * document's settings before still have them, moved into the sheet on the next store.
 * The other hosts: test/web/ruleSheet.test.ts, test/contract/rules.test.ts.
 */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { ExcelHost } from "../../src/excel/host";
import type { DocumentSettings, ExcelEnv } from "../../src/excel/env";
import { RULES_SETTING, RULES_SHEET } from "../../src/core/config/stored";
import { fakeTable } from "../excel/fakeTable";
import { FakeSheet } from "../excel/fakeExcel";
import { memoryStorage, renderPane } from "./render";
import { runCheck } from "../../src/taskpane/runCheck";

/** Document settings as Office keeps them: in memory until saveAsync, then in the file. */
function fakeSettings(): DocumentSettings & { saved: Map<string, unknown> } {
  const pending = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  return {
    saved,
    get: (k) => pending.get(k),
    set: (k, v) => void pending.set(k, v),
    remove: (k) => void pending.delete(k),
    saveAsync: (cb) => {
      saved.clear();
      pending.forEach((v, k) => saved.set(k, v));
      cb?.({ status: "succeeded" });
    },
  };
}

function problemWorkbook() {
  const { fake } = fakeTable({ rows: 12, overScored: [1, 7], unmetFull: [3], typedTotals: true });
  const settings = fakeSettings();
  const env: ExcelEnv = { ...fake.env(), settings };
  /** The text the rules sheet holds, undefined when there is no such sheet. */
  const stored = () => {
    const sheet = fake.sheet(RULES_SHEET);
    if (!sheet) return undefined;
    expect(sheet.visibility).toBe("VeryHidden");
    return sheet.cells.get(FakeSheet.key(1, 1))?.value;
  };
  return { fake, settings, env, stored };
}

const CONFIG = {
  name: "某市财政局",
  grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }, { name: "不合格" }],
  rules: { SCORE_EXCEEDS_WEIGHT: "off" },
};

async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
  await waitFor(() => expect(screen.queryByRole("button", { name: /正在/ })).toBeNull());
}

async function loadConfigFile(text: string, name = "scorecheck.config.json") {
  const input = screen.getByTestId("rules-file") as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([text], name, { type: "application/json" })] } });
  });
}

test("a config file loaded in the pane is stored in the document and checks with it; 清除标记 keeps it; a new pane uses it", async () => {
  const { env, stored } = problemWorkbook();
  const first = renderPane({ host: new ExcelHost(env), storage: memoryStorage() });
  await loadConfigFile(JSON.stringify(CONFIG));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("已将评分规则“某市财政局"));
  expect(JSON.parse(stored() as string)).toEqual(CONFIG);
  await click("检查评分");
  expect(screen.getByTestId("grade").textContent).toBe("优秀");
  expect(screen.queryAllByTestId("finding").filter((f) => f.getAttribute("data-code") === "SCORE_EXCEEDS_WEIGHT")).toEqual([]);
  await click("清除标记");
  expect(stored()).toBeDefined();
  first.unmount();

  // Someone else opens the same workbook: the rules come with it.
  renderPane({ host: new ExcelHost(env), storage: memoryStorage() });
  await waitFor(() => expect((screen.getByTestId("rules-select") as HTMLSelectElement).value).toBe("__custom"));
  await click("检查评分");
  expect(screen.getByTestId("grade").textContent).toBe("优秀");
});

test("an invalid config file is refused with its path and leaves the stored rules alone", async () => {
  const { env, stored } = problemWorkbook();
  renderPane({ host: new ExcelHost(env), storage: memoryStorage() });
  await loadConfigFile(JSON.stringify({ grades: [{ name: "优", min: 80 }, { name: "良", min: 90 }, { name: "差" }] }), "坏.json");
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toMatch(/坏\.json.*grades\[1\]\.min/));
  expect(stored()).toBeUndefined();
});

test("choosing a preset stores it; choosing the national default removes the sheet", async () => {
  const { env, stored } = problemWorkbook();
  renderPane({ host: new ExcelHost(env), storage: memoryStorage() });
  const select = () => screen.getByTestId("rules-select") as HTMLSelectElement;
  await act(async () => {
    fireEvent.change(select(), { target: { value: "ratio" } });
  });
  await waitFor(() => expect(stored()).toBe('{"extends":"ratio"}'));
  await act(async () => {
    fireEvent.change(select(), { target: { value: "national" } });
  });
  await waitFor(() => expect(stored()).toBeUndefined());
});

test("rules the previous version stored in the document's settings are still used, and move into the sheet on the next store", async () => {
  const { settings, env, stored } = problemWorkbook();
  settings.set(RULES_SETTING, JSON.stringify(CONFIG));
  settings.saveAsync();
  renderPane({ host: new ExcelHost(env), storage: memoryStorage() });
  await waitFor(() => expect((screen.getByTestId("rules-select") as HTMLSelectElement).value).toBe("__custom"));
  await click("检查评分");
  expect(screen.getByTestId("grade").textContent).toBe("优秀");
  expect(stored()).toBeUndefined();

  await act(async () => {
    fireEvent.change(screen.getByTestId("rules-select"), { target: { value: "ratio" } });
  });
  await waitFor(() => expect(stored()).toBe('{"extends":"ratio"}'));
  expect(settings.saved.has(RULES_SETTING)).toBe(false);
});

describe("an Excel that cannot store rules under a protected structure (ExcelApi below 1.4: no names.add)", () => {
  function oldProtectedWorkbook() {
    const w = problemWorkbook();
    w.fake.apiVersion = "1.3";
    w.fake.structureProtected = true;
    return w;
  }

  test("the host says so in both languages, adds nothing, and this session's checks still use the chosen rules", async () => {
    const { fake, env } = oldProtectedWorkbook();
    const host = new ExcelHost(env);
    const sheets = fake.sheets.map((s) => s.name);
    await expect(host.storeRuleConfig(JSON.stringify(CONFIG))).rejects.toThrow(/^工作簿结构受保护，规则未保存到工作簿；本次核查仍按所选规则 \/ The workbook's structure is protected/);
    expect(fake.sheets.map((s) => s.name)).toEqual(sheets);
    expect(fake.names).toEqual([]);
    // No marks: below ExcelApi 1.7 the host cannot see the protection that forbids its record sheet.
    const run = await runCheck(host, { writeFlags: false, fixTotals: false, writeGrade: false, lang: "zh" });
    expect(run.kind === "result" && run.result.totals.grade).toBe("优秀");
    // Another pane over the same workbook finds nothing stored.
    expect(await new ExcelHost(env).loadRuleConfig()).toBeUndefined();
  });

  test("the pane shows a warning, not an error, and keeps the choice", async () => {
    const { fake, env } = oldProtectedWorkbook();
    renderPane({ host: new ExcelHost(env), storage: memoryStorage() });
    await act(async () => {
      fireEvent.change(screen.getByTestId("rules-select"), { target: { value: "ratio" } });
    });
    await waitFor(() => expect(screen.getByText(/工作簿结构受保护，规则未保存到工作簿；本次核查仍按所选规则/)).toBeTruthy());
    expect((screen.getByTestId("rules-select") as HTMLSelectElement).value).toBe("ratio");
    expect(fake.sheet(RULES_SHEET)).toBeUndefined();
  });
});

test("an Excel that cannot tell that the structure is protected (ExcelApi 1.4–1.6) stores in the hidden names once the sheet is refused", async () => {
  const { fake, env } = problemWorkbook();
  fake.apiVersion = "1.5";
  fake.structureProtected = true;
  const sheets = fake.sheets.map((s) => s.name);
  const host = new ExcelHost(env);
  await host.storeRuleConfig(JSON.stringify(CONFIG));
  expect(fake.sheets.map((s) => s.name)).toEqual(sheets);
  expect(fake.names.map((n) => [n.name, n.visible])).toEqual([["_scorecheck_rules_1", false]]);
  expect(JSON.parse((await new ExcelHost(env).loadRuleConfig())!)).toEqual(CONFIG);
});
