/**
 * @jest-environment jsdom
 *
 * Rules chosen in the pane are stored in the workbook (the add-in's document settings),
 * so every later check of it, by anyone, uses them; 清除标记 leaves them; an invalid
 * config file is refused with its path. The exceljs host's storage: test/web/ruleSheet.test.ts.
 */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { ExcelHost } from "../../src/excel/host";
import type { DocumentSettings, ExcelEnv } from "../../src/excel/env";
import { RULES_SETTING } from "../../src/core/config/stored";
import { fakeTable } from "../excel/fakeTable";
import { memoryStorage, renderPane } from "./render";

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
  return { fake, settings, env };
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
  const { settings, env } = problemWorkbook();
  const first = renderPane({ host: new ExcelHost(env), storage: memoryStorage() });
  await loadConfigFile(JSON.stringify(CONFIG));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("已将评分规则“某市财政局"));
  expect(JSON.parse(settings.saved.get(RULES_SETTING) as string)).toEqual(CONFIG);
  await click("检查评分");
  expect(screen.getByTestId("grade").textContent).toBe("优秀");
  expect(screen.queryAllByTestId("finding").filter((f) => f.getAttribute("data-code") === "SCORE_EXCEEDS_WEIGHT")).toEqual([]);
  await click("清除标记");
  expect(settings.saved.get(RULES_SETTING)).toBeDefined();
  first.unmount();

  // Someone else opens the same workbook: the rules come with it.
  renderPane({ host: new ExcelHost(env), storage: memoryStorage() });
  await waitFor(() => expect((screen.getByTestId("rules-select") as HTMLSelectElement).value).toBe("__custom"));
  await click("检查评分");
  expect(screen.getByTestId("grade").textContent).toBe("优秀");
});

test("an invalid config file is refused with its path and leaves the stored rules alone", async () => {
  const { settings, env } = problemWorkbook();
  renderPane({ host: new ExcelHost(env), storage: memoryStorage() });
  await loadConfigFile(JSON.stringify({ grades: [{ name: "优", min: 80 }, { name: "良", min: 90 }, { name: "差" }] }), "坏.json");
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toMatch(/坏\.json.*grades\[1\]\.min/));
  expect(settings.saved.has(RULES_SETTING)).toBe(false);
});

test("choosing a preset stores it; choosing the national default removes the setting", async () => {
  const { settings, env } = problemWorkbook();
  renderPane({ host: new ExcelHost(env), storage: memoryStorage() });
  const select = () => screen.getByTestId("rules-select") as HTMLSelectElement;
  await act(async () => {
    fireEvent.change(select(), { target: { value: "ratio" } });
  });
  await waitFor(() => expect(settings.saved.get(RULES_SETTING)).toBe('{"extends":"ratio"}'));
  await act(async () => {
    fireEvent.change(select(), { target: { value: "national" } });
  });
  await waitFor(() => expect(settings.saved.has(RULES_SETTING)).toBe(false));
});
