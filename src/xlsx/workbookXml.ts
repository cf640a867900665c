/**
 * What an .xlsx's xl/workbook.xml holds that exceljs 4.4 neither reads nor writes, and that
 * must survive a check: the user's workbook protection (`<workbookProtection lockStructure=…>`,
 * which exceljs would silently drop from every copy it writes) and the hidden defined names
 * that hold the rules of a protected workbook (src/core/config/storedNames.ts; exceljs keeps
 * only names that point at ranges). Read from the package as it came, written back into the
 * package exceljs produces.
 */
import { isRulesName, type DefinedNameText } from "../core/config/storedNames";
import { attributesOf, decodeXmlText } from "./xmlScanner";

export interface WorkbookXmlExtras {
  /** The `<workbookProtection …/>` element as the file had it, verbatim; undefined when the workbook is not protected. */
  protection?: string;
  /** True when that protection locks the structure (no sheet may be added, removed, renamed, hidden or shown). */
  structureLocked: boolean;
  /** Workbook-level defined names, with their formula text (no leading "="). */
  names: (DefinedNameText & { hidden?: boolean })[];
}

const PROTECTION = /<(?:\w+:)?workbookProtection\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?workbookProtection>)/;
const DEFINED_NAME = /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g;

function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

export function readWorkbookXml(xml: string): WorkbookXmlExtras {
  const protection = PROTECTION.exec(xml)?.[0];
  const names: DefinedNameText[] = [];
  for (const m of xml.matchAll(DEFINED_NAME)) {
    const attrs = attributesOf(` ${m[1]}`);
    if (attrs.name === undefined || attrs.localSheetId !== undefined) continue;
    names.push({ name: attrs.name, formula: decodeXmlText(m[2] ?? ""), ...(isTrue(attrs.hidden) ? { hidden: true } : {}) });
  }
  const structureLocked = protection !== undefined && isTrue(attributesOf(protection.replace(/^<[^\s/>]+/, " ").replace(/\/?>[\s\S]*$/, "")).lockStructure);
  return protection === undefined ? { structureLocked, names } : { protection, structureLocked, names };
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The workbook.xml exceljs wrote, given back the protection and with `ruleNames` as the rules'
 * hidden names (any rules names already there are replaced). Order as the schema wants it:
 * workbookProtection before bookViews / sheets, definedNames right after sheets.
 */
export function patchWorkbookXml(
  xml: string,
  extras: {
    protection?: string;
    ruleNames: readonly DefinedNameText[];
    /** The file's own workbook-level names: those exceljs dropped (constants, formulas) are put back. */
    keptNames?: readonly (DefinedNameText & { hidden?: boolean })[];
  },
): string {
  const written = new Set<string>();
  let out = xml.replace(DEFINED_NAME, (whole, attrs: string) => {
    const name = attributesOf(` ${attrs}`).name ?? "";
    if (isRulesName(name)) return "";
    written.add(name.toLowerCase());
    return whole;
  });
  const dropped = (extras.keptNames ?? []).filter((n) => !isRulesName(n.name) && !written.has(n.name.toLowerCase()));
  if (extras.protection && !PROTECTION.test(out)) {
    const at = /<(?:\w+:)?(?:bookViews|sheets)\b/.exec(out);
    if (at) out = out.slice(0, at.index) + extras.protection + out.slice(at.index);
  }
  if (extras.ruleNames.length > 0 || dropped.length > 0) {
    const element = (n: DefinedNameText, hidden: boolean | undefined) =>
      `<definedName name="${escapeText(n.name).replace(/"/g, "&quot;")}"${hidden ? ' hidden="1"' : ""}>${escapeText(n.formula.replace(/^=/, ""))}</definedName>`;
    const elements = [...dropped.map((n) => element(n, n.hidden === true)), ...extras.ruleNames.map((n) => element(n, true))].join("");
    const close = /<\/(?:\w+:)?definedNames>/.exec(out);
    if (close) out = out.slice(0, close.index) + elements + out.slice(close.index);
    else {
      const sheetsEnd = /<\/(?:\w+:)?sheets>/.exec(out);
      if (!sheetsEnd) throw new Error("workbook.xml has no sheets");
      const at = sheetsEnd.index + sheetsEnd[0].length;
      out = `${out.slice(0, at)}<definedNames>${elements}</definedNames>${out.slice(at)}`;
    }
  }
  // An emptied definedNames element is not valid: at least one name is required.
  return out.replace(/<((?:\w+:)?definedNames)>\s*<\/\1>/, "");
}
