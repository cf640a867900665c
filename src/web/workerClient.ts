/** The page's side of the worker: one promise per request, progress by callback. */
import type { Message } from "../core/types";
import type { Envelope, Replies, Request, Stage, WorkerMessage } from "./protocol";

export type ProgressListener = (stage: Stage, fraction: number) => void;

/** The worker refused a request: an unreadable file (input) or a failure of its own. */
export class WorkerFailure extends Error {
  constructor(
    readonly bilingual: Message,
    readonly input: boolean,
  ) {
    super(bilingual.en);
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: ProgressListener;
}

export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export class WorkerClient {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (event: MessageEvent) => this.receive(event.data as WorkerMessage);
    worker.onerror = (event: ErrorEvent) => {
      // The worker died (out of memory, a script that failed to load): fail what was waiting.
      const text = event.message || "worker error";
      const failure = new WorkerFailure({ zh: `后台处理失败：${text}`, en: `Background processing failed: ${text}` }, false);
      for (const p of this.pending.values()) p.reject(failure);
      this.pending.clear();
    };
  }

  request<R extends Request>(request: R, onProgress?: ProgressListener): Promise<Replies[R["op"]]> {
    const id = this.next++;
    const envelope = { ...request, id } as Envelope;
    const transfer = "bytes" in request && request.bytes instanceof ArrayBuffer ? [request.bytes] : [];
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.worker.postMessage(envelope, transfer);
    });
  }

  private receive(message: WorkerMessage): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.kind === "progress") {
      p.onProgress?.(message.stage, message.fraction);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === "reply") p.resolve("json" in message ? JSON.parse(message.json) : message.value);
    else p.reject(new WorkerFailure(message.message, message.input));
  }
}
