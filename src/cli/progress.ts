import cliProgress from "cli-progress";
import { displayWidth } from "./text";

/** The batch's progress on the terminal: files done / total, elapsed time, the file being read. */
export interface Progress {
  started(file: string): void;
  finished(): void;
  stop(): void;
}

const SILENT: Progress = { started() {}, finished() {}, stop() {} };

/** Keeps the end of a path (the file name matters most) within `width` display columns. */
export function fitPathStart(file: string, width: number): string {
  if (displayWidth(file) <= width) return file;
  const chars = Array.from(file);
  let out = "";
  let w = 1;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = displayWidth(chars[i]);
    if (w + cw > width) break;
    out = chars[i] + out;
    w += cw;
  }
  return "…" + out;
}

/** A bar on stderr when it is wanted (stdout is a terminal and not --json); otherwise nothing at all. */
export function createProgress(total: number, enabled: boolean, lang: "zh" | "en", stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY || total === 0) return SILENT;
  const format =
    lang === "en"
      ? "{bar} {value}/{total} files | {duration_formatted} | {file}"
      : "{bar} {value}/{total} 个文件 | 用时 {duration_formatted} | {file}";
  const bar = new cliProgress.SingleBar(
    {
      format,
      stream,
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      fps: 8,
    },
    cliProgress.Presets.shades_classic,
  );
  // cli-progress measures UTF-16 length, not display width: fit the file name ourselves so CJK names do not wrap.
  const fileWidth = () => Math.max(12, (stream.columns || 80) - 24 - 40);
  const shown = (file: string) => fitPathStart(file, fileWidth());
  bar.start(total, 0, { file: "" });
  // Ctrl-C during a long batch: give the terminal its cursor back (the bar hides it) before leaving.
  const interrupted = () => {
    bar.stop();
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  return {
    started(file) {
      bar.update({ file: shown(file) });
    },
    finished() {
      bar.increment();
    },
    stop() {
      process.removeListener("SIGINT", interrupted);
      bar.stop();
    },
  };
}
