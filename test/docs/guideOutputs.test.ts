/**
 * Every output docs/使用说明.md pastes is what scorecheck prints. The guide's folders are rebuilt:
 * 收到的自评表 (the bundled example, its .xls copy written by SheetJS, and 示例改错.xlsx with G6's score
 * 2 made 3, as the guide says), 批次2 (a CSV named .xlsx, the example's narrative sheet alone, and the
 * example), the report 自评报告.docx (the example's narrative with its composite score 98 made 96) and
 * bad.json (the guide's config with its first two grades' minimums swapped). Each block that starts with
 * a `scorecheck` command is run once (the block after the guide's scorecheck.config.json, in a copy of
 * 收到的自评表 that holds that config), and every line it shows must be a line printed (stdout or stderr):
 * as it is, or, where the guide cut it with "…", its pieces in order (the line's start and end too when not
 * cut there). A rule of ─ is as wide as the terminal and is not compared. The one block that is not the
 * command line's, the 一键核分 dialog, is compared with what the add-in shows for 示例改错.xlsx.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { ExcelHost } from "../../src/excel/host";
import { runCheck } from "../../src/taskpane/runCheck";
import { summarize } from "../../src/commands/summary";
import { DEFAULT_OPTIONS } from "../../src/taskpane/options";
import { FakeWorkbook } from "../excel/fakeExcel";
import { docxOf } from "../builders/docx";
import { edited, seedParagraphs } from "../builders/narrative";

const ROOT = path.join(__dirname, "../..");
const GUIDE = fs.readFileSync(path.join(ROOT, "docs/使用说明.md"), "utf8");
const CLI = path.join(ROOT, "bin/scorecheck.js");
const EXAMPLE = path.join(ROOT, "assets/example/rugao-2020.xlsx");

interface Block {
  lang: string;
  lines: string[];
}

interface Example {
  command: string;
  shown: string[];
  /** The block right after the guide's scorecheck.config.json: run where that config sits in the folder. */
  withConfig: boolean;
}

/** The guide's fenced blocks in order, with their language (empty for plain text). */
function blocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], lines: m[2].replace(/\n$/, "").split("\n") }));
}

const isCommand = (line: string) => /^scorecheck (check|template) /.test(line);

function examples(all: Block[]): Example[] {
  return all.flatMap((b, i) => {
    if (b.lang !== "" || !isCommand(b.lines[0])) return [];
    const [command, ...shown] = b.lines;
    return [{ command, shown, withConfig: all[i - 1]?.lang === "json" }];
  });
}

/** The lines a block shows that are compared (not a bare "…", not a rule of ─). */
function checkedLines(shown: string[]): string[] {
  return shown.map((l) => l.trimEnd()).filter((l) => l !== "" && l !== "…" && !/^─+$/.test(l));
}

/** A line shown is printed as it is; cut with "…", its pieces appear in order, anchored where it was not cut. */
function isPrinted(shown: string, printed: string[]): boolean {
  if (!shown.includes("…")) return printed.includes(shown);
  // Spaces beside a cut are padding of unknown width; the line's own indentation is kept.
  const pieces = shown.split("…").map((p, i, all) => (i === 0 ? p.trimEnd() : i === all.length - 1 ? p.trimStart() : p.trim()));
  return printed.some((line) => {
    let at = 0;
    for (const [i, piece] of pieces.entries()) {
      if (piece === "") continue;
      const found = line.indexOf(piece, at);
      if (found < 0) return false;
      if (i === 0 && found !== 0) return false;
      at = found + piece.length;
    }
    return pieces[pieces.length - 1] === "" || at === line.length;
  });
}

const ALL = blocks(GUIDE);
const EXAMPLES = examples(ALL);
const CONFIG = ALL.find((b) => b.lang === "json")!.lines.join("\n");

let dir: string;
let configDir: string;

const RECEIVED = ["如皋市行政审批局.xlsx", "如皋市行政审批局.xls", "示例改错.xlsx"];

async function writeReceived(root: string): Promise<void> {
  const folder = path.join(root, "收到的自评表");
  fs.mkdirSync(folder);
  fs.copyFileSync(EXAMPLE, path.join(folder, RECEIVED[0]));
  // 另存为 .xls: SheetJS's BIFF8 writer, as the tests of the .xls reader write their files.
  const book = XLSX.read(fs.readFileSync(EXAMPLE), { type: "buffer", cellFormula: true, cellNF: true });
  fs.writeFileSync(path.join(folder, RECEIVED[1]), XLSX.write(book, { type: "buffer", bookType: "biff8" }) as Buffer);
  const wrong = new ExcelJS.Workbook();
  await wrong.xlsx.readFile(EXAMPLE);
  wrong.getWorksheet("指标表")!.getCell("G6").value = 3;
  await wrong.xlsx.writeFile(path.join(folder, RECEIVED[2]));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-guide-"));
  await writeReceived(dir);

  const batch = path.join(dir, "批次2");
  fs.mkdirSync(batch);
  fs.writeFileSync(path.join(batch, "假文件.xlsx"), "单位,得分\n如皋市行政审批局,98\n");
  const reportOnly = new ExcelJS.Workbook();
  await reportOnly.xlsx.readFile(EXAMPLE);
  reportOnly.removeWorksheet(reportOnly.getWorksheet("指标表")!.id);
  await reportOnly.xlsx.writeFile(path.join(batch, "只有报告.xlsx"));
  fs.copyFileSync(EXAMPLE, path.join(batch, "如皋市行政审批局.xlsx"));

  fs.writeFileSync(path.join(dir, "自评报告.docx"), await docxOf(edited(seedParagraphs(), "综合得分 98 分", "综合得分 96 分")));
  const bad = JSON.parse(CONFIG) as { grades: { min?: number }[] };
  [bad.grades[0].min, bad.grades[1].min] = [bad.grades[1].min, bad.grades[0].min];
  fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify(bad, null, 2));

  configDir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-guide-config-"));
  await writeReceived(configDir);
  fs.writeFileSync(path.join(configDir, "收到的自评表/scorecheck.config.json"), CONFIG);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(configDir, { recursive: true, force: true });
});

test("every block of the guide that shows the command line's output starts with its command, and each kind is there", () => {
  // A plain block that is not a command's output would go unchecked: only the 一键核分 dialog may be one.
  const others = ALL.filter((b) => b.lang === "" && !isCommand(b.lines[0]));
  expect(others.map((b) => b.lines[0])).toEqual(["权重合计 100，得分合计 99，等级 优。"]);
  const commands = EXAMPLES.map((e) => e.command);
  for (const needle of ["--out ", "--summary ", "--json", "--report ", "--config ", "--sheet ", ".xls", "scorecheck template "]) {
    expect(commands.some((c) => c.includes(needle))).toBe(true);
  }
  expect(EXAMPLES.filter((e) => e.withConfig)).toHaveLength(1);
});

test.each(EXAMPLES.map((e) => [e.command, e] as const))("%s prints what the guide shows", (_command, example) => {
  const args = example.command.split(/\s+/).slice(1);
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: example.withConfig ? configDir : dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const printed = `${run.stdout}\n${run.stderr}`.split("\n").map((l) => l.trimEnd());
  const missing = checkedLines(example.shown).filter((l) => !isPrinted(l, printed));
  expect(missing).toEqual([]);
});

test("the 一键核分 dialog the guide shows is what the add-in says for 示例改错.xlsx", async () => {
  const dialog = ALL.find((b) => b.lang === "" && !isCommand(b.lines[0]))!.lines;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(dir, "收到的自评表/示例改错.xlsx"));
  const run = await runCheck(new ExcelHost(FakeWorkbook.fromExcelJs(workbook).env()), { ...DEFAULT_OPTIONS, lang: "zh" });
  expect(summarize(run, "zh").lines).toEqual(dialog);
});
