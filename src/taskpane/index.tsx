/** The add-in's task pane: mounts the host-agnostic pane over the Office.js host once Office is ready. */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Host } from "../host";
import { ScorecheckApp } from "./components/ScorecheckApp";
import { langFromDisplayLanguage } from "./i18n";
import { createOfficeHost } from "../excel/office";

declare global {
  interface Window {
    /** A host injected by a test harness (screenshots), used instead of Office.js. */
    __SCORECHECK_HOST__?: Host;
  }
}

function mount(host: Host, displayLanguage: string | undefined) {
  const lang = langFromDisplayLanguage(displayLanguage);
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  const root = createRoot(document.getElementById("root")!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <ScorecheckApp host={host} lang={lang} storage={safeStorage()} />
    </FluentProvider>,
  );
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

if (window.__SCORECHECK_HOST__) {
  mount(window.__SCORECHECK_HOST__, navigator.language);
} else {
  Office.onReady(() => {
    const displayLanguage = Office.context?.displayLanguage;
    mount(createOfficeHost({ templateLang: langFromDisplayLanguage(displayLanguage) }), displayLanguage);
  });
}
