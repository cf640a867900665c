/**
 * Ribbon commands (the function file). 一键核分 runs the check without opening the pane:
 * read, check, write the marks, select the first problem cell, and show a short summary
 * in a small dialog.
 */
import { createOfficeHost } from "../excel/office";
import { loadOptions } from "../taskpane/options";
import { langFromDisplayLanguage } from "../taskpane/i18n";
import { runCheck } from "../taskpane/runCheck";
import { safeStorage } from "../taskpane/storage";
import { summarize, type CommandSummary } from "./summary";


/** Shows the summary in a dialog (DialogApi 1.1); resolves when it closes. Without dialogs, resolves at once. */
function showSummary(summary: CommandSummary, lang: string): Promise<void> {
  if (!Office.context.requirements.isSetSupported("DialogApi", "1.1")) return Promise.resolve();
  const url = new URL("message.html", window.location.href);
  url.searchParams.set("lang", lang);
  url.searchParams.set("title", summary.title);
  url.searchParams.set("lines", JSON.stringify(summary.lines));
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 30, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) return resolve();
      const dialog = opened.value;
      const done = () => {
        try {
          dialog.close();
        } catch {
          // already closed by the user
        }
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
    });
  });
}

async function runScorecheck(event: Office.AddinCommands.Event): Promise<void> {
  const lang = langFromDisplayLanguage(Office.context.displayLanguage);
  try {
    const host = createOfficeHost({ templateLang: lang });
    const run = await runCheck(host, { ...loadOptions(safeStorage()), lang });
    const summary = summarize(run, lang);
    if (summary.firstCell) await host.selectCell(summary.firstCell.sheet, summary.firstCell.address).catch(() => undefined);
    await showSummary(summary, lang);
  } catch (e) {
    await showSummary({ title: lang === "en" ? "Score check failed" : "核分出错", lines: [e instanceof Error ? e.message : String(e)] }, lang);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  // Office.actions.associate is the current way; the global is what older Excel builds look up.
  (globalThis as unknown as Record<string, unknown>).runScorecheck = runScorecheck;
  Office.actions?.associate("runScorecheck", runScorecheck);
});
