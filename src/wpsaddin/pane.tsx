/** The WPS add-in's task pane (dist/wps/taskpane.html): the shared pane over the WPS host. */
import { mountPane } from "../taskpane/mount";
import { langFromDisplayLanguage } from "../taskpane/i18n";
import { etApplication } from "../wps/et";
import { createWpsHost } from "../wps/host";

const app = etApplication();
const root = document.getElementById("root")!;
if (app) {
  mountPane(createWpsHost(app, { templateLang: langFromDisplayLanguage(navigator.language) }), navigator.language, root);
} else {
  root.setAttribute("data-testid", "no-wps");
  root.textContent = "本页面是 WPS 表格加载项“核分助手”，请在 WPS 表格中打开。 This page is the score checker's pane for WPS Spreadsheets: open it from WPS.";
}
