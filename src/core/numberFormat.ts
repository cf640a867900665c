/**
 * What an Excel number format says about a numeric cell: shown as a percent
 * (0.985 with "0.0%" shows 98.5%), a literal unit ("0\"次\""), or a date.
 */
import { unitAt } from "./units";

export interface FormatInfo {
  /** "%" outside quotes: Excel shows the value × 100. */
  scalesToPercent: boolean;
  /** A literal "%" in quotes: shown with a percent sign, not scaled. */
  literalPercent: boolean;
  /** A unit written as a literal ("0\"次\"", "0个工作日"). */
  unit?: string;
  isDate: boolean;
}

export function readNumberFormat(format: string | null | undefined): FormatInfo {
  const info: FormatInfo = { scalesToPercent: false, literalPercent: false, isDate: false };
  if (!format || typeof format !== "string") return info;
  const section = format.split(";")[0] ?? "";
  const literals: string[] = [];
  const code = section
    .replace(/"([^"]*)"/g, (_, lit: string) => {
      literals.push(lit);
      return "";
    })
    .replace(/\\(.)/g, (_, ch: string) => {
      literals.push(ch);
      return "";
    })
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "");
  info.scalesToPercent = code.includes("%");
  const literal = literals.join("").trim();
  info.literalPercent = !info.scalesToPercent && literal.includes("%");
  // Unquoted CJK text in a format is a literal too (0个工作日).
  const bareCjk = code.match(/[\u4e00-\u9fff]+/g)?.join("") ?? "";
  const unitText = (literal + bareCjk).replace(/%/g, "").trim();
  const unit = unitText ? unitAt(unitText) : undefined;
  if (unit && unit === unitText) info.unit = unit;
  info.isDate = /[ymdhs]/i.test(code.replace(/General/gi, "").replace(/[\u4e00-\u9fff]/g, ""));
  return info;
}

/** An Excel serial date as yyyy-mm-dd (1900 date system). */
export function serialToDateText(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial * 86400000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
