/**
 * Queues Office.js operations and syncs them in as few requests as the payload
 * limit allows: everything in one sync while it fits, one more sync per chunk above.
 */
export interface QueuedOp {
  /** Estimated bytes of the request plus its response. */
  bytes: number;
  /** Queues the operation on the context (no sync). */
  queue(): void;
}

/** Groups ops into batches whose estimated size stays under `budget` (an op larger than that goes alone). */
export function packOps(ops: QueuedOp[], budget: number): QueuedOp[][] {
  const batches: QueuedOp[][] = [];
  let current: QueuedOp[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length > 0 && size + op.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Runs the ops in packed batches; `before` is queued at the start of every batch. Returns the number of syncs. */
export async function syncInBatches(
  context: { sync(): Promise<void> },
  ops: QueuedOp[],
  budget: number,
  before?: () => void,
): Promise<number> {
  let syncs = 0;
  for (const batch of packOps(ops, budget)) {
    before?.();
    for (const op of batch) op.queue();
    await context.sync();
    syncs++;
  }
  return syncs;
}

/** Bytes Office.js spends on one queued action beyond its data (object path, method name, ids). */
export const ACTION_OVERHEAD_BYTES = 160;
