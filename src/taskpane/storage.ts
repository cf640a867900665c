/** localStorage where the page may use it (a locked-down webview may refuse it): the pane's options live there. */
export function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
