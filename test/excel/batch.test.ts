/**
 * syncInBatches: a batch Excel refuses as too large is split and run again; its
 * results are handed on only after its own sync succeeded.
 */
import { packOps, syncInBatches, type QueuedOp } from "../../src/excel/batch";

/** A context whose sync refuses more than `max` queued ops with the given error code. */
function refusingContext(max: number, code: string) {
  const sizes: number[] = [];
  let queued = 0;
  return {
    sizes,
    add: () => queued++,
    async sync() {
      const n = queued;
      queued = 0;
      sizes.push(n);
      if (n > max) throw Object.assign(new Error(code), { code });
    },
  };
}

function ops(n: number, ctx: { add(): void }, done: number[]): QueuedOp[] {
  return Array.from({ length: n }, (_v, i) => ({
    bytes: 10,
    response: 10,
    queue: () => {
      ctx.add();
      return () => done.push(i);
    },
  }));
}

test("packOps keeps the request and the response of each batch under the budget, each on its own", () => {
  const list: QueuedOp[] = [
    { bytes: 60, response: 0, queue: () => undefined },
    { bytes: 10, response: 60, queue: () => undefined },
    { bytes: 50, response: 0, queue: () => undefined },
    { bytes: 10, response: 50, queue: () => undefined },
  ];
  // The sums of both are 130 and 110, but neither side of a batch exceeds 100.
  expect(packOps(list, 100).map((b) => b.length)).toEqual([2, 2]);
});

test("a request refused as too large is split until it fits; every op's result is taken once", async () => {
  const ctx = refusingContext(3, "RequestPayloadSizeLimitExceeded");
  const done: number[] = [];
  const syncs = await syncInBatches(ctx, ops(10, ctx, done), 1000);
  expect(ctx.sizes).toEqual([10, 5, 3, 2, 5, 3, 2]);
  expect(syncs).toBe(7);
  expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test("a response too large is retried only for reads (writes in it were applied)", async () => {
  const reads = refusingContext(4, "ResponsePayloadSizeLimitExceeded");
  const done: number[] = [];
  await syncInBatches(reads, ops(6, reads, done), 1000, undefined, true);
  expect(reads.sizes).toEqual([6, 3, 3]);
  expect(done).toEqual([0, 1, 2, 3, 4, 5]);

  const writes = refusingContext(4, "ResponsePayloadSizeLimitExceeded");
  await expect(syncInBatches(writes, ops(6, writes, []), 1000)).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  expect(writes.sizes).toEqual([6]);
});

test("another error is not retried", async () => {
  const ctx = refusingContext(0, "ItemNotFound");
  await expect(syncInBatches(ctx, ops(4, ctx, []), 1000, undefined, true)).rejects.toMatchObject({ code: "ItemNotFound" });
  expect(ctx.sizes).toEqual([4]);
});
