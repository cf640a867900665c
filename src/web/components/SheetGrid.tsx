/**
 * The checked sheet as a grid, like Excel shows it: column letters, row numbers,
 * merged cells, the flag fills and the 核查结果 column. Only the rows in view are
 * drawn, so a table of thousands of rows scrolls as smoothly as one of fifty.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetter } from "../../core/address";
import type { Severity } from "../../core/types";
import type { SheetView, ViewCell } from "../sheetView";

export const ROW_PX = 28;
const HEADER_PX = 24;
const GUTTER_PX = 52;
const OVERSCAN = 8;
/** A merged area whose top lies further above the view than this is drawn without its text. */
const MAX_MERGE_REACH = 200;

export const SEVERITY_COLORS: Record<Severity, string> = {
  error: "#c50f1f",
  warning: "#da7b00",
  info: "#0f6cbd",
};

const useStyles = makeStyles({
  scroller: {
    position: "relative",
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    outlineStyle: "none",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 3,
    display: "flex",
    height: `${HEADER_PX}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  letter: {
    flexShrink: 0,
    boxSizing: "border-box",
    textAlign: "center",
    lineHeight: `${HEADER_PX - 1}px`,
    color: tokens.colorNeutralForeground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  letterResult: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  /** 核查结果 stays in view at the right edge while the table scrolls under it. */
  pinned: { position: "sticky", right: 0, zIndex: 1, boxShadow: `-3px 0 4px -2px rgba(0, 0, 0, 0.18)`, borderLeft: `1px solid ${tokens.colorNeutralStroke1}` },
  corner: { position: "sticky", left: 0, zIndex: 4, backgroundColor: tokens.colorNeutralBackground3 },
  row: { position: "absolute", left: 0, display: "flex", height: `${ROW_PX}px` },
  gutter: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    flexShrink: 0,
    boxSizing: "border-box",
    width: `${GUTTER_PX}px`,
    height: `${ROW_PX}px`,
    lineHeight: `${ROW_PX - 1}px`,
    textAlign: "right",
    paddingRight: "6px",
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: "4px solid transparent",
  },
  cell: {
    position: "relative",
    flexShrink: 0,
    boxSizing: "border-box",
    display: "flex",
    alignItems: "center",
    padding: "0 6px",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "cell",
    overflow: "hidden",
  },
  text: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 },
  wrap: { whiteSpace: "normal", overflow: "hidden", lineHeight: "18px", maxHeight: "100%" },
  spacer: { flexShrink: 0, cursor: "cell" },
  number: { justifyContent: "flex-end" },
  header_: { backgroundColor: "#eef2f8", fontWeight: tokens.fontWeightSemibold, justifyContent: "center", textAlign: "center" },
  total: { fontWeight: tokens.fontWeightSemibold, backgroundColor: "#f7f7f7" },
  result: { color: tokens.colorNeutralForeground1 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", zIndex: 1 },
  marker: {
    position: "absolute",
    top: 0,
    right: 0,
    width: "9px",
    height: "9px",
  },
});

export interface GridFocus {
  address: string;
  row: number;
  col: number;
  /** Changes on every request, so that the same cell can be scrolled to twice. */
  nonce: number;
}

export interface SheetGridProps {
  view: SheetView;
  label: string;
  selected?: { row: number; col: number };
  focus?: GridFocus;
  onSelect(row: number, col: number): void;
}

function isNumberLike(cell: ViewCell): boolean {
  return /^-?[\d,.]+%?$/.test(cell.text);
}

export function SheetGrid({ view, label, selected, focus, onSelect }: SheetGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  /** Scrolls so that a cell is in view (not under the header, nor under the pinned 核查结果 column). */
  const reveal = (row: number, col: number) => {
    const el = scroller.current;
    if (!el) return;
    const top = HEADER_PX + (row - 1) * ROW_PX;
    if (top < el.scrollTop + HEADER_PX || top + ROW_PX > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    }
    const left = view.columnLeft(col);
    const right = left + (view.widths[col - 1] ?? 0);
    // The pinned 核查结果 column covers the right edge of the view.
    const covered = col < view.resultColumn ? (view.widths[view.resultColumn - 1] ?? 0) : 0;
    if (left < el.scrollLeft || GUTTER_PX + right > el.scrollLeft + el.clientWidth - covered) {
      el.scrollLeft = Math.max(0, left - 40);
    }
    setScrollTop(el.scrollTop);
  };

  useEffect(() => {
    if (focus) reveal(focus.row, focus.col);
  }, [focus, view]);

  /** Arrow keys, Home/End and Page Up/Down move the selection, as in Excel. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = selected ?? { row: 1, col: 1 };
    const page = Math.max(1, Math.floor(height / ROW_PX) - 1);
    const moves: Record<string, { row: number; col: number }> = {
      ArrowUp: { row: at.row - 1, col: at.col },
      ArrowDown: { row: at.row + 1, col: at.col },
      ArrowLeft: { row: at.row, col: at.col - 1 },
      ArrowRight: { row: at.row, col: at.col + 1 },
      PageUp: { row: at.row - page, col: at.col },
      PageDown: { row: at.row + page, col: at.col },
      Home: { row: e.ctrlKey ? 1 : at.row, col: 1 },
      End: { row: e.ctrlKey ? view.rowCount : at.row, col: view.colCount },
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    const row = Math.min(view.rowCount, Math.max(1, to.row));
    const col = Math.min(view.colCount, Math.max(1, to.col));
    const master = view.cell(row, col)?.coveredBy;
    onSelect(master?.row ?? row, master?.col ?? col);
    reveal(row, col);
  };

  const lefts = useMemo(() => view.widths.map((_, i) => view.columnLeft(i + 1)), [view]);
  const totalWidth = GUTTER_PX + view.totalWidth;

  const firstVisible = Math.max(1, Math.floor((scrollTop - HEADER_PX) / ROW_PX) + 1 - OVERSCAN);
  const lastVisible = Math.min(view.rowCount, Math.ceil((scrollTop + height) / ROW_PX) + OVERSCAN);
  let first = firstVisible;
  for (const m of view.merges) {
    if (m.top < first && m.bottom >= firstVisible && firstVisible - m.top <= MAX_MERGE_REACH) first = m.top;
  }

  const rows = [];
  for (let r = first; r <= lastVisible; r++) {
    const severity = view.rowSeverity.get(r);
    const cells = [];
    for (let c = 1; c <= view.colCount; c++) {
      const cell = view.cell(r, c);
      const width = view.widths[c - 1];
      if (cell?.coveredBy) {
        // The top row of a merged area: its top-left cell already spans these columns.
        if (cell.coveredBy.row === r) continue;
        const master = cell.coveredBy;
        cells.push(<div key={c} className={styles.spacer} style={{ width }} onClick={() => onSelect(master.row, master.col)} />);
        continue;
      }
      const span = cell?.span;
      const style: CSSProperties = { width: span ? lefts[c - 1 + span.cols - 1] - lefts[c - 1] + view.widths[c - 1 + span.cols - 1] : width };
      if (span && span.rows > 1) style.height = span.rows * ROW_PX;
      if (cell?.fill) style.backgroundColor = `#${cell.fill}`;
      const isSelected = selected?.row === r && selected.col === c;
      const address = view.address(r, c);
      const findings = cell?.severity ? view.findingsAt(address) : [];
      const title = [cell?.full, ...findings.map((f) => `${f.code}: ${f.message.zh}`)].filter(Boolean).join("\n");
      cells.push(
        <div
          key={c}
          id={`cell-${address}`}
          role="gridcell"
          aria-colindex={c + 1}
          aria-selected={isSelected}
          data-address={address}
          data-fill={cell?.fill}
          data-severity={cell?.severity}
          title={title || undefined}
          className={mergeClasses(
            styles.cell,
            cell && isNumberLike(cell) && styles.number,
            cell?.kind === "header" && styles.header_,
            cell?.kind === "total" && styles.total,
            cell?.kind === "result" && styles.result,
            c === view.resultColumn && styles.pinned,
            isSelected && styles.selected,
          )}
          style={style}
          onClick={() => onSelect(r, c)}
        >
          {cell?.text && <span className={span && span.rows > 1 ? styles.wrap : styles.text}>{span && span.rows > 1 ? cell.full : cell.text}</span>}
          {cell?.severity && <span className={styles.marker} style={{ backgroundImage: `linear-gradient(225deg, ${SEVERITY_COLORS[cell.severity]} 50%, transparent 50%)` }} aria-hidden />}
        </div>,
      );
    }
    rows.push(
      <div key={r} role="row" aria-rowindex={r + 1} className={styles.row} style={{ top: HEADER_PX + (r - 1) * ROW_PX, width: totalWidth }}>
        <div role="rowheader" className={styles.gutter} style={severity ? { borderLeftColor: SEVERITY_COLORS[severity] } : undefined}>
          {r}
        </div>
        {cells}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label={label}
      aria-rowcount={view.rowCount + 1}
      aria-colcount={view.colCount + 1}
      tabIndex={0}
      data-testid="sheet-grid"
      aria-activedescendant={selected ? `cell-${view.address(selected.row, selected.col)}` : undefined}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div style={{ position: "relative", width: totalWidth, height: HEADER_PX + view.rowCount * ROW_PX }}>
        <div className={styles.header} style={{ width: totalWidth }} role="row" aria-rowindex={1}>
          <div className={mergeClasses(styles.letter, styles.corner)} style={{ width: GUTTER_PX }} />
          {view.widths.map((w, i) => (
            <div key={i} role="columnheader" className={mergeClasses(styles.letter, i + 1 === view.resultColumn && styles.letterResult, i + 1 === view.resultColumn && styles.pinned)} style={{ width: w }}>
              {columnLetter(i + 1)}
            </div>
          ))}
        </div>
        {rows}
      </div>
    </div>
  );
}
