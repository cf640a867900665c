/** Entry of the browser page (dist/web/index.html). */
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from "@fluentui/react-components";
import { WebApp } from "./components/WebApp";
import { WorkerClient, type WorkerLike } from "./workerClient";

/** Built next to the page by the web bundle's worker entry. */
const WORKER_SCRIPT = "worker.js";

function startWorker(): WorkerClient | undefined {
  try {
    return new WorkerClient(new Worker(new URL(WORKER_SCRIPT, document.baseURI)) as unknown as WorkerLike);
  } catch {
    // Opened as a file (file://): browsers refuse workers there.
    return undefined;
  }
}

const client = startWorker();
const root = createRoot(document.getElementById("container") as HTMLElement);
root.render(
  <FluentProvider theme={webLightTheme}>
    {client ? (
      <WebApp client={client} />
    ) : (
      <MessageBar intent="error" layout="multiline" data-testid="no-worker">
        <MessageBarBody>
          <MessageBarTitle>本页面需要通过网页服务器打开（This page must be opened from a web server）</MessageBarTitle>
          浏览器不允许直接从本地文件运行本页面的后台处理。请把 dist/web 文件夹放到任一静态网页服务器上（或在项目中运行 npm start），再用 http(s) 地址打开。 Browsers do not run the page&apos;s background work from a local file: serve the dist/web folder from any static web server and open it over http(s).
        </MessageBarBody>
      </MessageBar>
    )}
  </FluentProvider>,
);
