import type { CheckOptions } from "../core/types";
import { formatNumber } from "../core/rules/format";
import { expandInputs } from "./files";
import { checkFile, type FileOutcome } from "./checkFile";
import { resultJson } from "./json";
import { displayWidth, padEnd, padStart, painter, truncate, useColour } from "./text";
import type { CheckCliOptions } from "./index";

/** Checks many files: one line of JSON per file, or a table; exit 2 if any unreadable, else 1 if any error, else 0. */
export async function runBatch(inputs: string[], options: CheckOptions, o: CheckCliOptions): Promise<number> {
  const { files, missing } = expandInputs(inputs);
  const lang = o.lang;
  const outcomes: FileOutcome[] = [];
  for (const m of missing) {
    outcomes.push({ ok: false, file: m, code: "NOT_FOUND", message: { zh: "找不到文件", en: "No such file" } });
  }
  for (const file of files) {
    const outcome = await checkFile(file, options);
    if (o.json) {
      const line = outcome.ok
        ? resultJson(file, outcome.result, lang)
        : { file, error: lang === "en" ? outcome.message.en : outcome.message.zh, code: outcome.code };
      process.stdout.write(JSON.stringify(line) + "\n");
    }
    // Keep only what the summary needs: the workbook can be large.
    if (outcome.ok) outcomes.push({ ...outcome, loaded: { workbook: undefined as never, sheets: [] } });
    else outcomes.push(outcome);
  }
  if (!o.json) process.stdout.write(renderBatchTable(outcomes, lang, useColour(process.stdout)));
  if (outcomes.some((x) => !x.ok)) return 2;
  if (outcomes.some((x) => x.ok && x.result.findings.some((f) => f.severity === "error"))) return 1;
  return 0;
}

export function renderBatchTable(outcomes: FileOutcome[], lang: "zh" | "en", colour: boolean): string {
  const p = painter(colour);
  const zh = lang === "zh";
  const head = zh
    ? ["文件", "填报单位", "工作表", "权重合计", "得分合计", "填写总分", "等级", "填写等级", "错误", "警告", "结论"]
    : ["File", "Unit", "Sheet", "Σweight", "Σscore", "Stated", "Grade", "Stated", "Errors", "Warnings", "Outcome"];
  const rows: string[][] = outcomes.map((x) => {
    if (!x.ok) return [x.file, "", "", "", "", "", "", "", "", "", (zh ? "无法读取：" : "unreadable: ") + (zh ? x.message.zh : x.message.en)];
    const r = x.result;
    const errors = r.findings.filter((f) => f.severity === "error").length;
    const warnings = r.findings.filter((f) => f.severity === "warning").length;
    return [
      x.file,
      r.layout.unit ?? "",
      r.layout.sheet,
      formatNumber(r.totals.weight),
      formatNumber(r.totals.score),
      r.totals.statedScore === undefined ? "" : formatNumber(r.totals.statedScore),
      r.totals.grade,
      r.totals.statedGradeText ?? "",
      String(errors),
      String(warnings),
      errors ? (zh ? "有错误" : "errors") : zh ? "通过" : "ok",
    ];
  });
  const limits = [36, 18, 10, 8, 8, 8, 4, 8, 4, 4, 60];
  const widths = head.map((h, i) => Math.min(limits[i], Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i])))));
  const numeric = new Set([3, 4, 5, 8, 9]);
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric.has(i) ? padStart(truncate(c, widths[i]), widths[i]) : padEnd(truncate(c, widths[i]), widths[i]))).join("  ");
  const out = [p("bold", line(head))];
  rows.forEach((r, i) => {
    const x = outcomes[i];
    const text = line(r);
    out.push(!x.ok ? p("magenta", text) : x.result.findings.some((f) => f.severity === "error") ? p("red", text) : text);
  });
  const ok = outcomes.filter((x) => x.ok && !x.result.findings.some((f) => f.severity === "error")).length;
  const bad = outcomes.filter((x) => x.ok && x.result.findings.some((f) => f.severity === "error")).length;
  const unreadable = outcomes.filter((x) => !x.ok).length;
  out.push(
    zh
      ? `共 ${outcomes.length} 个文件：通过 ${ok}，有错误 ${bad}，无法读取 ${unreadable}`
      : `${outcomes.length} files: ${ok} ok, ${bad} with errors, ${unreadable} unreadable`,
  );
  return out.join("\n") + "\n";
}
