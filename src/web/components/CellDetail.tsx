/** Like Excel's formula bar: the selected cell's address, full text, formula, note and findings. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { Lang } from "../protocol";
import type { WebStrings } from "../i18n";
import type { SheetView } from "../sheetView";
import { SEVERITY_COLORS } from "./SheetGrid";

const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled };

const useStyles = makeStyles({
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    alignItems: "flex-start",
    minHeight: "40px",
    maxHeight: "96px",
    overflowY: "auto",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    flexShrink: 0,
  },
  address: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: "4em",
    padding: "2px 6px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: "center",
  },
  body: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  text: { whiteSpace: "pre-wrap", wordBreak: "break-word" },
  meta: { color: tokens.colorNeutralForeground3 },
  finding: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-start" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function CellDetail({ view, cell, w, lang }: { view: SheetView; cell?: { row: number; col: number }; w: WebStrings; lang: Lang }) {
  const styles = useStyles();
  if (!cell) {
    return (
      <div className={styles.bar} data-testid="cell-detail">
        <span className={styles.hint}>{w.detailEmpty}</span>
      </div>
    );
  }
  const address = view.address(cell.row, cell.col);
  const content = view.cell(cell.row, cell.col);
  const findings = view.findingsAt(address);
  return (
    <div className={styles.bar} data-testid="cell-detail" data-cell={address} aria-live="polite">
      <span className={styles.address}>{address}</span>
      <div className={styles.body}>
        <span className={styles.text}>{content?.full ?? ""}</span>
        {content?.formula && (
          <span className={styles.meta}>
            {w.formulaLabel}：{content.formula}
          </span>
        )}
        {findings.map((f, i) => {
          const Icon = ICONS[f.severity];
          return (
            <span key={i} className={styles.finding}>
              <Icon style={{ color: SEVERITY_COLORS[f.severity], flexShrink: 0, marginTop: 2 }} aria-hidden />
              <span>{lang === "en" ? f.message.en : f.message.zh}</span>
            </span>
          );
        })}
      </div>
    </div>
  );
}
