/** @jest-environment jsdom */
/**
 * An unscored form in the pane and on the page (the shared Summary) and in the ribbon's 一键核分 summary
 * (Excel and WPS): 未评分 and 无等级, never 0 and 差.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Summary } from "../../src/taskpane/components/Summary";
import { zh } from "../../src/taskpane/i18n/zh";
import { en } from "../../src/taskpane/i18n/en";
import { summarize } from "../../src/commands/summary";
import { NATIONAL_PROFILE } from "../../src/core/profile";
import type { CheckResult } from "../../src/core/types";
import { checkTable } from "../helpers/check";
import { validRows } from "../builders/table";

const blank = () => validRows(10).map((r) => ({ ...r, actual: null, score: null }));

function show(result: CheckResult, t = zh) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Summary result={result} t={t} />
    </FluentProvider>,
  );
}

test("the summary shows 未评分 and 无等级 for an unscored form, in the pane's language", async () => {
  const result = await checkTable({ rows: blank(), grade: null });
  const { unmount } = show(result);
  expect(screen.getByTestId("total-score").textContent).toBe("未评分");
  expect(screen.getByTestId("total-score").getAttribute("data-scored")).toBe("false");
  expect(screen.getByTestId("grade").textContent).toBe("无等级");
  expect(screen.getByText("各行均未填写得分，尚未评分")).toBeTruthy();
  unmount();
  show(result, en);
  expect(screen.getByTestId("total-score").textContent).toBe("not scored");
  expect(screen.getByTestId("grade").textContent).toBe("no grade");
});

test("a scored form shows its Σ score and grade", async () => {
  show(await checkTable({ rows: validRows(10) }));
  expect(screen.getByTestId("total-score").textContent).toBe("100");
  expect(screen.getByTestId("grade").textContent).toBe("优");
});

test("一键核分's summary (Excel and WPS ribbons) says the form is not scored and gives no grade", async () => {
  const result = await checkTable({ rows: blank(), grade: null });
  const run = { kind: "result" as const, result, written: true, canWrite: true, rules: NATIONAL_PROFILE };
  expect(summarize(run, "zh").lines[0]).toBe("权重合计 100；尚未评分（各行均未填写得分），不评等级。");
  expect(summarize(run, "en").lines[0]).toBe("Total weight 100; not scored yet (no row carries a score), so no grade.");
});
