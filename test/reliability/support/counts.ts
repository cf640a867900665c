/** Prints how many generated cases a property ran, for docs/reliability.md and the CI log. */
export function recordCount(what: string, runs: number, detail = ""): void {
  process.stdout.write(`[reliability] ${what}: ${runs} cases${detail ? `, ${detail}` : ""}\n`);
}
