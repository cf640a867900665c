/**
 * Mounts the pane over a host: the one thing every host's entry shares (the Office add-in's
 * src/taskpane/index.tsx, the WPS add-in's src/wpsaddin/pane.tsx). The components know only Host.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Host } from "../host";
import { ScorecheckApp } from "./components/ScorecheckApp";
import { langFromDisplayLanguage } from "./i18n";
import { safeStorage } from "./storage";

export function mountPane(host: Host, displayLanguage: string | undefined, container: HTMLElement = document.getElementById("root")!): void {
  const lang = langFromDisplayLanguage(displayLanguage);
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <ScorecheckApp host={host} lang={lang} storage={safeStorage()} />
    </FluentProvider>,
  );
}
