/** The few lines the ribbon's 一键核分 shows when it is done (host-agnostic, tested). */
import { formatNumber } from "../core/rules/format";
import type { CheckRun } from "../taskpane/runCheck";
import type { Lang } from "../taskpane/i18n";

export interface CommandSummary {
  title: string;
  lines: string[];
  /** The first error's (else warning's) cell, to select. */
  firstCell?: { sheet: string; address: string };
}

export function summarize(run: CheckRun, lang: Lang): CommandSummary {
  const en = lang === "en";
  if (run.kind === "noTable") {
    return {
      title: en ? "No indicator table found" : "未找到绩效指标表",
      lines: [
        en ? run.error.message.en : run.error.message.zh,
        en
          ? "Open Score checker (Home tab) for what is looked for, or insert a template."
          : "请打开“核分助手”查看需要的表头，或插入模板。",
      ],
    };
  }
  const { result, canWrite, written } = run;
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const errors = count("error");
  const warnings = count("warning");
  const infos = count("info");
  const t = result.totals;
  const lines = [
    !t.scored
      ? en
        ? `Total weight ${formatNumber(t.weight)}; not scored yet (no row carries a score), so no grade.`
        : `权重合计 ${formatNumber(t.weight)}；尚未评分（各行均未填写得分），不评等级。`
      : en
        ? `Total weight ${formatNumber(t.weight)}, total score ${formatNumber(t.score)}, grade ${t.grade}.`
        : `权重合计 ${formatNumber(t.weight)}，得分合计 ${formatNumber(t.score)}，等级 ${t.grade}。`,
    errors + warnings + infos === 0
      ? en
        ? "No problems found."
        : "未发现问题。"
      : en
        ? `${errors} error(s), ${warnings} warning(s), ${infos} note(s).`
        : `错误 ${errors} 项，警告 ${warnings} 项，提示 ${infos} 项。`,
    !canWrite
      ? en
        ? "The sheet is protected: nothing was written."
        : "工作表受保护，未写入标记。"
      : written
        ? en
          ? "Problems are flagged in the cells and the 核查结果 column; Clear marks in Score checker restores the sheet."
          : "问题已在单元格和“核查结果”列中标出；可在“核分助手”中点“清除标记”恢复。"
        : "",
  ].filter(Boolean);
  const first = result.findings.find((f) => f.severity === "error" && f.cell) ?? result.findings.find((f) => f.severity === "warning" && f.cell);
  return {
    title: en ? "Score check done" : "核分完成",
    lines,
    firstCell: first?.cell ? { sheet: first.sheet ?? result.layout.sheet, address: first.cell } : undefined,
  };
}
