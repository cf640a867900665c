/**
 * The second place a workbook keeps its rules, for a workbook whose structure is protected
 * (审阅 → 保护工作簿): no sheet can be added there, but defined names can. The config's JSON
 * text goes into hidden workbook-level names RULES_NAME_PREFIX + 1, 2, … each holding one
 * string constant (`="…"`). A string constant in a formula holds at most 255 characters, so
 * longer rules are split over several names and joined back in the order of their numbers.
 * Every host writes and reads the same names (Office.js names.add, ET Names.Add, the
 * workbook.xml definedNames of an .xlsx, SheetJS's Workbook.Names of an .xls / .ods).
 */

/** Names RULES_NAME_PREFIX1, RULES_NAME_PREFIX2, …; the leading underscore keeps them clear of cell references. */
export const RULES_NAME_PREFIX = "_scorecheck_rules_";
/** The most characters of one string constant in a formula (Excel's limit, WPS's too). */
export const FORMULA_TEXT_LIMIT = 255;

const RULES_NAME = /^_scorecheck_rules_(\d{1,4})$/i;

/** One defined name as a host reads or writes it: its formula with or without the leading "=". */
export interface DefinedNameText {
  name: string;
  formula: string;
}

export function isRulesName(name: string): boolean {
  return RULES_NAME.test(name);
}

/** The string constant a name's formula holds (`="a""b"` → `a"b`), or undefined when it holds anything else. */
export function stringConstantOf(formula: string): string | undefined {
  const m = /^=?"((?:[^"]|"")*)"$/s.exec(formula.trim());
  return m ? m[1].replace(/""/g, '"') : undefined;
}

/** The formula that holds `text` as a string constant. */
export function stringConstantFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

/**
 * The names that hold `text`: each constant at most FORMULA_TEXT_LIMIT characters, counted as
 * written (a quote doubled). Valid JSON is stored without its layout (no line breaks in a name).
 */
export function rulesNamesOf(text: string): DefinedNameText[] {
  let compact = text;
  try {
    compact = JSON.stringify(JSON.parse(text));
  } catch {
    // Not JSON: stored as given; reading it back says what is wrong.
  }
  const chunks: string[] = [];
  let chunk = "";
  let width = 0;
  for (const ch of compact) {
    const w = ch === '"' ? 2 : ch.length;
    if (width + w > FORMULA_TEXT_LIMIT) {
      chunks.push(chunk);
      chunk = "";
      width = 0;
    }
    chunk += ch;
    width += w;
  }
  if (chunk !== "" || chunks.length === 0) chunks.push(chunk);
  return chunks.map((c, i) => ({ name: `${RULES_NAME_PREFIX}${i + 1}`, formula: stringConstantFormula(c) }));
}

/**
 * The rules text the names hold, joined in the order of their numbers; undefined when there are
 * none. A name that holds no string constant makes the text unreadable on purpose: the check then
 * stops on the stored rules' problem instead of checking under half of them.
 */
export function rulesTextOfNames(names: readonly DefinedNameText[]): string | undefined {
  const parts = names
    .map((n) => ({ n, m: RULES_NAME.exec(n.name) }))
    .filter((x): x is { n: DefinedNameText; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map(({ n }) => stringConstantOf(n.formula) ?? `\u0000${n.name}`);
  if (parts.length === 0) return undefined;
  const text = parts.join("");
  return text.trim() === "" ? undefined : text;
}
