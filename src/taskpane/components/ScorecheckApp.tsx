/**
 * The task pane, host-agnostic: it talks to a Host (Office.js in the add-in, exceljs
 * in the browser page, a fake in tests), never to a host API directly.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ClipboardTaskListLtr20Regular, Eraser20Regular, LocalLanguage20Regular, TableAdd20Regular } from "@fluentui/react-icons";
import type { Host, TemplateKind } from "../../host";
import type { UnwrittenMark } from "../../core/types";
import { cellAddress } from "../../core/address";
import { type Lang, type Strings, stringsFor } from "../i18n";
import { type PaneOptions, loadOptions, saveOptions } from "../options";
import { type CheckRun, runCheck } from "../runCheck";
import { Summary } from "./Summary";
import { FindingList } from "./FindingList";
import { NarrativeSection } from "./NarrativeSection";
import { NoTable } from "./NoTable";
import { OptionsPanel } from "./OptionsPanel";
import { RulesPicker } from "./RulesPicker";
import { NATIONAL_PROFILE } from "../../core/profile";
import { profileOfStoredRules, RULES_NOT_STORED, RulesNotStoredError } from "../../core/config/stored";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    "& h1": { fontSize: tokens.fontSizeBase500, margin: 0 },
    "& h2": { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS}` },
  },
  header: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Busy = "check" | "clear" | "template" | "rules" | null;

/** What the status line says; kept as a key so that it follows a language switch. */
type Notice =
  | { kind: "written"; unwritten: UnwrittenMark[] }
  | { kind: "notWritten" | "readOnly" | "nothingToClear" }
  | { kind: "cleared"; cells: number }
  | { kind: "templateInserted"; name: string }
  | { kind: "rulesStored"; name: string }
  | { kind: "rulesNotStored" }
  | { kind: "error"; text: string }
  | null;

function noticeView(n: Exclude<Notice, null>, t: Strings, lang: Lang): { intent: "success" | "info" | "warning" | "error"; title?: string; text: string } {
  switch (n.kind) {
    case "written":
      // A mark the plan left out (a grade with no free cell beside its label) is said, with why.
      if (n.unwritten.length > 0) return { intent: "warning", text: [t.written, ...n.unwritten.map((u) => `${cellAddress(u.row, u.col)}: ${u.reason[lang]}`)].join(" ") };
      return { intent: "success", text: t.written };
    case "notWritten":
      return { intent: "info", text: t.notWritten };
    case "readOnly":
      return { intent: "warning", text: t.readOnly };
    case "nothingToClear":
      return { intent: "info", text: t.nothingToClear };
    case "cleared":
      return { intent: "info", text: t.cleared(n.cells) };
    case "templateInserted":
      return { intent: "success", text: t.templateInserted(n.name) };
    case "rulesStored":
      return { intent: "success", text: t.rulesStored(n.name) };
    case "rulesNotStored":
      return { intent: "warning", text: RULES_NOT_STORED[lang] };
    case "error":
      return { intent: "error", title: t.errorTitle, text: n.text };
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface ScorecheckAppProps {
  host: Host;
  /** Initial language; the pane has its own switch. */
  lang?: Lang;
  onLangChange?(lang: Lang): void;
  /** Where options are remembered (localStorage in the add-in). */
  storage?: Pick<Storage, "getItem" | "setItem">;
}

export function ScorecheckApp({ host, lang: initialLang = "zh", onLangChange, storage }: ScorecheckAppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => setLang(initialLang), [initialLang]);
  const t = stringsFor(lang);
  const [options, setOptions] = useState<PaneOptions>(() => loadOptions(storage));
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [run, setRun] = useState<CheckRun | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const shown = notice ? noticeView(notice, t, lang) : null;
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  // The rules the workbook carries; undefined: the national preset.
  const [rules, setRules] = useState<string | undefined>(undefined);
  useEffect(() => {
    host.loadRuleConfig?.().then(
      (text) => alive.current && setRules(text),
      (e: unknown) => alive.current && setNotice({ kind: "error", text: errorText(e) }),
    );
  }, [host]);

  const onChooseRules = (text: string | undefined) =>
    guarded("rules", async () => {
      try {
        await host.storeRuleConfig?.(text);
      } catch (e) {
        // A protected workbook this host cannot store in: the chosen rules still check, and the user is told.
        if (!(e instanceof RulesNotStoredError)) throw e;
        if (!alive.current) return;
        setRules(text);
        setNotice({ kind: "rulesNotStored" });
        return;
      }
      if (!alive.current) return;
      setRules(text);
      const parsed = text === undefined ? undefined : profileOfStoredRules(text);
      const label = parsed?.ok ? parsed.profile.label[lang] : NATIONAL_PROFILE.label[lang];
      setNotice({ kind: "rulesStored", name: label });
    });

  const changeOptions = (o: PaneOptions) => {
    setOptions(o);
    saveOptions(storage, o);
  };

  const switchLang = () => {
    const next: Lang = lang === "zh" ? "en" : "zh";
    setLang(next);
    onLangChange?.(next);
  };

  const guarded = useCallback(
    async (kind: Exclude<Busy, null>, work: () => Promise<void>) => {
      setBusy(kind);
      setNotice(null);
      try {
        await work();
      } catch (e) {
        if (alive.current) setNotice({ kind: "error", text: errorText(e) });
      } finally {
        if (alive.current) {
          setBusy(null);
          setProgress(undefined);
        }
      }
    },
    [],
  );

  const onCheck = () =>
    guarded("check", async () => {
      setProgress(0);
      const out = await runCheck(host, { ...options, lang }, (f) => alive.current && setProgress(f));
      if (!alive.current) return;
      setRun(out);
      if (out.kind === "result") {
        setNotice(!out.canWrite ? { kind: "readOnly" } : out.written ? { kind: "written", unwritten: out.result.plan.unwritten ?? [] } : { kind: "notWritten" });
      }
    });

  const onClear = () =>
    guarded("clear", async () => {
      const restored = await host.clearFlags();
      if (alive.current) setNotice(restored > 0 ? { kind: "cleared", cells: restored } : { kind: "nothingToClear" });
    });

  const onTemplate = (kind: TemplateKind) =>
    guarded("template", async () => {
      const name = await host.insertTemplate(kind);
      if (alive.current) setNotice({ kind: "templateInserted", name });
    });

  const onSelect = (sheet: string, address: string) => {
    host.selectCell(sheet, address).catch((e: unknown) => setNotice({ kind: "error", text: errorText(e) }));
  };

  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"} aria-busy={busy !== null}>
      <header className={styles.header}>
        <div>
          <h1>{t.appTitle}</h1>
          <p className={styles.subtitle}>{t.appSubtitle}</p>
        </div>
        <Button appearance="subtle" size="small" icon={<LocalLanguage20Regular />} onClick={switchLang} aria-label={t.switchLanguageLabel} data-testid="switch-language">
          {t.switchLanguage}
        </Button>
      </header>

      <div className={styles.toolbar} role="toolbar" aria-label={t.appTitle}>
        <Button appearance="primary" icon={<ClipboardTaskListLtr20Regular />} onClick={onCheck} disabled={busy !== null}>
          {busy === "check" ? t.checking : t.check}
        </Button>
        <Button icon={<Eraser20Regular />} onClick={onClear} disabled={busy !== null}>
          {busy === "clear" ? t.clearing : t.clear}
        </Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<TableAdd20Regular />} disabled={busy !== null}>
              {t.insertTemplate}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => onTemplate("department")}>{t.templateDepartment}</MenuItem>
              <MenuItem onClick={() => onTemplate("project")}>{t.templateProject}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>

      <div role="status" aria-live="polite">
        {busy === "check" && progress !== undefined && <ProgressBar value={progress} max={1} aria-label={t.progress} />}
        {shown && (
          <MessageBar intent={shown.intent} layout="multiline" data-testid="notice">
            <MessageBarBody>
              {shown.title && <MessageBarTitle>{shown.title}</MessageBarTitle>}
              {shown.text}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      {run === null && !busy && <p>{t.idleHint}</p>}
      {run?.kind === "noTable" && <NoTable error={run.error} t={t} lang={lang} />}
      {run?.kind === "result" && (
        <>
          <Summary result={run.result} t={t} />
          <NarrativeSection result={run.result} t={t} lang={lang} onSelect={onSelect} />
          <FindingList result={run.result} t={t} lang={lang} onSelect={onSelect} />
        </>
      )}

      <OptionsPanel options={options} onChange={changeOptions} t={t} disabled={busy !== null}>
        {host.storeRuleConfig && (
          <RulesPicker
            rules={rules}
            onChoose={onChooseRules}
            onError={(text) => setNotice({ kind: "error", text })}
            t={t}
            lang={lang}
            disabled={busy !== null}
          />
        )}
      </OptionsPanel>
    </main>
  );
}
