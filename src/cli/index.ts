import fs from "node:fs";
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import type { CheckOptions } from "../core/types";
import { NATIONAL_PROFILE, PROFILES } from "../core/profile";
import { RuleResolver, withStoredRules, type ChosenRules } from "./ruleConfig";
import { applyPlan } from "../xlsx/write";
import { xlsxBytesOf } from "../xlsx/workbookExtras";
import { DEFAULT_MAX_UNCOMPRESSED_MB } from "../xlsx/zipGuard";
import { expandInputs } from "./files";
import { checkFile } from "./checkFile";
import { resultJson } from "./json";
import { configNoteJson } from "./fileJob";
import { renderReport, unwrittenLine, wroteLine } from "./report";
import { useColour } from "./text";
import { InputError } from "../xlsx/load";

type Lang = "zh" | "en";

export interface CheckCliOptions {
  sheet?: string;
  json?: boolean;
  out?: string;
  lang: Lang;
  profile?: string;
  config?: string;
  fixTotals?: boolean;
  writeGrade?: boolean;
  flags: boolean;
  summary?: string;
  jobs?: string;
  maxXmlMb?: string;
  report?: string;
}

/** A message for a person: Chinese, then English, on one line. */
export function bilingualLine(m: { zh: string; en: string }, lang: Lang): string {
  return lang === "en" ? `${m.en} / ${m.zh}` : `${m.zh} / ${m.en}`;
}

function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

async function runCheck(inputs: string[], o: CheckCliOptions): Promise<number> {
  const lang: Lang = o.lang;
  const err = (m: { zh: string; en: string }) => process.stderr.write(`scorecheck: ${bilingualLine(m, lang)}\n`);
  if (o.config !== undefined && o.profile !== undefined) {
    err({ zh: "--config 与 --profile 只能选一个（配置文件可用 extends 指定预设）", en: "--config and --profile exclude each other (a config names its preset with extends)" });
    return 2;
  }
  const resolver = new RuleResolver({ configFile: o.config, profile: o.profile });
  // A wrong --profile or --config is refused before any file is read.
  if (o.config !== undefined || o.profile !== undefined) {
    const rules = resolver.forFile(inputs[0]);
    if (!rules.ok) {
      err(rules.message);
      return 2;
    }
  }
  if (o.maxXmlMb !== undefined && !(Number(o.maxXmlMb) > 0)) {
    err({ zh: `--max-xml-mb 应为正数，而不是“${o.maxXmlMb}”`, en: `--max-xml-mb takes a positive number, not "${o.maxXmlMb}"` });
    return 2;
  }
  const options: CheckOptions = {
    sheet: o.sheet,
    lang,
    writeFlags: o.flags,
    fixTotals: Boolean(o.fixTotals),
    writeGrade: Boolean(o.writeGrade),
    // Without --out nothing is written: the plan's writes are not made up, only what a write-back would leave out.
    planWrites: Boolean(o.out),
  };

  const single = inputs.length === 1 && !/[*?]/.test(inputs[0]) && !isDirectory(inputs[0]) && !o.summary;
  if (!single) {
    if (o.out) {
      err({ zh: "--out 只能用于单个文件；批量检查请用 --summary", en: "--out takes a single file; use --summary for a batch" });
      return 2;
    }
    if (o.report !== undefined) {
      err({ zh: "--report 只能与单个工作簿一起使用", en: "--report goes with a single workbook" });
      return 2;
    }
    const { runBatch } = await import("./batch");
    return runBatch(inputs, o);
  }

  const file = inputs[0];
  if (o.report !== undefined) {
    const paragraphs = await reportParagraphs(o.report);
    if ("error" in paragraphs) {
      err(paragraphs.error);
      return 2;
    }
    options.report = paragraphs.lines;
  }
  if (o.out && NOT_WRITTEN.test(o.out)) {
    const suggested = path.join(path.dirname(file), `${path.basename(file).replace(/\.[^.]+$/, "")}-核查.xlsx`);
    err({
      zh: `标注副本总是写成 .xlsx 格式，不能写成“${path.extname(o.out)}”：请把 --out 改为 .xlsx 文件名，如 ${suggested}`,
      en: `The annotated copy is always written as .xlsx, not "${path.extname(o.out)}": give --out an .xlsx name, such as ${suggested}`,
    });
    return 2;
  }
  if (o.out && samePath(o.out, file)) {
    err({ zh: "--out 不能指向输入文件本身：请另存为新文件", en: "--out must not be the input file itself: write a new file" });
    return 2;
  }
  const rules = resolver.forFile(file);
  if (!rules.ok) {
    err(rules.message);
    return 2;
  }
  options.profile = rules.profile;
  const outcome = await checkFile(
    file,
    options,
    {
      maxUncompressedMB: o.maxXmlMb === undefined ? undefined : Number(o.maxXmlMb),
      keepWorkbook: Boolean(o.out),
    },
    (stored) => withStoredRules(rules, stored),
  );
  if (!outcome.ok) {
    err(outcome.message);
    return 2;
  }
  const { result } = outcome;
  const used = outcome.rules!; // chooseRules was given
  if (o.json) {
    const note = used.note ? configNoteJson(used.note, lang) : {};
    process.stdout.write(JSON.stringify({ ...resultJson(file, result, lang), config: used.source, ...note }) + "\n");
  } else {
    process.stdout.write(renderReport(file, result, { lang, colour: useColour(process.stdout), width: process.stdout.columns }));
    if (used.source !== NATIONAL_PROFILE.name || used.note) process.stdout.write(rulesLine(used, lang) + "\n");
  }
  if (o.out) {
    try {
      const workbook = outcome.loaded!.workbook; // kept because o.out is set
      applyPlan(workbook, result.plan);
      const tmp = `${o.out}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, await xlsxBytesOf(workbook));
      fs.renameSync(tmp, o.out);
    } catch (e) {
      err({
        zh: `无法写出标注文件 ${o.out}：${(e as Error).message}`,
        en: `Cannot write the annotated copy ${o.out}: ${(e as Error).message}`,
      });
      return 2;
    }
    if (!o.json) {
      process.stdout.write(wroteLine(o.out, lang) + "\n");
      for (const u of result.plan.unwritten ?? []) process.stdout.write(unwrittenLine(u, lang) + "\n");
    }
  }
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** The report file's paragraphs, or why it cannot be read. */
async function reportParagraphs(file: string): Promise<{ lines: string[] } | { error: { zh: string; en: string } }> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return { error: { zh: `找不到或无法打开报告文件：${file}`, en: `Cannot open the report file: ${file}` } };
  }
  try {
    const { readReportFile } = await import("../xlsx/reportFile");
    return { lines: await readReportFile(file, bytes) };
  } catch (e) {
    if (e instanceof InputError) return { error: e.bilingual };
    throw e;
  }
}
/** Which rules checked the file, when not the default, and why the workbook's own were set aside. */
function rulesLine(used: ChosenRules, lang: Lang): string {
  const head = lang === "en" ? `Rules: ${used.source}` : `规则配置：${used.source}`;
  return used.note ? `${head}\n${bilingualLine(used.note, lang)}` : head;
}

/** Names of formats we read but never write: an annotated copy is an .xlsx, whatever the input was. */
const NOT_WRITTEN = /\.(xls|et|ods|csv)$/i;

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function buildProgram(setCode: (code: number) => void): Command {
  const program = new Command();
  program
    .name("scorecheck")
    .description("绩效自评核分：检查绩效自评表（指标表）的权重、得分、总分与等级 / checks performance self-evaluation indicator tables")
    .exitOverride()
    .showHelpAfterError(false);

  program
    .command("check")
    .description("检查一个或多个 .xlsx / .xls / .et / .ods 文件（或文件夹） / check workbooks or folders")
    .argument("<inputs...>", "FILE | DIR | glob")
    .option("--sheet <name>", "使用指定工作表 / use this sheet")
    .option("--json", "输出一行 JSON / print one line of JSON")
    .option("--out <file>", "写出标注后的副本（.xlsx，如 X-核查.xlsx） / write an annotated copy (.xlsx, e.g. X-核查.xlsx)")
    .addOption(new Option("--lang <lang>", "报告语言 / report language").choices(["zh", "en"]).default("zh"))
    .option("--profile <name>", `评分规则预设（默认 national，或就近的 scorecheck.config.json） / scoring preset (${PROFILES.map((p) => p.name).join(", ")}; default: the nearest scorecheck.config.json, else national)`)
    .option("--config <file>", "规则配置文件（代替就近查找的 scorecheck.config.json） / rule config file (instead of the nearest scorecheck.config.json)")
    .option("--fix-totals", "总分行写入 SUM 公式 / set the total row to SUM formulas")
    .option("--write-grade", "写入重新计算的等级 / write the recomputed grade")
    .option("--no-flags", "不写核查结果列和标色 / do not write the result column and fills")
    .option("--report <file>", "与工作簿一同核对的自评报告（.docx 或 .txt） / a report file (.docx or .txt) whose narrative is checked with the workbook")
    .option("--summary <file>", "批量检查时写出汇总工作簿 / write a summary workbook for a batch")
    .option("--jobs <n>", "并行数 / worker threads for a batch")
    .option("--max-xml-mb <n>", `解压后大小上限（MB，默认 ${DEFAULT_MAX_UNCOMPRESSED_MB}） / refuse workbooks that expand beyond this (MB, default ${DEFAULT_MAX_UNCOMPRESSED_MB})`)
    .action(async (inputs: string[], opts: CheckCliOptions) => {
      const { files, missing } = expandInputs(inputs);
      if (files.length === 0) {
        const m = missing.length ? missing.join(", ") : inputs.join(", ");
        // Inputs that exist but hold no .xlsx (an empty folder) are not "missing".
        const line = missing.length
          ? { zh: `找不到文件：${m}`, en: `No such file: ${m}` }
          : { zh: `没有找到工作簿文件（.xlsx / .xls / .et / .ods）：${m}`, en: `No workbook file (.xlsx / .xls / .et / .ods) in: ${m}` };
        process.stderr.write(`scorecheck: ${bilingualLine(line, opts.lang)}\n`);
        setCode(2);
        return;
      }
      setCode(await runCheck(inputs, opts));
    });

  program
    .command("template")
    .description("写出官方格式的空白指标表模板 / write the official template")
    .argument("<file>", "output .xlsx")
    .addOption(new Option("--kind <kind>", "部门整体支出 department | 项目支出 project").choices(["department", "project"]).default("department"))
    .addOption(new Option("--lang <lang>").choices(["zh", "en"]).default("zh"))
    .action(async (file: string, opts: { kind: "department" | "project"; lang: Lang }) => {
      const { runTemplate } = await import("./template");
      setCode(await runTemplate(file, opts.kind, opts.lang));
    });
  return program;
}

/** Runs the CLI; resolves to the exit status. Never throws for bad input. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2;
    }
    throw e;
  }
  return code;
}
