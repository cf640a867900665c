/**
 * The page's worker: holds the open workbook and does everything that takes time
 * (reading, checking, writing .xlsx), so the page never freezes on a large table.
 */
import type { Envelope, WorkerMessage } from "./protocol";
import { Session, UserFacingError } from "./session";

interface WorkerScope {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<Envelope>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const session = new Session();

/** ArrayBuffers in a reply are moved to the page, not copied. */
function transferables(value: unknown): Transferable[] {
  if (value && typeof value === "object" && "bytes" in value && (value as { bytes: unknown }).bytes instanceof ArrayBuffer) {
    return [(value as { bytes: ArrayBuffer }).bytes];
  }
  return [];
}

async function handle(request: Envelope): Promise<unknown> {
  const progress = (stage: "parse" | "check" | "write", fraction: number) =>
    scope.postMessage({ id: request.id, kind: "progress", stage, fraction });
  switch (request.op) {
    case "open":
      return session.open(request.name, request.bytes, progress);
    case "report":
      return session.report(request.name, request.bytes);
    case "check":
      return session.check(request.sheet, request.settings, progress);
    case "clear":
      return session.clear();
    case "save":
      return session.save();
    case "template":
      return session.template(request.kind, request.lang);
    case "batchFile":
      return session.batchFile(request.name, request.bytes, request.settings, progress);
    case "setRules":
      return session.setRules(request.text ?? undefined);
    case "summary":
      return session.summary(request.files, request.lang);
  }
}

// Requests run one after another: a check must see the workbook its open finished loading.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(async () => {
    try {
      const value = await handle(request);
      const transfer = transferables(value);
      if (transfer.length > 0) scope.postMessage({ id: request.id, kind: "reply", value }, transfer);
      else scope.postMessage({ id: request.id, kind: "reply", json: JSON.stringify(value) });
    } catch (e) {
      const input = e instanceof UserFacingError;
      const message = input
        ? e.bilingual
        : { zh: `处理时出错：${e instanceof Error ? e.message : String(e)}`, en: `Something went wrong: ${e instanceof Error ? e.message : String(e)}` };
      scope.postMessage({ id: request.id, kind: "failure", input, message });
    }
  });
};
