/**
 * Which scoring rules check this workbook: a preset, or a scorecheck.config.json loaded
 * from a file. The choice is stored in the workbook through the host, so that everyone
 * who checks it uses the same rules; 清除标记 leaves it.
 */
import { useRef } from "react";
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUp20Regular } from "@fluentui/react-icons";
import { PROFILES } from "../../core/profile";
import { parseRuleConfig, describeProblems } from "../../core/config/parse";
import { presetRulesText, profileOfStoredRules } from "../../core/config/stored";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

const CUSTOM = "__custom";

/** A file's text through FileReader (every browser the pane runs in, and jsdom). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

export interface RulesPickerProps {
  /** The stored rules (JSON text), or undefined for the default preset. */
  rules: string | undefined;
  onChoose(text: string | undefined): void;
  onError(text: string): void;
  t: Strings;
  lang: "zh" | "en";
  disabled?: boolean;
}

/** The preset a stored text names alone, else CUSTOM (a config with overrides). */
function selected(rules: string | undefined): string {
  if (rules === undefined) return PROFILES[0].name;
  const parsed = profileOfStoredRules(rules);
  return parsed.ok && PROFILES.some((p) => p === parsed.profile) ? parsed.profile.name : CUSTOM;
}

export function RulesPicker({ rules, onChoose, onError, t, lang, disabled }: RulesPickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const value = selected(rules);
  const custom = value === CUSTOM && rules !== undefined ? profileOfStoredRules(rules) : undefined;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await readText(file);
    const parsed = parseRuleConfig(text, file.name);
    if (!parsed.ok) {
      const m = describeProblems(file.name, parsed.problems);
      onError(lang === "en" ? m.en : m.zh);
      return;
    }
    onChoose(text);
  };

  return (
    <div className={styles.row}>
      <Field label={t.rulesLabel}>
        <Select
          value={value}
          disabled={disabled}
          data-testid="rules-select"
          onChange={(_, data) => data.value !== CUSTOM && onChoose(data.value === PROFILES[0].name ? undefined : presetRulesText(data.value))}
        >
          {PROFILES.map((p) => (
            <option key={p.name} value={p.name}>
              {p.label[lang]}
            </option>
          ))}
          {custom?.ok && <option value={CUSTOM}>{custom.profile.label[lang]}</option>}
        </Select>
      </Field>
      <Button icon={<DocumentArrowUp20Regular />} disabled={disabled} onClick={() => input.current?.click()}>
        {t.rulesLoadFile}
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".json,application/json"
        data-testid="rules-file"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
    </div>
  );
}
