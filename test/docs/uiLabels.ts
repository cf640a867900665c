/**
 * Every text the user interfaces show in Chinese, as patterns a quoted label must match:
 * the pane's and the page's i18n modules, the scoring presets' names, the ribbon XML of
 * WPS and the Excel manifest, and the literals of the ribbon commands' summary. A
 * message with a value in it (已清除标记，恢复了 {n} 个单元格。) matches a quote that writes
 * the value as a number, as N / M, or as …; a name in it matches any text.
 */
import fs from "node:fs";
import path from "node:path";
import { zh } from "../../src/taskpane/i18n/zh";
import { webStringsFor } from "../../src/web/i18n";
import { PROFILES } from "../../src/core/profile";
import { RESULT_HEADER } from "../../src/core/plan";
import { RULES_NOT_STORED } from "../../src/core/config/stored";
import { OUTCOME_LABELS, SUMMARY_HEADERS } from "../../src/xlsx/summary";

const ROOT = path.join(__dirname, "../..");

/** Stands for a name passed to a message function; any text matches it. */
const NAME = "\u27eaNAME\u27eb";
/** Stands for a number passed to a message function. */
const NUMBER = 987654;

/** Calls a message function with names, numbers, or lists of either; keeps every text it gives. */
function textsOf(fn: (...args: unknown[]) => unknown): string[] {
  const arity = Math.max(fn.length, 1);
  const shapes: unknown[] = [NAME, NUMBER, [NAME], [NUMBER]];
  const out: string[] = [];
  for (const shape of shapes) {
    try {
      const text = fn(...Array.from({ length: arity }, () => shape));
      if (typeof text === "string" && text !== "") out.push(text);
    } catch {
      // This shape of argument is not what the function takes.
    }
  }
  return out;
}

/** Every string in a value: strings, arrays, objects and the texts of functions. */
function collect(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(value);
  else if (typeof value === "function") into.push(...textsOf(value as (...args: unknown[]) => unknown));
  else if (Array.isArray(value)) for (const v of value) collect(v, into);
  else if (value && typeof value === "object") for (const v of Object.values(value)) collect(v, into);
}

const CJK = /[\u3400-\u9fff]/;

/** Chinese string and template literals of a source file; `${…}` stands for any text. */
function literalsOf(file: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  const out: string[] = [];
  for (const m of source.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) if (CJK.test(m[1])) out.push(m[1]);
  for (const m of source.matchAll(/`((?:[^`\\]|\\.)*)`/g)) if (CJK.test(m[1])) out.push(m[1].replace(/\$\{[^}]*\}/g, NAME));
  return out;
}

/** Labels of a ribbon or manifest XML (label, screentip, DefaultValue attributes). */
function xmlLabelsOf(file: string): string[] {
  const xml = fs.readFileSync(path.join(ROOT, file), "utf8");
  return [...xml.matchAll(/\b(?:label|screentip|DefaultValue)="([^"]*)"/g)].map((m) => m[1]).filter((s) => CJK.test(s));
}

/** Every Chinese text of the interfaces (raw, with the stand-ins for values). */
export function uiTexts(): string[] {
  const texts: string[] = [];
  collect(zh, texts);
  collect(webStringsFor("zh"), texts);
  collect(PROFILES.map((p) => p.label.zh), texts);
  collect([RESULT_HEADER, RULES_NOT_STORED.zh, SUMMARY_HEADERS.zh, OUTCOME_LABELS.zh], texts);
  texts.push(...xmlLabelsOf("src/wpsaddin/ribbon.xml"), ...xmlLabelsOf("manifest.xml"));
  texts.push(...literalsOf("src/commands/summary.ts"), ...literalsOf("src/wpsaddin/ribbon.ts"));
  return [...new Set(texts)];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A text as a pattern: a name stand-in matches any text, a number matches a number, N, M or …. */
function patternOf(text: string): RegExp {
  const body = escape(text)
    .split(escape(NAME))
    .map((part) => part.replace(/\d+(?:\\\.\d+)?/g, "(?:\\d+(?:\\.\\d+)?|N|M|…)"))
    .join(".+?");
  return new RegExp(`^${body}$`, "u");
}

export function uiLabelMatcher(): (label: string) => boolean {
  const patterns = uiTexts().map(patternOf);
  return (label) => patterns.some((p) => p.test(label));
}
