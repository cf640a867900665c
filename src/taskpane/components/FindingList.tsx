import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { CheckResult, Finding, Severity } from "../../core/types";
import type { Lang, Strings } from "../i18n";
import { findingTarget } from "./findingTarget";

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  groupHeading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase300, margin: 0 },
  list: { listStyle: "none", padding: 0, margin: `${tokens.spacingVerticalXS} 0 0` },
  item: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    alignItems: "flex-start",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    minHeight: "auto",
  },
  line: { display: "grid", gridTemplateColumns: "minmax(4.5em, max-content) 1fr", columnGap: tokens.spacingHorizontalS, width: "100%" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  message: { whiteSpace: "normal" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
});

const ORDER: Severity[] = ["error", "warning", "info"];
const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled };

export interface FindingListProps {
  result: CheckResult;
  t: Strings;
  lang: Lang;
  onSelect(sheet: string, address: string): void;
}

/** Findings grouped by severity; each names its cell and selects it when clicked. */
export function FindingList({ result, t, lang, onSelect }: FindingListProps) {
  const styles = useStyles();
  const groups = ORDER.map((severity) => ({ severity, items: result.findings.filter((f) => f.severity === severity) })).filter((g) => g.items.length > 0);
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">{t.findingsHeading}</h2>
      {groups.length === 0 && <p data-testid="no-findings">{t.noFindings}</p>}
      {groups.map(({ severity, items }) => {
        const Icon = ICONS[severity];
        const headingId = `findings-${severity}`;
        return (
          <div key={severity} className={styles.group} data-testid={`group-${severity}`}>
            <h3 id={headingId} className={styles.groupHeading}>
              <Icon className={styles[severity]} aria-hidden />
              {t.severityHeading(t.severity[severity], items.length)}
            </h3>
            <ul className={styles.list} aria-labelledby={headingId}>
              {items.map((f, i) => (
                <FindingItem key={`${f.code}-${f.cell ?? f.row ?? "t"}-${i}`} finding={f} result={result} t={t} lang={lang} onSelect={onSelect} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function FindingItem({ finding, result, t, lang, onSelect }: { finding: Finding } & FindingListProps) {
  const styles = useStyles();
  const target = findingTarget(finding, result.layout);
  // A narrative finding names its sheet (it may not be the table's) or its paragraph of the report file.
  const sheet = finding.sheet ?? result.layout.sheet;
  const where =
    finding.paragraph !== undefined
      ? t.reportParagraph(finding.paragraph)
      : finding.sheet !== undefined && finding.cell !== undefined && finding.sheet !== result.layout.sheet
        ? `${finding.sheet}!${finding.cell}`
        : (finding.cell ?? (finding.row !== undefined ? t.rowLabel(finding.row) : t.tableLevel));
  const message = lang === "en" ? finding.message.en : finding.message.zh;
  return (
    <li>
      <Button
        appearance="subtle"
        className={styles.item}
        data-testid="finding"
        data-code={finding.code}
        data-severity={finding.severity}
        data-cell={target}
        title={t.selectCellHint(target)}
        onClick={() => finding.paragraph === undefined && onSelect(sheet, target)}
      >
        <span className={styles.line}>
          <span className={styles.cell}>{where}</span>
          <span className={styles.message}>{message}</span>
        </span>
      </Button>
    </li>
  );
}
