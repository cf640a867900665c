/**
 * docs/使用说明.md quotes the interfaces: a label in 「」 must be one the product shows, and a
 * `scorecheck …` command line must use only the CLI's commands and options. A renamed button
 * or option fails here, so the guide is changed with it.
 */
import fs from "node:fs";
import path from "node:path";
import { buildProgram } from "../../src/cli/index";
import { uiLabelMatcher } from "./uiLabels";

const ROOT = path.join(__dirname, "../..");
const GUIDE = fs.readFileSync(path.join(ROOT, "docs/使用说明.md"), "utf8");

/** The guide's prose: fenced blocks (the CLI's own output quotes 「工作表」 its way) left out. */
function prose(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "");
}

function quotedLabels(markdown: string): string[] {
  return [...prose(markdown).matchAll(/「([^」\n]+)」/g)].map((m) => m[1]);
}

/** Lines of fenced blocks and inline code spans that run scorecheck (not its output, which starts "scorecheck 绩效…" or "scorecheck:"). */
function commandLines(markdown: string): string[] {
  const lines: string[] = [];
  for (const block of markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```$/gm)) lines.push(...block[1].split("\n"));
  for (const span of prose(markdown).matchAll(/`([^`\n]+)`/g)) lines.push(span[1]);
  return lines.map((l) => l.trim().replace(/^\$\s+/, "")).filter((l) => /^(?:npx\s+)?scorecheck\s+[a-z]/.test(l));
}

/** Inline code spans that name an option alone (`--sheet 工作表名`). */
function inlineOptions(markdown: string): string[] {
  return [...prose(markdown).matchAll(/`(--[a-z][\w-]*)[^`]*`/g)].map((m) => m[1]);
}

const program = buildProgram(() => undefined);
const optionsOf = new Map(program.commands.map((c) => [c.name(), new Set(["--help", ...c.options.map((o) => o.long!)])]));
const everyOption = new Set([...optionsOf.values()].flatMap((s) => [...s]));

/** What is wrong with a command line: an unknown command or option; [] when it is right. */
function problemsOf(line: string): string[] {
  const words = line.replace(/^npx\s+/, "").split(/\s+/);
  const options = optionsOf.get(words[1]);
  if (!options) return [`unknown command "${words[1]}" in: ${line}`];
  return words
    .slice(2)
    .filter((w) => w.startsWith("--"))
    .map((w) => w.replace(/=.*$/, ""))
    .filter((o) => !options.has(o))
    .map((o) => `scorecheck ${words[1]} has no option ${o}: ${line}`);
}

describe("docs/使用说明.md", () => {
  const isUiLabel = uiLabelMatcher();

  test("the matcher knows the labels and refuses what the product does not say", () => {
    expect(isUiLabel("检查评分")).toBe(true);
    expect(isUiLabel("已清除标记，恢复了 N 个单元格。")).toBe(true);
    expect(isUiLabel("核分完成")).toBe(true);
    expect(isUiLabel("核分")).toBe(true);
    expect(isUiLabel("一键检查")).toBe(false);
    expect(isUiLabel("已清除标记")).toBe(false);
    expect(problemsOf("scorecheck check a.xlsx --fix-total")).toHaveLength(1);
    expect(problemsOf("scorecheck check a.xlsx --kind project")).toHaveLength(1);
    expect(problemsOf("scorecheck verify a.xlsx")).toHaveLength(1);
    expect(problemsOf("npx scorecheck template t.xlsx --kind project")).toEqual([]);
  });

  test("every label it quotes in 「」 is one the interfaces show", () => {
    const labels = quotedLabels(GUIDE);
    expect(labels.length).toBeGreaterThan(40);
    expect(labels.filter((l) => !isUiLabel(l))).toEqual([]);
  });

  test("every scorecheck command line uses only the CLI's commands and options", () => {
    const lines = commandLines(GUIDE);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.flatMap(problemsOf)).toEqual([]);
    expect(inlineOptions(GUIDE).filter((o) => !everyOption.has(o))).toEqual([]);
  });

  test("README links it at the top", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme.split("\n").slice(0, 5).join("\n")).toContain("(docs/使用说明.md)");
  });
});
