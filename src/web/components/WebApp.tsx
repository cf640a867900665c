/**
 * The browser page: open an .xlsx (or several, or a folder), see the checked table
 * with its flags and findings, download the annotated copy, a template, or a batch
 * summary. Everything happens in this browser: the workbook is read, checked and
 * written by the page's worker, and downloads are new files built in memory.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import {
  Button,
  Divider,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  ArrowLeft20Regular,
  ClipboardTaskListLtr20Regular,
  DocumentArrowUp20Regular,
  DocumentTable24Regular,
  Eraser20Regular,
  FolderOpen20Regular,
  LocalLanguage20Regular,
  LockClosed16Regular,
  TableAdd20Regular,
} from "@fluentui/react-icons";
import type { TemplateKind } from "../../host";
import { cellAddress, parseAddress } from "../../core/address";
import { Summary } from "../../taskpane/components/Summary";
import { FindingList } from "../../taskpane/components/FindingList";
import { NarrativeSection } from "../../taskpane/components/NarrativeSection";
import { NoTable } from "../../taskpane/components/NoTable";
import { OptionsPanel } from "../../taskpane/components/OptionsPanel";
import { RulesPicker } from "../../taskpane/components/RulesPicker";
import { stringsFor } from "../../taskpane/i18n";
import { type PaneOptions, loadOptions, saveOptions } from "../../taskpane/options";
import { isFailedFile } from "../../xlsx/summary";
import { isReportName, isWorkbookName, type BatchFile } from "../batchFiles";
import { baseName, saveBytes } from "../download";
import { chosenFiles, droppedFiles, type PickedFile } from "../dropFiles";
import { webStringsFor } from "../i18n";
import type { CheckReply, Lang, SheetInfo, Stage } from "../protocol";
import { SheetView } from "../sheetView";
import { WorkerFailure, type WorkerClient } from "../workerClient";
import { BatchTable, type BatchRow } from "./BatchTable";
import { CellDetail } from "./CellDetail";
import { SheetGrid, type GridFocus } from "./SheetGrid";

/** Findings listed in the side panel; the annotated copy holds them all. */
const LISTED_FINDINGS = 200;

const STAGE_VALUES: Record<Stage | "read" | "render" | "clear", number> = { read: 0.05, parse: 0.15, check: 0.6, write: 0.85, render: 0.95, clear: 0.5 };

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    "& h2": { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS}` },
  },
  appBar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    flexShrink: 0,
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  subtitle: { fontSize: tokens.fontSizeBase200, opacity: 0.9 },
  privacy: { marginLeft: "auto", display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  lang: { color: tokens.colorNeutralForegroundOnBrand, ":hover": { color: tokens.colorNeutralForegroundOnBrand } },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
  },
  divider: { flexGrow: 0, height: "24px" },
  sheetPicker: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  fileLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginLeft: "auto", maxWidth: "40%", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  hidden: { display: "none" },
  status: { padding: `0 ${tokens.spacingHorizontalL}`, flexShrink: 0 },
  progress: { padding: `${tokens.spacingVerticalS} 0`, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  messageBar: { marginTop: tokens.spacingVerticalS },
  main: { display: "flex", flexGrow: 1, minHeight: 0, gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalM },
  aside: {
    width: "420px",
    flexShrink: 0,
    overflowY: "auto",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  sheetArea: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, flexGrow: 1, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  drop: {
    margin: "auto",
    width: "min(720px, 90%)",
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: "center",
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalM,
  },
  dropIcon: { fontSize: "48px", color: tokens.colorBrandForeground1 },
  dropTitle: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  dropButtons: { display: "flex", gap: tokens.spacingHorizontalS },
  dragging: {
    position: "fixed",
    inset: 0,
    zIndex: 10,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    fontSize: tokens.fontSizeBase600,
    color: tokens.colorBrandForeground1,
    backgroundColor: "rgba(235, 243, 252, 0.9)",
    border: `4px dashed ${tokens.colorBrandStroke1}`,
    pointerEvents: "none",
  },
  batch: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, flexGrow: 1, minWidth: 0 },
  batchHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  noTable: { maxWidth: "760px", margin: "0 auto", padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, alignSelf: "flex-start" },
});

interface OpenDoc {
  name: string;
  sheets: SheetInfo[];
  /** The sheet the user picked; undefined lets the checker find it. */
  sheet?: string;
  reply?: CheckReply;
  /** Index in the batch when opened from it. */
  batchIndex?: number;
  /** The report file dropped with the workbook. */
  report?: string;
  /** The rule config the workbook carries (stored in it, so its download carries it too). */
  rules?: string;
  /** Cells the opened file carried marks of an earlier check in (an annotated copy), set aside for the check. */
  earlierMarks: number;
  /** Set by 清除标记 (the cells restored) until the next check: the copy then carries no marks. */
  cleared?: number;
  /** The cells 清除标记 would restore now, as the worker counts them (Excel's and WPS's count for the same steps). */
  marks: number;
}

interface Busy {
  stage: keyof typeof STAGE_VALUES;
  label?: string;
  value?: number;
}

interface Problem {
  title: string;
  text: string;
}

const LANG_KEY = "scorecheck.web.lang";

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function messageOf(e: unknown, lang: Lang): string {
  if (e instanceof WorkerFailure) return e.bilingual[lang];
  return e instanceof Error ? e.message : String(e);
}

export function WebApp({ client }: { client: WorkerClient }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(() => (storage()?.getItem(LANG_KEY) === "en" ? "en" : "zh"));
  const t = stringsFor(lang);
  const w = webStringsFor(lang);
  const [options, setOptions] = useState<PaneOptions>(() => loadOptions(storage()));
  const [busy, setBusy] = useState<Busy | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [doc, setDoc] = useState<OpenDoc | null>(null);
  const [batch, setBatch] = useState<BatchRow[] | null>(null);
  const [batchSkipped, setBatchSkipped] = useState<string[]>([]);
  const [mode, setMode] = useState<"start" | "single" | "batch">("start");
  const [selected, setSelected] = useState<{ row: number; col: number } | undefined>();
  const [focus, setFocus] = useState<GridFocus | undefined>();
  const [dragging, setDragging] = useState(false);
  const batchFiles = useRef<PickedFile[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = w.pageTitle;
  }, [lang, w.pageTitle]);

  const reply = doc?.reply;
  // The shared components read totals, counts, findings and layout; the judged rows stay in the worker.
  const result = useMemo(() => (reply?.ok ? { ...reply.result, rows: [] } : undefined), [reply]);
  const unmarked = doc?.cleared !== undefined;
  // After 清除标记 the grid shows the sheet as the download holds it: the user's cells, without the plan's marks.
  const view = useMemo(
    () => (reply?.ok ? new SheetView(reply.picture, unmarked ? { ...reply.result, plan: { ...reply.result.plan, writes: [] } } : reply.result) : undefined),
    [reply, unmarked],
  );
  const listed = useMemo(
    () => (result && result.findings.length > LISTED_FINDINGS ? { ...result, findings: result.findings.slice(0, LISTED_FINDINGS) } : result),
    [result],
  );

  const settingsFor = useCallback((o: PaneOptions, l: Lang) => ({ writeFlags: o.writeFlags, fixTotals: o.fixTotals, writeGrade: o.writeGrade, lang: l }), []);
  const onStage = (stage: Stage) => setBusy((b) => (b?.stage === stage ? b : { stage }));

  /** Checks the open workbook (again): after opening, a sheet pick, an option or a language change. */
  const runCheck = useCallback(
    async (current: OpenDoc, o: PaneOptions, l: Lang) => {
      setBusy({ stage: "check" });
      try {
        const out = await client.request({ op: "check", sheet: current.sheet, settings: settingsFor(o, l) }, onStage);
        setBusy({ stage: "render" });
        const { cleared: _cleared, ...opened } = current;
        setDoc({ ...opened, reply: out, marks: out.marks, sheet: out.ok ? out.result.layout.sheet : current.sheet });
        setSelected(undefined);
      } catch (e) {
        setProblem({ title: t.errorTitle, text: messageOf(e, l) });
      } finally {
        setBusy(null);
      }
    },
    [client, settingsFor, t.errorTitle],
  );

  const openOne = async (picked: PickedFile, batchIndex?: number, report?: PickedFile) => {
    setProblem(null);
    setMode("single");
    setBusy({ stage: "read" });
    try {
      const bytes = await picked.file.arrayBuffer();
      setBusy({ stage: "parse", label: `${w.stage.parse} ${picked.path}` });
      const opened = await client.request({ op: "open", name: picked.path, bytes }, onStage);
      if (report) await client.request({ op: "report", name: report.path, bytes: await report.file.arrayBuffer() });
      const next: OpenDoc = {
        name: picked.path,
        sheets: opened.sheets,
        batchIndex,
        rules: opened.rules,
        earlierMarks: opened.earlierMarks,
        marks: opened.earlierMarks,
        ...(report ? { report: report.path } : {}),
      };
      setDoc(next);
      await runCheck(next, options, lang);
    } catch (e) {
      setDoc(null);
      setMode(batchIndex === undefined ? "start" : "batch");
      setProblem({ title: w.openFailed(picked.path), text: messageOf(e, lang) });
      setBusy(null);
    }
  };

  /** Stores the chosen rules in the open workbook and checks it again under them. */
  const chooseRules = async (text: string | undefined) => {
    if (!doc) return;
    setProblem(null);
    try {
      await client.request({ op: "setRules", text: text ?? null });
      const next = { ...doc, rules: text };
      setDoc(next);
      await runCheck(next, options, lang);
    } catch (e) {
      setProblem({ title: t.errorTitle, text: messageOf(e, lang) });
    }
  };

  const runBatch = async (files: PickedFile[]) => {
    setProblem(null);
    setDoc(null);
    setMode("batch");
    batchFiles.current = files;
    const rows: BatchRow[] = files.map((f) => ({ path: f.path, state: "waiting" }));
    setBatch(rows);
    setBatchSkipped([]);
    const skipped: string[] = [];
    const settings = settingsFor(options, lang);
    for (let i = 0; i < files.length; i++) {
      setBusy({ stage: "check", label: w.batchProgress(i + 1, files.length, files[i].path), value: i / files.length });
      setBatch((prev) => prev && prev.map((r, j) => (j === i ? { ...r, state: "checking" } : r)));
      let summary: BatchFile;
      try {
        const bytes = await files[i].file.arrayBuffer();
        const out = await client.request({ op: "batchFile", name: files[i].path, bytes, settings });
        if (out.kind === "skipped") {
          skipped.push(files[i].path);
          setBatch((prev) => prev && prev.filter((r) => r.path !== files[i].path));
          continue;
        }
        summary = out.summary;
      } catch (e) {
        const m = e instanceof WorkerFailure ? e.bilingual : { zh: messageOf(e, "zh"), en: messageOf(e, "en") };
        summary = { file: files[i].path, error: m[lang], code: "UNREADABLE", messages: m };
      }
      setBatch((prev) => prev && prev.map((r) => (r.path === files[i].path ? { ...r, state: "done", summary } : r)));
    }
    batchFiles.current = files.filter((f) => !skipped.includes(f.path));
    setBatchSkipped(skipped);
    setBusy(null);
  };

  const openPicked = (picked: PickedFile[]) => {
    if (picked.length === 0) return;
    if (picked.length === 1) {
      void openOne(picked[0]);
      return;
    }
    const workbooks = picked.filter((p) => isWorkbookName(p.path)).sort((a, b) => a.path.localeCompare(b.path, "en", { numeric: true }));
    if (workbooks.length === 0) {
      setProblem({ title: w.openFailed(picked[0].path), text: w.noXlsxInDrop });
      return;
    }
    // One workbook with one report file: the report's narrative is checked with it.
    const reports = picked.filter((p) => isReportName(p.path));
    if (workbooks.length === 1) void openOne(workbooks[0], undefined, reports.length === 1 ? reports[0] : undefined);
    else void runBatch(workbooks);
  };

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (busy) return;
    openPicked(await droppedFiles(e.dataTransfer));
  };

  const changeOptions = (o: PaneOptions) => {
    setOptions(o);
    saveOptions(storage(), o);
    if (doc && mode === "single") void runCheck(doc, o, lang);
  };

  const switchLang = () => {
    const next: Lang = lang === "zh" ? "en" : "zh";
    setLang(next);
    storage()?.setItem(LANG_KEY, next);
    // The 核查结果 column is written in the page's language; a copy cleared of its marks stays cleared.
    if (doc?.reply && mode === "single" && doc.cleared === undefined) void runCheck(doc, options, next);
  };

  const pickSheet = (sheet: string) => {
    if (!doc) return;
    void runCheck({ ...doc, sheet }, options, lang);
  };

  const selectCell = (sheet: string, address: string) => {
    // The grid shows the table's sheet; a narrative cell on another sheet is quoted in the list instead.
    if (view && sheet !== view.sheet) return;
    const at = parseAddress(address);
    if (!at) return;
    setSelected(at);
    setFocus((f) => ({ address, row: at.row, col: at.col, nonce: (f?.nonce ?? 0) + 1 }));
  };

  const guardedDownload = async (work: () => Promise<void>) => {
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem({ title: t.errorTitle, text: messageOf(e, lang) });
    }
  };

  const downloadAnnotated = () =>
    guardedDownload(async () => {
      if (!doc) return;
      const out = await client.request({ op: "save" });
      const base = baseName(doc.name);
      saveBytes(out.bytes, doc.cleared === undefined ? w.annotatedName(base) : w.unmarkedName(base));
    });

  /** 清除标记: the copy loses every mark (this check's, and an earlier one's the file carried); the findings stay listed. */
  const clearMarks = async () => {
    if (!doc) return;
    setProblem(null);
    setBusy({ stage: "clear" });
    try {
      const out = await client.request({ op: "clear" });
      // The earlier marks are gone with the rest: said once, not again at the next check.
      setDoc({ ...doc, cleared: out.cells, earlierMarks: 0, marks: 0 });
    } catch (e) {
      setProblem({ title: t.errorTitle, text: messageOf(e, lang) });
    } finally {
      setBusy(null);
    }
  };

  const downloadTemplate = (kind: TemplateKind) =>
    guardedDownload(async () => {
      const out = await client.request({ op: "template", kind, lang });
      saveBytes(out.bytes, w.templateName(kind === "project" ? w.templateProject : w.templateDepartment));
    });

  const downloadSummary = () =>
    guardedDownload(async () => {
      const files = (batch ?? []).flatMap((r) => (r.summary ? [r.summary] : []));
      const out = await client.request({ op: "summary", files, lang });
      saveBytes(out.bytes, w.summaryName);
    });

  const tableSheets = doc?.sheets.filter((s) => s.hasTable) ?? [];
  const doneRows = batch?.filter((r) => r.summary) ?? [];
  const batchRunning = mode === "batch" && busy !== null;

  return (
    <div
      className={styles.root}
      onDragOver={(e) => {
        e.preventDefault();
        if (!busy) setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target || !e.relatedTarget) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className={styles.appBar}>
        <div>
          <h1 className={styles.title}>{w.pageTitle}</h1>
          <span className={styles.subtitle}>{w.pageSubtitle}</span>
        </div>
        <span className={styles.privacy} data-testid="privacy">
          <LockClosed16Regular aria-hidden />
          {w.privacy}
        </span>
        <Button appearance="transparent" className={styles.lang} icon={<LocalLanguage20Regular />} onClick={switchLang} aria-label={t.switchLanguageLabel} data-testid="switch-language">
          {t.switchLanguage}
        </Button>
      </header>

      <div className={styles.toolbar} role="toolbar" aria-label={w.pageTitle}>
        <Button appearance={mode === "start" ? "primary" : "secondary"} icon={<DocumentArrowUp20Regular />} onClick={() => fileInput.current?.click()} disabled={busy !== null} data-testid="open-files">
          {w.openFiles}
        </Button>
        <Button icon={<FolderOpen20Regular />} onClick={() => folderInput.current?.click()} disabled={busy !== null}>
          {w.openFolder}
        </Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xls,.et,.ods,.docx,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
          data-testid="file-input"
          aria-label={w.openFiles}
          onChange={(e) => {
            openPicked(chosenFiles(e.currentTarget.files));
            e.currentTarget.value = "";
          }}
        />
        <input
          ref={folderInput}
          className={styles.hidden}
          type="file"
          multiple
          data-testid="folder-input"
          aria-label={w.openFolder}
          {...({ webkitdirectory: "" } as Record<string, string>)}
          onChange={(e) => {
            openPicked(chosenFiles(e.currentTarget.files));
            e.currentTarget.value = "";
          }}
        />
        <Divider vertical className={styles.divider} />
        {mode === "single" && tableSheets.length > 1 && (
          <label className={styles.sheetPicker}>
            {w.sheetLabel}
            <Select value={doc?.sheet ?? ""} onChange={(_, data) => pickSheet(data.value)} disabled={busy !== null} data-testid="sheet-picker">
              {tableSheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </Select>
          </label>
        )}
        {mode === "single" && doc && (
          <Button appearance="primary" icon={<ClipboardTaskListLtr20Regular />} onClick={() => void runCheck(doc, options, lang)} disabled={busy !== null} data-testid="check">
            {busy?.stage === "check" ? t.checking : w.recheck}
          </Button>
        )}
        {mode === "single" && (
          <Button
            icon={<ArrowDownload20Regular />}
            onClick={downloadAnnotated}
            disabled={busy !== null || (!result && !unmarked)}
            data-testid="download-annotated"
            title={unmarked ? w.unmarkedHint : w.annotatedHint}
          >
            {unmarked ? w.downloadUnmarked : w.downloadAnnotated}
          </Button>
        )}
        {/* Offered only while the copy holds marks of ours: this page's, or an earlier check's set aside on opening, even
            when no table is found any more (the user removed it, the old 核查结果 column and fills are still in the file);
            cleared, such a file downloads as …-无标记.xlsx. */}
        {mode === "single" && doc && doc.marks > 0 && (
          <Button icon={<Eraser20Regular />} onClick={() => void clearMarks()} disabled={busy !== null} data-testid="clear-marks">
            {busy?.stage === "clear" ? t.clearing : t.clear}
          </Button>
        )}
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<TableAdd20Regular />} data-testid="download-template">
              {w.downloadTemplate}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => void downloadTemplate("department")} data-testid="template-department">
                {w.templateDepartment}
              </MenuItem>
              <MenuItem onClick={() => void downloadTemplate("project")} data-testid="template-project">
                {w.templateProject}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        {mode === "single" && doc?.batchIndex !== undefined && (
          <Button appearance="subtle" icon={<ArrowLeft20Regular />} onClick={() => setMode("batch")} disabled={busy !== null} data-testid="back-to-batch">
            {w.backToBatch}
          </Button>
        )}
        {mode === "single" && doc && result && <span className={styles.fileLabel} title={doc.name}>{w.openedFile(doc.name, result.layout.sheet)}{doc.report ? w.withReport(doc.report) : ""}</span>}
      </div>

      <div className={styles.status} role="status" aria-live="polite">
        {busy && (
          <div className={styles.progress} data-testid="progress">
            <span>{busy.label ?? w.stage[busy.stage]}</span>
            <ProgressBar value={busy.value ?? STAGE_VALUES[busy.stage]} max={1} thickness="large" aria-label={busy.label ?? w.stage[busy.stage]} />
          </div>
        )}
        {mode === "single" && doc && doc.earlierMarks > 0 && !unmarked && (
          <MessageBar intent="info" layout="multiline" className={styles.messageBar} data-testid="earlier-marks" data-cells={doc.earlierMarks}>
            <MessageBarBody>
              <MessageBarTitle>{w.earlierMarksTitle}</MessageBarTitle>
              {(reply && !reply.ok ? w.earlierMarksNoTable : w.earlierMarks)(doc.earlierMarks)}
            </MessageBarBody>
          </MessageBar>
        )}
        {mode === "single" && doc?.cleared !== undefined && (
          <MessageBar intent="info" layout="multiline" className={styles.messageBar} data-testid="cleared" data-cells={doc.cleared}>
            <MessageBarBody>{doc.cleared > 0 ? `${t.cleared(doc.cleared)}${lang === "zh" ? "" : " "}${reply && !reply.ok ? w.afterClearNoTable : w.afterClear}` : t.nothingToClear}</MessageBarBody>
          </MessageBar>
        )}
        {problem && (
          <MessageBar intent="error" layout="multiline" className={styles.messageBar} data-testid="load-error">
            <MessageBarBody>
              <MessageBarTitle>{problem.title}</MessageBarTitle>
              {problem.text}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>

      <div className={styles.main}>
        {mode === "start" && !busy && (
          <section className={styles.drop} data-testid="drop-zone" aria-labelledby="drop-title">
            <DocumentTable24Regular className={styles.dropIcon} aria-hidden />
            <h2 id="drop-title" className={styles.dropTitle}>
              {w.dropTitle}
            </h2>
            <p className={styles.note}>{w.dropHint}</p>
            <div className={styles.dropButtons}>
              <Button appearance="primary" icon={<DocumentArrowUp20Regular />} onClick={() => fileInput.current?.click()}>
                {w.openFiles}
              </Button>
              <Button icon={<FolderOpen20Regular />} onClick={() => folderInput.current?.click()}>
                {w.openFolder}
              </Button>
            </div>
            <p className={styles.note}>{w.dropBatchHint}</p>
            <p className={styles.note}>{w.privacy}</p>
          </section>
        )}

        {mode === "single" && reply && !reply.ok && (
          <div className={styles.noTable}>
            <NoTable error={reply.error} t={t} lang={lang} steps={w.noTableSteps} />
          </div>
        )}

        {mode === "single" && result && listed && view && (
          <>
            <aside className={styles.aside} aria-label={t.summaryHeading(result.layout.sheet)}>
              <Summary result={result} t={t} />
              {(result.plan.unwritten ?? []).map((u) => (
                // A mark the annotated copy leaves out (a grade with no free cell beside its label), and why.
                <MessageBar key={`${u.row}:${u.col}`} intent="warning" layout="multiline" className={styles.messageBar} data-testid="unwritten">
                  <MessageBarBody>{`${cellAddress(u.row, u.col)}: ${u.reason[lang]}`}</MessageBarBody>
                </MessageBar>
              ))}
              <NarrativeSection result={result} t={t} lang={lang} onSelect={selectCell} />
              <OptionsPanel options={options} onChange={changeOptions} t={t} disabled={busy !== null}>
                <RulesPicker
                  rules={doc?.rules}
                  onChoose={(text) => void chooseRules(text)}
                  onError={(text) => setProblem({ title: t.errorTitle, text })}
                  t={t}
                  lang={lang}
                  disabled={busy !== null}
                />
              </OptionsPanel>
              <FindingList result={listed} t={t} lang={lang} onSelect={selectCell} />
              {result.findings.length > LISTED_FINDINGS && <p className={styles.note}>{w.moreFindings(result.findings.length - LISTED_FINDINGS)}</p>}
            </aside>
            <section className={styles.sheetArea} aria-label={(unmarked ? w.gridLabelUnmarked : w.gridLabel)(view.sheet)}>
              <CellDetail view={view} cell={selected} w={w} lang={lang} />
              <SheetGrid view={view} label={(unmarked ? w.gridLabelUnmarked : w.gridLabel)(view.sheet)} selected={selected} focus={focus} onSelect={(row, col) => setSelected({ row, col })} />
            </section>
          </>
        )}

        {mode === "batch" && batch && (
          <section className={styles.batch} aria-labelledby="batch-heading">
            <div className={styles.batchHead}>
              <h2 id="batch-heading">{w.batchHeading(batch.length)}</h2>
              {!batchRunning && (
                <span data-testid="batch-status">
                  {w.batchDone(
                    doneRows.length,
                    doneRows.filter((r) => r.summary && !isFailedFile(r.summary) && !r.summary.findings.some((f) => f.severity === "error")).length,
                    doneRows.filter((r) => r.summary && !isFailedFile(r.summary) && r.summary.findings.some((f) => f.severity === "error")).length,
                    doneRows.filter((r) => r.summary && isFailedFile(r.summary)).length,
                  )}
                </span>
              )}
              <Button appearance="primary" icon={<ArrowDownload20Regular />} onClick={downloadSummary} disabled={batchRunning || doneRows.length === 0} data-testid="download-summary">
                {w.downloadSummary}
              </Button>
            </div>
            {batchSkipped.length > 0 && <p className={mergeClasses(styles.note)}>{w.batchSkipped(batchSkipped.join("、"))}</p>}
            <BatchTable
              rows={batch}
              lang={lang}
              w={w}
              onOpen={(i) => {
                const picked = batchFiles.current.find((f) => f.path === batch[i].path);
                if (picked) void openOne(picked, i);
              }}
            />
          </section>
        )}
      </div>
      {dragging && (
        <div className={styles.dragging} aria-hidden>
          {w.dropActive}
        </div>
      )}
    </div>
  );
}
