/** Renders the pane as the add-in mounts it: inside FluentProvider. */
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ScorecheckApp, type ScorecheckAppProps } from "../../src/taskpane/components/ScorecheckApp";

export function renderPane(props: ScorecheckAppProps) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ScorecheckApp {...props} />
    </FluentProvider>,
  );
}

/** A Storage in memory. */
export function memoryStorage(): Pick<Storage, "getItem" | "setItem"> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}
