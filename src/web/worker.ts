/**
 * The page's worker: holds the open workbook and does everything that takes time
 * (reading, checking, writing .xlsx), so the page never freezes on a large table.
 */
import type { Envelope, WorkerMessage } from "./protocol";
import { answer } from "./requests";
import { Session } from "./session";

interface WorkerScope {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<Envelope>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const session = new Session();

// Requests run one after another: a check must see the workbook its open finished loading.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(() => answer(session, request, (message, transfer) => scope.postMessage(message, transfer)));
};
