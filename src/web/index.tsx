/** Entry of the browser page (dist/web/index.html). */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WebApp } from "./components/WebApp";
import { WorkerClient, type WorkerLike } from "./workerClient";

/** Built next to the page by the web bundle's worker entry. */
const WORKER_SCRIPT = "worker.js";

const client = new WorkerClient(new Worker(new URL(WORKER_SCRIPT, document.baseURI)) as unknown as WorkerLike);

createRoot(document.getElementById("container") as HTMLElement).render(
  <FluentProvider theme={webLightTheme}>
    <WebApp client={client} />
  </FluentProvider>,
);
