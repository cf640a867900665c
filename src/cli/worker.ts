/** Worker-thread entry of a batch: checks the files the pool sends, one after another, and posts back each file's small result. */
import { parentPort, workerData } from "node:worker_threads";
import { checkFileLine, type FileJobOptions, type FileJobResult } from "./fileJob";

export interface JobRequest {
  id: number;
  file: string;
}

export interface JobReply {
  id: number;
  result: FileJobResult;
}

/** Sent once the engine is loaded: only then does the pool hand this worker files. */
export interface WorkerReady {
  ready: true;
}

const options = workerData as FileJobOptions;
const port = parentPort;
if (port) {
  // One file at a time, in the order sent: the pool queues a second file ahead, and two workbooks at once would double the memory.
  let queue: Promise<void> = Promise.resolve();
  port.on("message", (job: JobRequest) => {
    queue = queue.then(async () => {
      const result = await checkFileLine(job.file, options);
      port.postMessage({ id: job.id, result } satisfies JobReply);
    });
  });
  port.postMessage({ ready: true } satisfies WorkerReady);
}
