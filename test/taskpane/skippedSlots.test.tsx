/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Summary } from "../../src/taskpane/components/Summary";
import { zh } from "../../src/taskpane/i18n/zh";
import { en } from "../../src/taskpane/i18n/en";
import { check } from "../../src/core/check";
import type { CheckResult } from "../../src/core/types";
import { readBack } from "../builders/layouts";
import { slotTable } from "../builders/publishedShapes";

async function slotResult(): Promise<CheckResult> {
  const out = check(await readBack(slotTable({ slotsPerLevel2: 1 }).workbook));
  if (!out.ok) throw new Error(out.error.message.en);
  return out.result;
}

// The pane and the page show the same Summary: the page hands it the worker's result.
test("the summary says once how many template rows were left out, in the pane's language", async () => {
  const result = await slotResult();
  const { unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <Summary result={result} t={zh} />
    </FluentProvider>,
  );
  expect(screen.getByTestId("skipped-slots").textContent).toBe(`5 个空白模板行未计入（第 ${result.skippedSlots.join("、")} 行）`);
  unmount();
  render(
    <FluentProvider theme={webLightTheme}>
      <Summary result={result} t={en} />
    </FluentProvider>,
  );
  expect(screen.getByTestId("skipped-slots").textContent).toMatch(/^5 empty template rows left out \(rows \d+/);
});

test("nothing is said when no row was left out", async () => {
  const result = { ...(await slotResult()), skippedSlots: [] };
  render(
    <FluentProvider theme={webLightTheme}>
      <Summary result={result} t={zh} />
    </FluentProvider>,
  );
  expect(screen.queryByTestId("skipped-slots")).toBeNull();
});
