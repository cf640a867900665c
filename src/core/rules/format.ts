import type { Message } from "../types";

/** Fills {placeholders}; numbers are shown without float noise. */
export function formatMessage(template: Message, data: Record<string, string | number> = {}): Message {
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = data[k];
      if (v === undefined) return `{${k}}`;
      return typeof v === "number" ? formatNumber(v) : v;
    });
  return { zh: fill(template.zh), en: fill(template.en) };
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Math.round(n * 100) / 100);
}
