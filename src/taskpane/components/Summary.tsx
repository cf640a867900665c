import { Badge, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { CheckResult } from "../../core/types";
import { formatNumber } from "../../core/rules/format";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  totals: {
    display: "grid",
    gridTemplateColumns: "repeat(3, 1fr)",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  total: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    margin: 0,
  },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700, margin: 0 },
  stated: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  notScored: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightHero700 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  slots: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXS} 0 0` },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, listStyle: "none", padding: 0, margin: `${tokens.spacingVerticalS} 0 0` },
});

export function Summary({ result, t }: { result: CheckResult; t: Strings }) {
  const styles = useStyles();
  const { totals, counts } = result;
  const weightOff = totals.statedWeight !== undefined && Math.abs(totals.statedWeight - totals.weight) > 0.005;
  const scoreOff = totals.statedScore !== undefined && Math.abs(totals.statedScore - totals.score) > 0.005;
  const gradeOff = totals.grade !== null && totals.statedGrade !== undefined && totals.statedGrade !== totals.grade;
  const countItems: [keyof typeof counts, "success" | "warning" | "danger" | "informative" | "subtle"][] = [
    ["met", "success"],
    ["partial", "warning"],
    ["unmet", "danger"],
    ["review", "informative"],
  ];
  if (counts.notApplicable > 0) countItems.push(["notApplicable", "subtle"]);
  const noTargets = t.noTargets(result.layout, counts.review);
  const otherTables = t.otherTables(result.otherTableSheets ?? []);
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t.summaryHeading(result.layout.sheet)}</h2>
      <dl className={styles.totals}>
        <div className={styles.total}>
          <dt className={styles.label}>{t.totalWeight}</dt>
          <dd className={styles.value} data-testid="total-weight">
            {formatNumber(totals.weight)}
          </dd>
          {weightOff && <dd className={styles.stated}>{t.stated(formatNumber(totals.statedWeight!))}</dd>}
        </div>
        <div className={styles.total}>
          <dt className={styles.label}>{t.totalScore}</dt>
          <dd className={mergeClasses(styles.value, !totals.scored && styles.notScored)} data-testid="total-score" data-scored={String(totals.scored)}>
            {totals.scored ? formatNumber(totals.score) : t.notScored}
          </dd>
          {!totals.scored && <dd className={styles.hint}>{t.notScoredHint}</dd>}
          {scoreOff && <dd className={styles.stated}>{t.stated(formatNumber(totals.statedScore!))}</dd>}
        </div>
        <div className={styles.total}>
          <dt className={styles.label}>{t.grade}</dt>
          <dd className={mergeClasses(styles.value, totals.grade === null && styles.notScored)} data-testid="grade">
            {totals.grade ?? t.noGrade}
          </dd>
          {gradeOff && <dd className={styles.stated}>{t.stated(totals.statedGradeText ?? totals.statedGrade!)}</dd>}
        </div>
      </dl>
      <ul className={styles.counts} aria-label={t.counts.met + " / " + t.counts.partial + " / " + t.counts.unmet + " / " + t.counts.review}>
        {countItems.map(([key, color]) => (
          <li key={key}>
            <Badge appearance="tint" color={color} data-testid={`count-${key}`}>
              {t.counts[key]} {counts[key]}
            </Badge>
          </li>
        ))}
      </ul>
      {result.skippedSlots.length > 0 && (
        <p className={styles.slots} data-testid="skipped-slots">
          {t.skippedSlots(result.skippedSlots)}
        </p>
      )}
      {noTargets && (
        <p className={styles.slots} data-testid="no-targets">
          {noTargets}
        </p>
      )}
      {otherTables && (
        <p className={styles.slots} data-testid="other-tables">
          {otherTables}
        </p>
      )}
    </section>
  );
}
