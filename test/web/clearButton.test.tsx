/** @jest-environment jsdom */
/**
 * The page's 清除标记 is offered only while the copy holds marks of ours. The page runs as in
 * the browser, its worker in-process (src/web/requests.ts over a Session), on workbooks built here;
 * the count it reports is compared with what Excel (the fake Office.js) and WPS (the fake ET) report
 * for the same file.
 */
import "./support/browserGlobals";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WebApp } from "../../src/web/components/WebApp";
import { WorkerClient, type WorkerLike } from "../../src/web/workerClient";
import { answer } from "../../src/web/requests";
import { Session } from "../../src/web/session";
import type { Envelope } from "../../src/web/protocol";
import { ExcelHost } from "../../src/excel/host";
import { FakeWorkbook } from "../excel/fakeExcel";
import { reopen } from "../helpers/workbookDump";
import { wpsOf } from "../wps/support";
import { injectedErrorsFile, noTableFile, type FilePayload } from "../e2e/support/workbooks";
import { markedFileWithoutTable } from "../e2e/support/markedCopies";

/** The page's worker, in this process: each request answered by the same code the worker runs, in order. */
function inProcessWorker(): WorkerLike {
  const session = new Session();
  let queue: Promise<void> = Promise.resolve();
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      queue = queue.then(() => answer(session, message as Envelope, (reply) => worker.onmessage?.({ data: reply } as MessageEvent)));
    },
  };
  return worker;
}

function renderPage() {
  render(
    <FluentProvider theme={webLightTheme}>
      <WebApp client={new WorkerClient(inProcessWorker())} />
    </FluentProvider>,
  );
}

/** A chosen file as the page gets it from its file input. */
async function choose(payload: FilePayload): Promise<void> {
  const bytes = payload.buffer.buffer.slice(payload.buffer.byteOffset, payload.buffer.byteOffset + payload.buffer.byteLength) as ArrayBuffer;
  const file = new File([bytes], payload.name, { type: payload.mimeType });
  // jsdom's File has no arrayBuffer(); the browser's does.
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.slice(0) });
  await act(async () => {
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file] } });
  });
}

/** Waits until the page is idle after opening (its check done: a result or the no-table explanation). */
async function settled(): Promise<void> {
  await waitFor(
    () => {
      expect(screen.queryByTestId("load-error")?.textContent).toBeUndefined();
      expect(screen.queryByTestId("check")).not.toBeNull();
      expect(screen.queryByTestId("progress")).toBeNull();
    },
    { timeout: 20000 },
  );
}

/** What 清除标记 in Excel and in WPS restores for the same file (both check first, as the page does, and find no table). */
async function clearedByOtherHosts(bytes: Uint8Array): Promise<{ excel: number; wps: number }> {
  const excel = new ExcelHost(FakeWorkbook.fromExcelJs(await reopen(bytes)).env());
  const { host: wps } = await wpsOf(bytes);
  return { excel: await excel.clearFlags(), wps: await wps.clearFlags() };
}

test("a workbook with no indicator table and no marks of ours: no 清除标记 (there is nothing to clear), no download", async () => {
  renderPage();
  await choose(await noTableFile());
  await settled();
  expect(screen.getByTestId("no-table").getAttribute("data-error")).toBe("NO_TABLE");
  expect(screen.queryByTestId("clear-marks")).toBeNull();
  expect(screen.getByTestId("download-annotated").hasAttribute("disabled")).toBe(true);
  // The way out it suggests is a button the page has (下载模板), not the pane's 插入模板.
  const advice = screen.getByTestId("no-table").textContent ?? "";
  expect(advice).toContain("下载模板");
  expect(advice).not.toContain("插入模板");
  expect(screen.getByRole("button", { name: /下载模板/ })).toBeTruthy();
});

test("an annotated copy whose table is gone: 清除标记 is offered, restores the cells Excel and WPS restore, then the file downloads without marks", async () => {
  const { file, marked } = await markedFileWithoutTable();
  expect(marked).toBeGreaterThan(10);
  renderPage();
  await choose(file);
  await settled();
  expect(screen.getByTestId("no-table").getAttribute("data-error")).toBe("NO_TABLE");
  expect(screen.getByTestId("earlier-marks").getAttribute("data-cells")).toBe(String(marked));
  // Nothing was checked: the notice does not speak of this check's marks replacing the old ones.
  expect(screen.getByTestId("earlier-marks").textContent).toContain("这次没有找到指标表，未核分");
  expect(screen.getByTestId("download-annotated").hasAttribute("disabled")).toBe(true);

  await act(async () => {
    fireEvent.click(screen.getByTestId("clear-marks"));
  });
  await waitFor(() => expect(screen.queryByTestId("cleared")).not.toBeNull());
  const others = await clearedByOtherHosts(new Uint8Array(file.buffer));
  expect({ page: Number(screen.getByTestId("cleared").getAttribute("data-cells")), ...others }).toEqual({ page: marked, excel: marked, wps: marked });
  // Nothing of ours is left: the button goes, and the download is the user's data (…-无标记.xlsx).
  expect(screen.queryByTestId("clear-marks")).toBeNull();
  const download = screen.getByTestId("download-annotated");
  expect(download.hasAttribute("disabled")).toBe(false);
  expect(download.textContent).toBe("下载无标记文件");
  expect(screen.getByTestId("cleared").textContent).toBe(`已清除标记，恢复了 ${marked} 个单元格。现在下载的是原文件的数据，不带任何核查标记。`);
});

test("a table checked and marked by the page: 清除标记 is offered until it has cleared the marks", async () => {
  renderPage();
  await choose(await injectedErrorsFile());
  await settled();
  expect(screen.getByTestId("total-score").textContent).toBe("82");
  expect(screen.queryByTestId("earlier-marks")).toBeNull();
  await act(async () => {
    fireEvent.click(screen.getByTestId("clear-marks"));
  });
  await waitFor(() => expect(screen.queryByTestId("cleared")).not.toBeNull());
  expect(Number(screen.getByTestId("cleared").getAttribute("data-cells"))).toBeGreaterThan(0);
  expect(screen.queryByTestId("clear-marks")).toBeNull();
});
