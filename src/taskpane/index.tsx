/** The Excel add-in's task pane: the shared pane (mount.tsx) over the Office.js host once Office is ready. */
import type { Host } from "../host";
import { langFromDisplayLanguage } from "./i18n";
import { createOfficeHost } from "../excel/office";
import { mountPane } from "./mount";

declare global {
  interface Window {
    /** A host injected by a test harness (screenshots), used instead of Office.js. */
    __SCORECHECK_HOST__?: Host;
  }
}

if (window.__SCORECHECK_HOST__) {
  mountPane(window.__SCORECHECK_HOST__, navigator.language);
} else {
  Office.onReady(() => {
    const displayLanguage = Office.context?.displayLanguage;
    mountPane(createOfficeHost({ templateLang: langFromDisplayLanguage(displayLanguage) }), displayLanguage);
  });
}
