/**
 * What the page's worker does with one request: the session's answer, posted back as the
 * page's WorkerClient reads it (a reply, or a failure saying whether the input caused it).
 * Kept apart from the worker's global scope so that a test can run the page against it in-process.
 */
import type { Envelope, WorkerMessage } from "./protocol";
import { type Session, UserFacingError } from "./session";

export type Post = (message: WorkerMessage, transfer?: Transferable[]) => void;

/** ArrayBuffers in a reply are moved to the page, not copied. */
function transferables(value: unknown): Transferable[] {
  if (value && typeof value === "object" && "bytes" in value && (value as { bytes: unknown }).bytes instanceof ArrayBuffer) {
    return [(value as { bytes: ArrayBuffer }).bytes];
  }
  return [];
}

async function handle(session: Session, request: Envelope, post: Post): Promise<unknown> {
  const progress = (stage: "parse" | "check" | "write", fraction: number) => post({ id: request.id, kind: "progress", stage, fraction });
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

/** Answers one request; never throws (a failure is posted). */
export async function answer(session: Session, request: Envelope, post: Post): Promise<void> {
  try {
    const value = await handle(session, request, post);
    const transfer = transferables(value);
    if (transfer.length > 0) post({ id: request.id, kind: "reply", value }, transfer);
    else post({ id: request.id, kind: "reply", json: JSON.stringify(value) });
  } catch (e) {
    const input = e instanceof UserFacingError;
    const message = input
      ? e.bilingual
      : { zh: `处理时出错：${e instanceof Error ? e.message : String(e)}`, en: `Something went wrong: ${e instanceof Error ? e.message : String(e)}` };
    post({ id: request.id, kind: "failure", input, message });
  }
}
