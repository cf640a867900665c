/** Worker-thread entry of a batch: checks the files the pool sends and posts back each file's small JSON line. */
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

const options = workerData as FileJobOptions;
const port = parentPort;
if (port) {
  port.on("message", (job: JobRequest) => {
    void checkFileLine(job.file, options).then((result) => port.postMessage({ id: job.id, result } satisfies JobReply));
  });
}
