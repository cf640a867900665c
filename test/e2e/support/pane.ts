/** What the pane e2e tests (Office and WPS) do on the pane itself, whatever host is under it. */
import type { Page } from "playwright-core";

/** Clicks 检查评分 and waits for the notice that the check ended. */
export async function check(page: Page): Promise<void> {
  await page.getByRole("button", { name: "检查评分" }).click();
  await page.getByTestId("notice").waitFor();
}

/** The summary's Σ weight, Σ score and grade as shown. */
export async function totals(page: Page) {
  return {
    weight: await page.getByTestId("total-weight").textContent(),
    score: await page.getByTestId("total-score").textContent(),
    grade: await page.getByTestId("grade").textContent(),
  };
}
