/**
 * What a browser (and the page's worker) has but jest's jsdom lacks, for tests that run the page
 * and its worker's code under jsdom: imported first, before the modules that use it at load time.
 * Node's own TextDecoder and streams; a ResizeObserver that never reports (jsdom lays nothing out).
 */
import { TextDecoder, TextEncoder } from "node:util";
import { CompressionStream, DecompressionStream, ReadableStream, TransformStream, WritableStream } from "node:stream/web";

class SilentResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const scope = globalThis as Record<string, unknown>;
const missing: Record<string, unknown> = {
  TextDecoder,
  TextEncoder,
  CompressionStream,
  DecompressionStream,
  ReadableStream,
  TransformStream,
  WritableStream,
  ResizeObserver: SilentResizeObserver,
};
for (const [name, value] of Object.entries(missing)) scope[name] ??= value;
