/**
 * Queues Office.js operations and syncs them in as few requests as the payload
 * limit allows: everything in one sync while it fits, one more sync per chunk above.
 */
import { errorCode, isPayloadTooLarge } from "./env";
export interface QueuedOp {
  /** Estimated bytes of the request. */
  bytes: number;
  /** Estimated bytes of its response (what a load brings back); none for a write. */
  response?: number;
  /** Queues the operation on the context (no sync); may return what to do with its result once the sync succeeded. */
  queue(): void | (() => void);
}

/**
 * Groups ops into batches whose estimated request and response each stay under `budget`
 * (Excel limits each of the two, not their sum); an op larger than that goes alone.
 */
export function packOps(ops: QueuedOp[], budget: number): QueuedOp[][] {
  const batches: QueuedOp[][] = [];
  let current: QueuedOp[] = [];
  let size = 0;
  let back = 0;
  for (const op of ops) {
    const response = op.response ?? 0;
    if (current.length > 0 && (size + op.bytes > budget || back + response > budget)) {
      batches.push(current);
      current = [];
      size = 0;
      back = 0;
    }
    current.push(op);
    size += op.bytes;
    back += response;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Runs the ops in packed batches; `before` is queued at the start of every batch. Returns the
 * number of syncs. A batch Excel refuses as too large (the estimate fell short) is split in
 * two and run again: a refused request did nothing. A response too large is retried the same
 * way only for `reads` (loading twice is harmless; writes in that batch were already applied).
 */
export async function syncInBatches(
  context: { sync(): Promise<void> },
  ops: QueuedOp[],
  budget: number,
  before?: () => void,
  reads = false,
): Promise<number> {
  let syncs = 0;
  const pending = packOps(ops, budget);
  while (pending.length > 0) {
    const batch = pending.shift()!;
    before?.();
    const then: (() => void)[] = [];
    for (const op of batch) {
      const after = op.queue();
      if (after) then.push(after);
    }
    try {
      await context.sync();
      syncs++;
    } catch (e) {
      syncs++;
      const retry = batch.length > 1 && (errorCode(e) === "RequestPayloadSizeLimitExceeded" || (reads && isPayloadTooLarge(e)));
      if (!retry) throw e;
      const half = Math.ceil(batch.length / 2);
      pending.unshift(batch.slice(0, half), batch.slice(half));
      continue;
    }
    for (const f of then) f();
  }
  return syncs;
}

/** Bytes Office.js spends on one queued action beyond its data (object path, method name, ids). */
export const ACTION_OVERHEAD_BYTES = 160;
