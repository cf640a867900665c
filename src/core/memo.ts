/**
 * Keeps a one-argument string function's answers by its argument: the texts of a
 * table recur down its rows (完成, 100%, ≥95%, the same level names), and these
 * functions run several times on every row. The cache is dropped when it reaches
 * `max` entries, so a table of unique texts costs memory once, not without bound.
 */
export function memoByText<T>(fn: (text: string) => T, max = 50_000): (text: string) => T {
  const kept = new Map<string, T>();
  return (text: string): T => {
    let v = kept.get(text);
    if (v === undefined && !kept.has(text)) {
      if (kept.size >= max) kept.clear();
      v = fn(text);
      kept.set(text, v);
    }
    return v as T;
  };
}
