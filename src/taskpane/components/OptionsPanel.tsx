import type { ReactNode } from "react";
import { Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneOptions } from "../options";
import type { Strings } from "../i18n";


const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    border: "none",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} 0 0`,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS} 0 0` },
});

export function OptionsPanel({
  options,
  onChange,
  t,
  disabled,
  children,
}: {
  options: PaneOptions;
  onChange(o: PaneOptions): void;
  t: Strings;
  disabled?: boolean;
  /** More options of the host's (the rules picker, where the host can store rules). */
  children?: ReactNode;
}) {
  const styles = useStyles();
  const toggle = (key: keyof PaneOptions) => (_: unknown, data: { checked: boolean | "mixed" }) => onChange({ ...options, [key]: data.checked === true });
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{t.optionsHeading}</legend>
      <Checkbox checked={options.writeFlags} onChange={toggle("writeFlags")} label={t.optionWriteFlags} disabled={disabled} />
      <Checkbox checked={options.fixTotals} onChange={toggle("fixTotals")} label={t.optionFixTotals} disabled={disabled} />
      <Checkbox checked={options.writeGrade} onChange={toggle("writeGrade")} label={t.optionWriteGrade} disabled={disabled} />
      {children}
    </fieldset>
  );
}
