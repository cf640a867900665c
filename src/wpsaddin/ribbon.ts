/**
 * The WPS add-in's entry page script (dist/wps/index.html): the callbacks ribbon.xml names,
 * on a global `ribbon` as WPS looks them up. 一键核分 checks and marks without the pane, selects
 * the first problem cell and shows a short summary; 核分助手 shows or hides the task pane (its
 * ID kept in PluginStorage, shared by the add-in's pages).
 */
import { etApplication, type EtAddinApplication } from "../wps/et";
import { createWpsHost } from "../wps/host";
import { loadOptions } from "../taskpane/options";
import { langFromDisplayLanguage } from "../taskpane/i18n";
import { runCheck } from "../taskpane/runCheck";
import { safeStorage } from "../taskpane/storage";
import { summarize } from "../commands/summary";

/** The control object WPS passes to a ribbon callback. */
export interface RibbonControl {
  Id: string;
  Tag?: string;
}

export const CONTROL_CHECK = "scorecheckRun";
export const CONTROL_PANE = "scorecheckPane";
const PANE_ID_KEY = "scorecheck_taskpane_id";

const ICONS: Record<string, string> = {
  [CONTROL_CHECK]: "images/check.png",
  [CONTROL_PANE]: "images/pane.png",
};

function app(): EtAddinApplication {
  const a = etApplication();
  if (!a) throw new Error("WPS 的 Application 对象不可用 / WPS's Application object is not available");
  return a;
}

/** 一键核分: the check, the marks, the first problem selected, then a summary. Resolves when the summary was shown. */
export async function runOneClickCheck(): Promise<void> {
  const lang = langFromDisplayLanguage(navigator.language);
  try {
    const host = createWpsHost(app(), { templateLang: lang });
    const run = await runCheck(host, { ...loadOptions(safeStorage()), lang });
    const summary = summarize(run, lang);
    if (summary.firstCell) await host.selectCell(summary.firstCell.sheet, summary.firstCell.address).catch(() => undefined);
    window.alert([summary.title, "", ...summary.lines].join("\n"));
  } catch (e) {
    window.alert(`${lang === "en" ? "Score check failed" : "核分出错"}\n\n${e instanceof Error ? e.message : String(e)}`);
  }
}

/** 核分助手: creates the pane the first time, then shows or hides it. */
export function togglePane(): void {
  const a = app();
  const storage = a.PluginStorage;
  const id = storage.getItem(PANE_ID_KEY);
  const existing = id ? a.GetTaskPane(Number(id)) : null;
  if (existing) {
    existing.Visible = !existing.Visible;
    return;
  }
  const pane = a.CreateTaskPane(new URL("taskpane.html", window.location.href).href, "核分助手");
  storage.setItem(PANE_ID_KEY, pane.ID);
  pane.Visible = true;
}

export const ribbon = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: RibbonControl): boolean {
    if (control.Id === CONTROL_CHECK) void runOneClickCheck();
    else if (control.Id === CONTROL_PANE) togglePane();
    return true;
  },
  GetImage(control: RibbonControl): string {
    return ICONS[control.Id] ?? ICONS[CONTROL_CHECK];
  },
};

(window as unknown as { ribbon: typeof ribbon }).ribbon = ribbon;
