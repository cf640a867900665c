/**
 * The narrative as one stream of text: every block normalised (full-width digits and
 * percent signs to half-width, every space and line break removed, so that a number or
 * a sentence the PDF-to-text or the cells broke apart reads whole again) and joined,
 * with where each block starts so that a figure can name its cell or paragraph.
 */
import type { NarrativeBlock, NarrativeSource } from "./types";

const FULL_DIGIT = /[０-９]/g;

/** Normalises one block's text; Chinese punctuation is kept (it delimits sentences and enumerations). */
export function normalizeNarrative(text: string): string {
  return text
    .replace(FULL_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[％﹪]/g, "%")
    .replace(/[\s\u00a0\u200b\u3000]+/g, "")
    // A full-width point between digits is a decimal point (1．一般… stays an enumeration).
    .replace(/(\d)．(?=\d)/g, "$1.")
    // A thousands separator: a comma (either width) before exactly three digits.
    .replace(/(\d)[,，](?=\d{3}(?!\d))/g, "$1,");
}

export class NarrativeText {
  readonly text: string;
  private readonly starts: number[] = [];

  constructor(readonly blocks: NarrativeBlock[]) {
    let text = "";
    for (const b of blocks) {
      this.starts.push(text.length);
      text += normalizeNarrative(b.text);
    }
    this.text = text;
  }

  /** Whether a block starts at this offset (a heading at the start of a cell starts a section). */
  startsBlock(offset: number): boolean {
    return this.blockAt(offset) !== undefined && this.starts[this.blockAt(offset)!] === offset;
  }

  private blockAt(offset: number): number | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  sourceAt(offset: number): NarrativeSource {
    return this.blocks[this.blockAt(offset) ?? 0].source;
  }

  /** The sentence around an offset: from the last 。；：!? (or a heading) before it to the next 。；!? after it. */
  sentenceAt(offset: number): string {
    const t = this.text;
    let from = offset;
    while (from > 0 && !/[。；;：:！？!?]/.test(t[from - 1]) && offset - from < 160) from--;
    let to = offset;
    while (to < t.length && !/[。；;！？!?]/.test(t[to]) && to - offset < 160) to++;
    return t.slice(from, Math.min(t.length, to + 1));
  }
}
