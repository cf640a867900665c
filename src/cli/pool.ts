import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { checkFileLine, type FileJobOptions, type FileJobResult } from "./fileJob";
import type { JobReply, JobRequest, WorkerReady } from "./worker";

export interface PoolEvents {
  /** A file was handed to a lane (the main thread, or a worker's queue). */
  started(index: number, file: string): void;
  /** A file's result; called once per file, in completion order. */
  finished(index: number, result: FileJobResult): void;
}

/** The compiled worker beside this module; absent when running from the TypeScript sources (ts-jest). */
const WORKER_SCRIPT = path.join(__dirname, "worker.js");

/** A workbook that needs more heap than this is not a self-evaluation form; the worker dies and that file is reported. */
const WORKER_HEAP_MB = 2048;

/** Files queued ahead in each worker, so it never waits for the main thread (busy with its own file) to send the next. */
const WORKER_QUEUE = 2;

export function defaultJobs(files: number): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(2, files, cores));
}

/**
 * Checks every file on `jobs` lanes: the main thread is one (it has the engine loaded already,
 * and would otherwise only wait), each further lane a worker thread. Every lane hands back only
 * the file's small JSON result, so memory does not grow with the number of files.
 * Never rejects for a bad file: a worker that dies reports the file it held and is replaced.
 */
export async function checkFiles(files: string[], options: FileJobOptions, jobs: number, events: PoolEvents): Promise<void> {
  let next = 0;
  /** Files a dead worker had queued but not begun: checked again before new ones. */
  const requeued: number[] = [];
  const take = (): number | undefined => (requeued.length ? requeued.shift() : next < files.length ? next++ : undefined);

  /** Workers still loading the engine: not needed any more once the main thread has taken every file. */
  const starting = new Set<Worker>();

  const mainLane = async () => {
    for (let i = take(); i !== undefined; i = take()) {
      events.started(i, files[i]);
      events.finished(i, await checkFileLine(files[i], options));
    }
    for (const w of starting) void w.terminate();
  };

  const failed = (file: string, reason: string): FileJobResult => ({
    file,
    error: options.lang === "en" ? `The check of this file stopped: ${reason}` : `检查该文件时中断：${reason}`,
    code: "WORKER_FAILED",
  });

  const workerLane = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const run = () => {
        const worker = new Worker(WORKER_SCRIPT, {
          workerData: options,
          resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        });
        // Oldest first: the worker checks its queue in order, so the head is the file in hand.
        const queue: JobRequest[] = [];
        let lastError = "";
        let ready = false;
        starting.add(worker);
        const fill = () => {
          while (queue.length < WORKER_QUEUE) {
            const i = take();
            if (i === undefined) break;
            const job = { id: i, file: files[i] };
            queue.push(job);
            events.started(i, job.file);
            worker.postMessage(job);
          }
          if (queue.length === 0) void worker.terminate();
        };
        worker.on("message", (reply: JobReply | WorkerReady) => {
          // Files go to a worker only once it has loaded the engine; until then the main thread takes them,
          // so a batch of a few files never waits for a worker to start.
          if ("ready" in reply) {
            ready = true;
            starting.delete(worker);
            return fill();
          }
          const at = queue.findIndex((j) => j.id === reply.id);
          if (at >= 0) queue.splice(at, 1);
          events.finished(reply.id, reply.result);
          fill();
        });
        // 'error' (an uncaught exception, out of memory) is followed by 'exit'; the file in hand is reported there, once.
        worker.on("error", (e) => {
          lastError = e.message.split("\n")[0];
        });
        worker.on("exit", (code) => {
          starting.delete(worker);
          // A worker that never got going (cannot load, or no longer needed) is not replaced: the main thread carries on.
          if (!ready) return resolve();
          const inHand = queue.shift();
          if (inHand) {
            events.finished(inHand.id, failed(inHand.file, lastError || `exit ${code}`));
            requeued.unshift(...queue.map((j) => j.id));
            queue.length = 0;
          }
          if (requeued.length || next < files.length) run();
          else resolve();
        });
      };
      run();
    });

  const lanes: Promise<void>[] = [];
  const workers = fs.existsSync(WORKER_SCRIPT) ? Math.min(jobs, files.length) - 1 : 0;
  for (let t = 0; t < workers; t++) lanes.push(workerLane());
  lanes.push(mainLane());
  await Promise.all(lanes);
}
