/** @jest-environment jsdom */
/** The page's batch table: a file whose other sheets hold a table too says so beside its sheet. */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { BatchTable } from "../../src/web/components/BatchTable";
import { check } from "../../src/core/check";
import { resultJson } from "../../src/cli/json";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { webStringsFor } from "../../src/web/i18n";
import { seedFile, twoTablesFile } from "../e2e/support/workbooks";

// The page's worker makes a batch row's summary as resultJson does (src/web/session.ts batchFile).
async function summaryOf(file: { name: string; buffer: Buffer }) {
  const bytes = file.buffer.buffer.slice(file.buffer.byteOffset, file.buffer.byteOffset + file.buffer.byteLength) as ArrayBuffer;
  const out = check((await readXlsxBuffer(bytes)).sheets);
  if (!out.ok) throw new Error(out.error.message.en);
  return { ...resultJson(file.name, out.result, "zh"), config: "national" };
}

test("the other sheets with a table are counted beside the checked sheet and named on hover; a one-table file shows nothing", async () => {
  const two = await twoTablesFile();
  const seed = seedFile();
  render(
    <FluentProvider theme={webLightTheme}>
      <BatchTable
        rows={[
          { path: two.name, state: "done", summary: await summaryOf(two) },
          { path: seed.name, state: "done", summary: await summaryOf(seed) },
        ]}
        lang="zh"
        w={webStringsFor("zh")}
        onOpen={() => {}}
      />
    </FluentProvider>,
  );
  const notes = screen.getAllByTestId("batch-other-tables");
  expect(notes).toHaveLength(1);
  expect(notes[0].textContent).toBe(" (+1)");
  expect(notes[0].getAttribute("title")).toBe("另有 1 个工作表也含有指标表，本次未核查：“指标表”。请逐个指定工作表核查。");
});
