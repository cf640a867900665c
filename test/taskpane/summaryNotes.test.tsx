/** @jest-environment jsdom */
/** Notes of the shared Summary (pane and page): other sheets with a table, a table without targets. */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Summary } from "../../src/taskpane/components/Summary";
import { zh } from "../../src/taskpane/i18n/zh";
import { en } from "../../src/taskpane/i18n/en";
import { check } from "../../src/core/check";
import type { CheckResult } from "../../src/core/types";
import { readBack } from "../builders/layouts";
import { buildTable, validRows } from "../builders/table";

async function resultOf(sheet?: string): Promise<CheckResult> {
  const form = [["三级指标", "目标值", "完成值", "分值", "得分"], ["完成数量", "≥10", "12", 100, 100], ["合计", null, null, 100, 100]];
  const built = buildTable({ sheetName: "项目A", rows: validRows(10), extraSheetsBefore: [{ name: "说明", rows: [["填表说明"]] }, { name: "项目B", rows: form }] });
  const out = check(await readBack(built.workbook), { sheet });
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

// The pane and the page show the same Summary.
test("the summary names the other sheets that hold a table, in the pane's language", async () => {
  const result = await resultOf();
  // 项目B is the first sheet that holds a table, so it is the one checked (项目A's fuller layout does not outrank it).
  expect(result.layout.sheet).toBe("项目B");
  const { unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <Summary result={result} t={zh} />
    </FluentProvider>,
  );
  expect(screen.getByTestId("other-tables").textContent).toBe("另有 1 个工作表也含有指标表，本次未核查：“项目A”。请逐个指定工作表核查。");
  unmount();
  render(
    <FluentProvider theme={webLightTheme}>
      <Summary result={result} t={en} />
    </FluentProvider>,
  );
  expect(screen.getByTestId("other-tables").textContent).toMatch(/^1 other sheet also holds an indicator table, not checked this time: "项目A"/);
});

test("nothing is said when the sheet was named", async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <Summary result={await resultOf("项目A")} t={zh} />
    </FluentProvider>,
  );
  expect(screen.queryByTestId("other-tables")).toBeNull();
});

test("a table without target and result columns says once that its rows cannot be judged met", async () => {
  const { levelPointsTable } = await import("../builders/publishedShapes");
  const out = check(await readBack(levelPointsTable().workbook));
  if (!out.ok) throw new Error(out.error.message.en);
  render(
    <FluentProvider theme={webLightTheme}>
      <Summary result={out.result} t={zh} />
    </FluentProvider>,
  );
  expect(screen.getByTestId("no-targets").textContent).toBe("表中没有目标值和完成值列：13 项指标的达成情况无从判定，只核对了分值与得分。");
});

test("a table with targets says nothing of the kind", async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <Summary result={await resultOf()} t={zh} />
    </FluentProvider>,
  );
  expect(screen.queryByTestId("no-targets")).toBeNull();
});
