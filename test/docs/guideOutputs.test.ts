/**
 * The outputs docs/使用说明.md pastes under a `scorecheck check` line are what the CLI prints:
 * the guide's folder 收到的自评表 is rebuilt (the bundled example, and 示例改错.xlsx with G6's
 * score 2 made 3, as the guide says), each block whose inputs are there is run, and every line
 * it shows (not a "…" line, not a rule of ─) must be a line of the real output. An annotated copy
 * the guide writes goes into the temporary folder.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

const ROOT = path.join(__dirname, "../..");
const GUIDE = fs.readFileSync(path.join(ROOT, "docs/使用说明.md"), "utf8");
const CLI = path.join(ROOT, "bin/scorecheck.js");

interface Example {
  command: string;
  shown: string[];
}

/** Fenced blocks that start with a `scorecheck check` line: the command, then what the guide shows of its output. */
function examples(markdown: string): Example[] {
  return [...markdown.matchAll(/^```\n([\s\S]*?)^```$/gm)]
    .map((m) => m[1].replace(/\n$/, "").split("\n"))
    .filter((lines) => /^scorecheck check /.test(lines[0]))
    .map(([command, ...shown]) => ({ command, shown }));
}

/** The lines a block shows that must appear as they are: "…" marks a cut, a rule of ─ is as wide as the terminal. */
function checkedLines(shown: string[]): string[] {
  return shown.map((l) => l.trimEnd()).filter((l) => l !== "" && !l.includes("…") && !/^─+$/.test(l));
}

let dir: string;
const inputs = ["收到的自评表/如皋市行政审批局.xlsx", "收到的自评表/示例改错.xlsx"];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-guide-"));
  fs.mkdirSync(path.join(dir, "收到的自评表"));
  fs.copyFileSync(path.join(ROOT, "assets/example/rugao-2020.xlsx"), path.join(dir, inputs[0]));
  const wrong = new ExcelJS.Workbook();
  await wrong.xlsx.readFile(path.join(ROOT, "assets/example/rugao-2020.xlsx"));
  wrong.getWorksheet("指标表")!.getCell("G6").value = 3;
  await wrong.xlsx.writeFile(path.join(dir, inputs[1]));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The examples that read only the files rebuilt here (an annotated copy is written into the temporary folder). */
const runnable = examples(GUIDE).filter((e) => {
  const words = e.command.split(/\s+/).slice(2);
  const files = words.filter((w, i) => !w.startsWith("-") && words[i - 1] !== "--out");
  return !/--summary|--report|--config/.test(e.command) && files.every((w) => inputs.includes(w));
});

test("the guide shows the output of at least the example with errors, and of its annotated copy", () => {
  expect(runnable.map((e) => e.command)).toEqual(
    expect.arrayContaining(["scorecheck check 收到的自评表/示例改错.xlsx", "scorecheck check 收到的自评表/示例改错.xlsx --out 示例改错-核查.xlsx --fix-totals --write-grade"]),
  );
});

test.each(runnable.map((e) => [e.command, e] as const))("%s prints what the guide shows", (_command, example) => {
  const args = example.command.split(/\s+/).slice(1);
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const printed = new Set(run.stdout.split("\n").map((l) => l.trimEnd()));
  const missing = checkedLines(example.shown).filter((l) => !printed.has(l));
  expect(missing).toEqual([]);
});
