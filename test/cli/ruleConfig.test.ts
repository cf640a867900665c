/**
 * Finding the rules on disk: the nearest scorecheck.config.json from the file's
 * folder up (as ESLint), --config and --profile over it; an invalid config refused
 * with its paths (exit 2); a batch naming the config each file was checked with.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { RuleResolver, findConfigFile } from "../../src/cli/ruleConfig";
import { buildTable, validRows } from "../builders/table";
import { BIN } from "./run";

let root: string;
const at = (...p: string[]) => path.join(root, ...p);
const writeJson = (file: string, value: unknown) => fs.writeFileSync(file, JSON.stringify(value));
const STRICT = { name: "严格", grades: [{ name: "优", min: 95 }, { name: "良", min: 85 }, { name: "中", min: 60 }, { name: "差" }] };
const NAMED = { extends: "ratio", grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }, { name: "不合格" }] };

/** 区/ holds a config, 区/乙/ a nearer one, 区/甲/ none of its own; 外/ none at all. */
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "scorecheck-config-"));
  for (const d of ["区/甲/深", "区/乙", "外"]) fs.mkdirSync(at(d), { recursive: true });
  writeJson(at("区", "scorecheck.config.json"), STRICT);
  writeJson(at("区", "乙", "scorecheck.config.json"), NAMED);
  writeJson(at("坏.json"), { grades: [{ name: "优", min: 80 }, { name: "良", min: 90 }, { name: "差" }], rules: { NOPE: "off" } });
  // A total of 92 with 优 stated: 优 nationally, 良 where 优 starts at 95.
  const rows = validRows(10).map((r, i) => (i === 0 ? { ...r, score: 2 } : r));
  const form = (): ExcelJS.Workbook => buildTable({ rows, total: "number", grade: "优" }).workbook;
  for (const f of ["区/甲/深/表.xlsx", "区/乙/表.xlsx", "外/表.xlsx"]) await form().xlsx.writeFile(at(f));
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("lookup order", () => {
  test("the nearest config from the file's folder up; a folder without one takes its parent's", () => {
    expect(findConfigFile(at("区", "乙"))).toBe(at("区", "乙", "scorecheck.config.json"));
    expect(findConfigFile(at("区", "甲", "深"))).toBe(at("区", "scorecheck.config.json"));
    // Up to the root: nothing in the temp folder's ancestors on a clean machine.
    expect(findConfigFile(at("外"))).toBeUndefined();
  });

  test("file → nearest config; --config over the lookup; --profile over the lookup; national when none", () => {
    const lookup = new RuleResolver({});
    const names = (r: ReturnType<RuleResolver["forFile"]>) => (r.ok ? r.profile.name : r.code);
    expect(names(lookup.forFile(at("区", "甲", "深", "表.xlsx")))).toBe("严格");
    expect(names(lookup.forFile(at("区", "乙", "表.xlsx")))).toMatch(/乙.scorecheck\.config\.json$/);
    expect(names(lookup.forFile(at("外", "表.xlsx")))).toBe("national");
    expect(names(new RuleResolver({ configFile: at("区", "乙", "scorecheck.config.json") }).forFile(at("区", "甲", "深", "表.xlsx")))).toMatch(/乙/);
    expect(names(new RuleResolver({ profile: "ratio" }).forFile(at("区", "甲", "深", "表.xlsx")))).toBe("ratio");
    expect(names(new RuleResolver({ profile: "nope" }).forFile(at("外", "表.xlsx")))).toBe("UNKNOWN_PROFILE");
  });
});

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, "check", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const json = (stdout: string) => stdout.trim().split("\n").map((l) => JSON.parse(l));

test("one file: the config above it turns 优 into 良, and the JSON names the config", () => {
  const inside = json(run(["区/甲/深/表.xlsx", "--json"]).stdout)[0];
  expect(inside).toMatchObject({ config: path.join("区", "scorecheck.config.json"), totals: { grade: "良", statedGrade: "优" } });
  expect(inside.findings.map((f: { code: string }) => f.code)).toContain("GRADE_MISMATCH");
  const outside = json(run(["外/表.xlsx", "--json"]).stdout)[0];
  expect(outside).toMatchObject({ config: "national", totals: { grade: "优" } });
  expect(json(run(["区/甲/深/表.xlsx", "--json", "--profile", "national"]).stdout)[0].totals.grade).toBe("优");
});

test("an invalid --config is refused before any file is read: every problem with its path, both languages, exit 2", () => {
  const r = run(["外/表.xlsx", "--config", "坏.json"]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^scorecheck: 规则配置 坏\.json 有误：grades\[1\]\.min：等级分数线应从高到低.*；rules\.NOPE：未知的检查代码.* \/ The rule config 坏\.json is invalid: grades\[1\]\.min: grade thresholds must descend.*; rules\.NOPE: unknown finding code.*\n$/);
  expect(run(["外/表.xlsx", "--config", "无.json"]).stderr).toMatch(/找不到或无法打开规则配置/);
  expect(run(["外/表.xlsx", "--config", "坏.json", "--profile", "ratio"]).status).toBe(2);
});

test("a batch names the config each file was checked with (JSON, terminal, summary workbook)", async () => {
  const lines = json(run([".", "--json"]).stdout);
  // Path order in Chinese collation: 区 (qū) before 外 (wài), 甲 before 乙.
  expect(lines.map((l) => [l.file, l.config, l.totals.grade])).toEqual([
    [path.join("区", "甲", "深", "表.xlsx"), path.join("区", "scorecheck.config.json"), "良"],
    [path.join("区", "乙", "表.xlsx"), path.join("区", "乙", "scorecheck.config.json"), "优秀"],
    [path.join("外", "表.xlsx"), "national", "优"],
  ]);
  const table = run(["."]);
  expect(table.stdout).toMatch(/规则配置：区\/scorecheck\.config\.json（1 个文件）；区\/乙\/scorecheck\.config\.json（1 个文件）；national（1 个文件）\n$/);
  run([".", "--summary", "汇总.xlsx"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(at("汇总.xlsx"));
  const ws = wb.getWorksheet("汇总")!;
  expect(ws.getRow(1).getCell(13).value).toBe("规则配置");
  expect([2, 3, 4].map((r) => ws.getRow(r).getCell(13).value)).toEqual(lines.map((l) => l.config));
});
