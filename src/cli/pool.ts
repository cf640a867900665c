import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { checkFileLine, type FileJobOptions, type FileJobResult } from "./fileJob";
import type { JobReply, JobRequest } from "./worker";

export interface PoolEvents {
  /** A file was handed to a worker (or to the main thread). */
  started(index: number, file: string): void;
  /** A file's result; called once per file, in completion order. */
  finished(index: number, result: FileJobResult): void;
}

/** The compiled worker beside this module; absent when running from the TypeScript sources (ts-jest). */
const WORKER_SCRIPT = path.join(__dirname, "worker.js");

/** A workbook that needs more heap than this is not a self-evaluation form; the worker dies and that file is reported. */
const WORKER_HEAP_MB = 2048;

export function defaultJobs(files: number): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(2, files, cores));
}

/** Checks every file, on `jobs` worker threads (or on this thread when jobs is 1). Never rejects for a bad file. */
export async function checkFiles(files: string[], options: FileJobOptions, jobs: number, events: PoolEvents): Promise<void> {
  if (files.length === 0) return;
  if (jobs <= 1 || !fs.existsSync(WORKER_SCRIPT)) {
    for (let i = 0; i < files.length; i++) {
      events.started(i, files[i]);
      events.finished(i, await checkFileLine(files[i], options));
    }
    return;
  }
  await new Promise<void>((resolve) => {
    let next = 0;
    let live = 0;
    const threads = Math.min(jobs, files.length);

    const failed = (file: string, reason: string): FileJobResult => ({
      file,
      error:
        options.lang === "en"
          ? `The check of this file stopped: ${reason}`
          : `检查该文件时中断：${reason}`,
      code: "WORKER_FAILED",
    });

    const spawn = () => {
      const worker = new Worker(WORKER_SCRIPT, {
        workerData: options,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        stdout: false,
        stderr: false,
      });
      live++;
      let current: JobRequest | undefined;
      let finished = false;

      const feed = () => {
        if (next >= files.length) {
          finished = true;
          void worker.terminate();
          return;
        }
        const id = next++;
        current = { id, file: files[id] };
        events.started(current.id, current.file);
        worker.postMessage(current);
      };

      worker.on("message", (reply: JobReply) => {
        current = undefined;
        events.finished(reply.id, reply.result);
        feed();
      });
      // An 'error' (uncaught exception, out of memory) is followed by 'exit'; the file in hand is reported once, there.
      let lastError = "";
      worker.on("error", (e) => {
        lastError = e.message.split("\n")[0];
      });
      worker.on("exit", (code) => {
        live--;
        if (current) {
          const job = current;
          current = undefined;
          events.finished(job.id, failed(job.file, lastError || `exit ${code}`));
        }
        if (!finished && next < files.length) spawn();
        if (live === 0) resolve();
      });
      feed();
    };

    for (let t = 0; t < threads; t++) spawn();
  });
}
