import type { Lang, Strings } from "./strings";
import { zh } from "./zh";
import { en } from "./en";

export type { Lang, Strings };

export function stringsFor(lang: Lang): Strings {
  return lang === "en" ? en : zh;
}

/** Chinese unless Office's display language is English ("en-US", "en-GB" …). */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "zh";
}
