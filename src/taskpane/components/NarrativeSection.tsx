import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, DismissCircle16Filled, SubtractCircle16Regular } from "@fluentui/react-icons";
import type { CheckResult } from "../../core/types";
import type { NarrativeCheck } from "../../core/narrative/summary";
import { cellAddress } from "../../core/address";
import type { Lang, Strings } from "../i18n";

const useStyles = makeStyles({
  tally: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: { listStyle: "none", padding: 0, margin: `${tokens.spacingVerticalS} 0 0`, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "grid", gridTemplateColumns: "20px 1fr", columnGap: tokens.spacingHorizontalXS, alignItems: "start" },
  icon: { marginTop: "3px" },
  statement: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  where: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, minWidth: "auto", padding: 0, height: "auto" },
  quote: {
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  message: { margin: `${tokens.spacingVerticalXXS} 0 0`, fontSize: tokens.fontSizeBase200 },
  holds: { color: tokens.colorPaletteGreenForeground1 },
  fails: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  unchecked: { color: tokens.colorNeutralForeground3 },
});

const ICONS = { holds: CheckmarkCircle16Filled, fails: DismissCircle16Filled, unchecked: SubtractCircle16Regular };

export interface NarrativeSectionProps {
  result: Pick<CheckResult, "narrative">;
  t: Strings;
  lang: Lang;
  onSelect(sheet: string, address: string): void;
}

/** What the narrative beside the table states, and which of it holds: a section of its own under the summary. */
export function NarrativeSection({ result, t, lang, onSelect }: NarrativeSectionProps) {
  const styles = useStyles();
  const n = result.narrative;
  if (!n) return null;
  const checks = n.checks ?? [];
  const count = (s: NarrativeCheck["status"]) => checks.filter((c) => c.status === s).length;
  return (
    <section aria-labelledby="narrative-heading" data-testid="narrative">
      <h2 id="narrative-heading">{t.narrativeHeading}</h2>
      <p className={styles.tally} data-testid="narrative-tally">
        {checks.length === 0 ? t.narrativeNone : t.narrativeTally(n.figures.length, count("holds"), count("fails"), count("unchecked"))}
      </p>
      <ul className={styles.list}>
        {checks.map((c, i) => {
          const Icon = ICONS[c.status];
          const tone = c.status === "fails" && c.finding?.severity === "warning" ? styles.warning : styles[c.status];
          const s = c.source;
          const where = s.kind === "cell" ? `${s.sheet}!${cellAddress(s.row, s.col)}` : t.reportParagraph(s.paragraph);
          return (
            <li key={`${c.code}-${i}`} className={styles.item} data-testid="narrative-check" data-status={c.status} data-code={c.code}>
              <Icon className={mergeClasses(styles.icon, tone)} aria-label={t.narrativeStatus[c.status]} />
              <div>
                <div className={styles.statement}>
                  <span>{c.statement[lang]}</span>
                  {s.kind === "cell" ? (
                    <Button appearance="transparent" size="small" className={styles.where} title={t.selectCellHint(where)} onClick={() => onSelect(s.sheet, cellAddress(s.row, s.col))}>
                      {where}
                    </Button>
                  ) : (
                    <span className={styles.where}>{where}</span>
                  )}
                </div>
                {c.status === "fails" && (
                  <>
                    <blockquote className={styles.quote}>“{c.quote}”</blockquote>
                    {c.finding && <p className={mergeClasses(styles.message, tone)}>{c.finding.message[lang]}</p>}
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
