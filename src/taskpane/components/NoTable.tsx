import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { CheckFailure } from "../../core/types";
import type { Lang, Strings } from "../i18n";

/** What was looked for and how to fix it, when no indicator table was found; `steps` when the host's own buttons differ from the pane's. */
export function NoTable({ error, t, lang, steps = t.noTableSteps }: { error: CheckFailure; t: Strings; lang: Lang; steps?: string[] }) {
  return (
    <section aria-labelledby="no-table-heading" data-testid="no-table" data-error={error.code}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="no-table-heading">{t.noTableTitle}</MessageBarTitle>
          {lang === "en" ? error.message.en : error.message.zh}
        </MessageBarBody>
      </MessageBar>
      <p>{t.noTableLookedFor}</p>
      <p>{t.noTableHeaders}</p>
      <p>{t.noTableHowTo}</p>
      <ol>
        {steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    </section>
  );
}
