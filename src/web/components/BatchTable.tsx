/** One row per file of a batch, with the columns of the summary workbook. */
import {
  Badge,
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { Eye16Regular } from "@fluentui/react-icons";
import { formatNumber } from "../../core/rules/format";
import { NOT_SCORED } from "../../core/totals";
import { otherTablesMessage } from "../../core/otherTables";
import { OUTCOME_LABELS, SUMMARY_HEADERS, countBySeverity, fileOutcome, isFailedFile, type FileOutcome } from "../../xlsx/summary";
import type { BatchFile, CheckedBatchFile, FailedBatchFile } from "../batchFiles";
import type { WebStrings } from "../i18n";
import type { Lang } from "../protocol";

export interface BatchRow {
  path: string;
  state: "waiting" | "checking" | "done";
  summary?: BatchFile;
}

const useStyles = makeStyles({
  wrap: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { minWidth: "1100px", tableLayout: "auto" },
  head: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3 },
  file: { overflowWrap: "anywhere" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  off: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  action: { whiteSpace: "nowrap" },
});

const OUTCOME_COLORS: Record<FileOutcome, "success" | "danger" | "warning"> = {
  ok: "success",
  errors: "danger",
  noTable: "warning",
  unreadable: "warning",
};

/** File, unit, sheet, Σweight, Σscore, stated score, grade, stated grade, errors, warnings, outcome. */
const COLUMN_WIDTHS = ["20%", "16%", "9%", "7%", "7%", "7%", "5%", "7%", "5%", "5%", "8%"];
const NUMERIC_COLUMNS = new Set([3, 4, 5, 8, 9]);

function num(n: number | null | undefined): string {
  return n === null || n === undefined ? "" : formatNumber(n);
}

export function BatchTable({ rows, lang, w, onOpen }: { rows: BatchRow[]; lang: Lang; w: WebStrings; onOpen(index: number): void }) {
  const styles = useStyles();
  const headers = SUMMARY_HEADERS[lang];
  return (
    <div className={styles.wrap}>
      <Table className={styles.table} size="small" data-testid="batch-table" aria-label={w.batchHeading(rows.length)}>
        <TableHeader className={styles.head}>
          <TableRow>
            {headers.map((h, i) => (
              <TableHeaderCell key={h} style={{ width: COLUMN_WIDTHS[i] }} button={NUMERIC_COLUMNS.has(i) ? { style: { justifyContent: "flex-end" } } : undefined}>
                {h}
              </TableHeaderCell>
            ))}
            <TableHeaderCell aria-label={w.openInView} style={{ width: "104px" }} />
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, i) => (
            <BatchTableRow key={row.path} row={row} lang={lang} w={w} onOpen={() => onOpen(i)} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function BatchTableRow({ row, lang, w, onOpen }: { row: BatchRow; lang: Lang; w: WebStrings; onOpen(): void }) {
  const styles = useStyles();
  const summary = row.summary;
  if (!summary) {
    return (
      <TableRow data-testid="batch-row" data-file={row.path} data-outcome="">
        <TableCell className={styles.file}>{row.path}</TableCell>
        <TableCell colSpan={11}>{row.state === "checking" ? <Spinner size="extra-tiny" label={w.stage.check} labelPosition="after" /> : "…"}</TableCell>
      </TableRow>
    );
  }
  const outcome = fileOutcome(summary);
  const badge = (
    <Badge appearance="tint" color={OUTCOME_COLORS[outcome]} data-testid="batch-outcome">
      {OUTCOME_LABELS[lang][outcome]}
    </Badge>
  );
  if (isFailedFile(summary)) {
    const failed = summary as FailedBatchFile;
    return (
      <TableRow data-testid="batch-row" data-file={row.path} data-outcome={outcome}>
        <TableCell className={styles.file}>{row.path}</TableCell>
        <TableCell colSpan={9} className={styles.detail}>
          {failed.messages ? failed.messages[lang] : failed.error}
        </TableCell>
        <TableCell>{badge}</TableCell>
        <TableCell>
          <Button size="small" appearance="subtle" className={styles.action} icon={<Eye16Regular />} onClick={onOpen}>
            {w.openInView}
          </Button>
        </TableCell>
      </TableRow>
    );
  }
  const checked = summary as CheckedBatchFile;
  // Other sheets of the file that hold a table too: counted here, named in full on hover.
  const otherTables = otherTablesMessage(checked.otherTableSheets);
  const t = checked.totals;
  const scoreOff = t.statedScore !== null && t.statedScore !== undefined && Math.abs(t.statedScore - (t.score ?? 0)) > 0.005;
  const gradeOff = t.grade !== null && t.statedGrade !== null && t.statedGrade !== undefined && t.statedGrade !== t.grade;
  return (
    <TableRow data-testid="batch-row" data-file={row.path} data-outcome={outcome}>
      <TableCell className={styles.file}>{row.path}</TableCell>
      <TableCell>{checked.unit ?? ""}</TableCell>
      <TableCell>
        {checked.sheet}
        {otherTables && (
          <span title={otherTables[lang]} data-testid="batch-other-tables">
            {` (+${checked.otherTableSheets!.length})`}
          </span>
        )}
      </TableCell>
      <TableCell className={styles.number} data-testid="batch-weight">
        {num(t.weight)}
      </TableCell>
      <TableCell className={styles.number} data-testid="batch-score">
        {t.score === null ? NOT_SCORED.score[lang] : num(t.score)}
      </TableCell>
      <TableCell className={mergeClasses(styles.number, scoreOff && styles.off)}>{num(t.statedScore)}</TableCell>
      <TableCell data-testid="batch-grade">{t.grade ?? NOT_SCORED.grade[lang]}</TableCell>
      <TableCell className={gradeOff ? styles.off : undefined}>{t.statedGrade ?? ""}</TableCell>
      <TableCell className={styles.number} data-testid="batch-errors">
        {countBySeverity(checked, "error")}
      </TableCell>
      <TableCell className={styles.number}>{countBySeverity(checked, "warning")}</TableCell>
      <TableCell>{badge}</TableCell>
      <TableCell>
        <Button size="small" appearance="subtle" className={styles.action} icon={<Eye16Regular />} onClick={onOpen}>
          {w.openInView}
        </Button>
      </TableCell>
    </TableRow>
  );
}
