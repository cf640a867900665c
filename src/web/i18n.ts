/** Texts of the browser page beyond those it shares with the task pane. */
import type { Lang } from "./protocol";

export interface WebStrings {
  pageTitle: string;
  pageSubtitle: string;
  privacy: string;
  openFiles: string;
  openFolder: string;
  dropTitle: string;
  dropHint: string;
  dropBatchHint: string;
  dropActive: string;
  sheetLabel: string;
  sheetNoTable: string;
  /** The pane's steps, with the page's own buttons: the page reads every sheet, and offers 下载模板 rather than 插入模板. */
  noTableSteps: string[];
  recheck: string;
  downloadAnnotated: string;
  downloadTemplate: string;
  templateDepartment: string;
  templateProject: string;
  stage: { read: string; parse: string; check: string; write: string; render: string; clear: string };
  openFailed: (file: string) => string;
  noXlsxInDrop: string;
  annotatedName: (base: string) => string;
  templateName: (kind: string) => string;
  summaryName: string;
  openedFile: (file: string, sheet: string) => string;
  withReport: (report: string) => string;
  moreFindings: (n: number) => string;
  gridLabel: (sheet: string) => string;
  detailEmpty: string;
  formulaLabel: string;
  noteLabel: string;
  batchHeading: (n: number) => string;
  batchProgress: (done: number, total: number, file: string) => string;
  batchDone: (total: number, ok: number, errors: number, failed: number) => string;
  batchSkipped: (files: string) => string;
  downloadSummary: string;
  openInView: string;
  backToBatch: string;
  annotatedHint: string;
  earlierMarksTitle: string;
  earlierMarks: (cells: number) => string;
  /** The same, when no table was found: nothing was checked, and only 清除标记 makes a download. */
  earlierMarksNoTable: (cells: number) => string;
  downloadUnmarked: string;
  unmarkedName: (base: string) => string;
  unmarkedHint: string;
  afterClear: string;
  afterClearNoTable: string;
  gridLabelUnmarked: (sheet: string) => string;
}

/** "表-核查" → "表": the name the user's file had before an earlier check named its copy. */
function withoutCheckedSuffix(base: string): string {
  return base.replace(/-(核查|checked)$/, "") || base;
}

const zh: WebStrings = {
  pageTitle: "绩效自评表核分",
  pageSubtitle: "网页版 · 无需安装",
  privacy: "文件只在本机浏览器中处理，不会上传到任何地方；原文件不会被修改。",
  openFiles: "打开文件",
  openFolder: "打开文件夹",
  dropTitle: "打开绩效自评表（.xlsx / .xls / .et / .ods）",
  dropHint: "把工作簿文件拖到这里，或点“打开文件”；可同时放入自评报告（.docx 或 .txt），一并核对其中的数字。标注文件总是下载为 .xlsx。",
  dropBatchHint: "一次选择多个文件或拖入整个文件夹，可批量核查并下载汇总表。",
  dropActive: "松开鼠标即可打开",
  sheetLabel: "工作表",
  sheetNoTable: "（未找到指标表）",
  noTableSteps: [
    "确认打开的是填好指标表的文件：页面已查看了其中每一个工作表。",
    "确认表头文字在同一行（或上下两行合并），没有被写成图片或文本框。",
    "没有现成表格时，点“下载模板”得到一张标准的自评表。",
  ],
  recheck: "检查评分",
  downloadAnnotated: "下载标注文件",
  downloadTemplate: "下载模板",
  templateDepartment: "部门整体支出",
  templateProject: "项目支出",
  stage: { read: "正在读取文件…", parse: "正在解析工作簿…", check: "正在核分…", write: "正在生成标注…", render: "正在显示…", clear: "正在清除标记…" },
  openFailed: (file) => `无法打开“${file}”`,
  noXlsxInDrop: "拖入的内容中没有工作簿文件（.xlsx / .xls / .et / .ods）。",
  annotatedName: (base) => `${base}-核查.xlsx`,
  templateName: (kind) => `绩效自评表模板_${kind}.xlsx`,
  summaryName: "绩效自评表核查汇总.xlsx",
  openedFile: (file, sheet) => `${file} · 工作表“${sheet}”`,
  withReport: (report) => ` · 报告 ${report}`,
  moreFindings: (n) => `另有 ${n} 项问题未列出，请下载标注文件查看。`,
  gridLabel: (sheet) => `工作表“${sheet}”（含核查结果列）`,
  detailEmpty: "点击表格中的单元格或左侧的问题，可在这里查看完整内容。",
  formulaLabel: "公式",
  noteLabel: "批注",
  batchHeading: (n) => `批量核查（${n} 个文件）`,
  batchProgress: (done, total, file) => `正在核查 ${done}/${total}：${file}`,
  batchDone: (total, ok, errors, failed) => `共 ${total} 个文件：${ok} 个通过，${errors} 个有错误，${failed} 个无法检查。`,
  batchSkipped: (files) => `已跳过以前生成的汇总表：${files}`,
  downloadSummary: "下载汇总表",
  openInView: "查看",
  backToBatch: "返回批量结果",
  annotatedHint: "标注文件是原文件的副本：加了“核查结果”列，并用底色标出有问题的单元格。",
  earlierMarksTitle: "此文件带有以前核查的标记",
  earlierMarks: (n) =>
    `有 ${n} 个单元格带着以前核分留下的标记（底色、批注、核查结果列等）。本次核查把这些标记放在一边，按填报的原始数据核分；下载标注文件时，旧标记换成本次核查的标记。点“清除标记”可得到不带任何标记的文件。`,
  earlierMarksNoTable: (n) =>
    `有 ${n} 个单元格带着以前核分留下的标记（底色、批注、核查结果列等）。这次没有找到指标表，未核分；点“清除标记”可去掉这些标记，再下载不带任何标记的文件。`,
  downloadUnmarked: "下载无标记文件",
  unmarkedName: (base) => `${withoutCheckedSuffix(base)}-无标记.xlsx`,
  unmarkedHint: "标记已清除：下载的是原文件的数据，不带任何核查标记。",
  afterClear: "现在下载的是原文件的数据，不带任何核查标记；点“检查评分”可重新标注。",
  afterClearNoTable: "现在下载的是原文件的数据，不带任何核查标记。",
  gridLabelUnmarked: (sheet) => `工作表“${sheet}”（标记已清除）`,
};

const en: WebStrings = {
  pageTitle: "Self-evaluation score checker",
  pageSubtitle: "Web page · nothing to install",
  privacy: "Files are processed in this browser only and never uploaded; the original file is never changed.",
  openFiles: "Open files",
  openFolder: "Open folder",
  dropTitle: "Open a self-evaluation table (.xlsx / .xls / .et / .ods)",
  dropHint: "Drop workbook files here, or click Open files; drop a report (.docx or .txt) with a workbook to check its figures too. The annotated copy always downloads as .xlsx.",
  dropBatchHint: "Choose several files or drop a whole folder to check them in one go and download a summary.",
  dropActive: "Release to open",
  sheetLabel: "Sheet",
  sheetNoTable: " (no indicator table)",
  noTableSteps: [
    "Make sure this is the workbook with the filled-in indicator table: the page looked at every sheet in it.",
    "Make sure the header texts are in one row (or two merged rows), not in a picture or text box.",
    "With no table at hand, use Download template for a blank standard table.",
  ],
  recheck: "Check scores",
  downloadAnnotated: "Download annotated copy",
  downloadTemplate: "Download template",
  templateDepartment: "Department spending",
  templateProject: "Project spending",
  stage: { read: "Reading the file…", parse: "Parsing the workbook…", check: "Checking…", write: "Marking the copy…", render: "Showing…", clear: "Clearing the marks…" },
  openFailed: (file) => `Cannot open “${file}”`,
  noXlsxInDrop: "There is no workbook file (.xlsx / .xls / .et / .ods) in what was dropped.",
  annotatedName: (base) => `${base}-checked.xlsx`,
  templateName: (kind) => `self-evaluation-template_${kind}.xlsx`,
  summaryName: "self-evaluation-summary.xlsx",
  openedFile: (file, sheet) => `${file} · sheet “${sheet}”`,
  withReport: (report) => ` · report ${report}`,
  moreFindings: (n) => `${n} more problems are not listed; download the annotated copy to see them.`,
  gridLabel: (sheet) => `Sheet “${sheet}” (with the result column)`,
  detailEmpty: "Click a cell of the table, or a problem on the left, to see its full content here.",
  formulaLabel: "Formula",
  noteLabel: "Note",
  batchHeading: (n) => `Batch check (${n} files)`,
  batchProgress: (done, total, file) => `Checking ${done}/${total}: ${file}`,
  batchDone: (total, ok, errors, failed) => `${total} files: ${ok} passed, ${errors} with errors, ${failed} not checked.`,
  batchSkipped: (files) => `Summary workbooks of an earlier batch were left out: ${files}`,
  downloadSummary: "Download summary",
  openInView: "View",
  backToBatch: "Back to the batch",
  annotatedHint: "The annotated copy is a copy of the original with a result column and the problem cells filled.",
  earlierMarksTitle: "This file carries marks of an earlier check",
  earlierMarks: (n) =>
    `${n} cells carry marks an earlier check left (fills, notes, the result column…). This check set them aside and read the form's own data; the annotated copy you download carries this check's marks instead. Clear marks gives the file without any marks.`,
  earlierMarksNoTable: (n) =>
    `${n} cells carry marks an earlier check left (fills, notes, the result column…). No table was found this time, so nothing was checked; Clear marks takes those marks away, and the file can then be downloaded without them.`,
  downloadUnmarked: "Download without marks",
  unmarkedName: (base) => `${withoutCheckedSuffix(base)}-unmarked.xlsx`,
  unmarkedHint: "Marks cleared: the download is the file's own data, without any marks of a check.",
  afterClear: "The download is now the file's own data without any marks; Check scores marks it again.",
  afterClearNoTable: "The download is now the file's own data without any marks.",
  gridLabelUnmarked: (sheet) => `Sheet “${sheet}” (marks cleared)`,
};

export function webStringsFor(lang: Lang): WebStrings {
  return lang === "en" ? en : zh;
}
