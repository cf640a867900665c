/**
 * Builds the benchmark's indicator tables: the official layout (title, 填报单位,
 * two-row header with 评价指标 merged over the level columns, merged level cells,
 * 偏差原因 column, 总分 row with SUM formulas, grade), rows drawn from the kinds
 * real forms hold (words, percents, counts, time limits, reverse rates, numeric
 * cells with a % format), and a fixed share of rows carrying the errors reviewers
 * meet. Seeded, so every run checks the same files.
 */
import { mergeLevelRuns } from "../../test/builders/levels";
import { seeded as random } from "../../test/builders/seeded";
import ExcelJS from "exceljs";

type Cell = string | number | null;

interface BenchRow {
  level1: string;
  level2: string;
  indicator: string;
  target: Cell;
  actual: Cell;
  weight: Cell;
  score: Cell;
  reason: Cell;
  percentFormat?: boolean;
}

/** Valid rows: [indicator, target, actual, weight, score, reason, percentFormat]. */
const VALID: [string, Cell, Cell, number, number, Cell, boolean?][] = [
  ["年度工作计划制定情况", "健全", "健全", 2, 2, null],
  ["财政供养人员控制率", "100%", "100%", 2, 2, null],
  ["支出预算执行率", "≥95%", "98.6%", 2, 2, null],
  ["定期开展规范性文件清理工作", "≥2 次", "≥2次", 2, 2, null],
  ["推广应用企业开办“全链通”平台，推进“不见面”全程电子化服务", "办件量大于 30000 件", "办件量大于 32000件", 2, 2, null],
  ["规划审查许可行政诉讼占行政许可总数比重", "小于 5%", "小于 5%", 2, 2, null],
  ["施工许可证发放时效法定规定 7 个工作日内", "3 个工作日内完成", "3个工作日内完成", 2, 2, null],
  ["出台深化“放管服”改革工作要点", "根据文件落实全年工作", "完成", 2, 2, null],
  ["群众投诉率", "≤1%", "0.4%", 2, 2, null],
  ["资金到位率", 0.95, 0.985, 3, 3, null, true],
  ["培训人次", "≥200人次", "236人次", 3, 3, null],
  ["档案管理规范性", "规范", "规范", 2, 2, null],
  ["信息化建设情况", "完善", "基本完善", 2, 1.5, "系统二期尚在招标，明年一季度完成"],
  ["服务对象满意度", "≥90%", "86%", 5, 4.78, "窗口高峰期等候时间较长，已增设自助终端"],
  ["业务学习与培训完成率", "95%", "９５％", 2, 2, null],
  ["负责政务服务系统的管理与维护\n以及电子政务内外网的业务衔接", "100%完成", "90%完成", 3, 2.7, "部分终端老化，已列入下年度更新计划"],
];

/** Rows that carry one finding each; about one row in sixteen. */
const FAULTY: [string, Cell, Cell, Cell, Cell, Cell][] = [
  ["固定资产利用率", "95%", "96%", 2, 2.5, null], // SCORE_EXCEEDS_WEIGHT
  ["信息公开情况", "公开", "公开", 2, null, null], // SCORE_MISSING
  ["部门创新情况", "有创新", "有创新", 2, "待定", null], // NOT_A_NUMBER
  ["重点工作管理制度健全性", "健全", "未完成", 2, 2, "人员调整，下半年补齐"], // UNMET_FULL_SCORE
  ["政府采购规范性", "规范", "规范", 2, 1.5, null], // MET_BUT_DEDUCTED
  ["专款专用率", null, "100%", 2, 2, null], // TARGET_MISSING
  ["市政务服务大厅标准化建设工作", "通过省级验收", "未通过", 3, 1, null], // DEVIATION_REASON_MISSING
  ["办件按时办结率", "≥98%", "91%", 2, 2, null], // UNMET_FULL_SCORE (quantitative)
];

const GROUPS: [string, string][] = [
  ["产出指标", "数量指标"],
  ["产出指标", "质量指标"],
  ["产出指标", "时效指标"],
  ["产出指标", "成本指标"],
  ["效益指标", "社会效益指标"],
  ["效益指标", "可持续影响指标"],
  ["满意度指标", "服务对象满意度指标"],
];


export const ERROR_SHARE = 1 / 16;

export function benchRows(n: number, seed = 20200101): BenchRow[] {
  const rand = random(seed + n);
  const rows: BenchRow[] = [];
  let group = 0;
  let left = 0;
  for (let i = 0; i < n; i++) {
    if (left === 0) {
      group = (group + 1) % GROUPS.length;
      left = 3 + Math.floor(rand() * 10);
    }
    left--;
    const [level1, level2] = GROUPS[group];
    const block = Math.floor(i / 50) + 1; // one department's table every 50 rows
    const faulty = rand() < ERROR_SHARE;
    if (faulty) {
      const [name, target, actual, weight, score, reason] = FAULTY[Math.floor(rand() * FAULTY.length)];
      rows.push({ level1, level2, indicator: `${name}（${block}-${i + 1}）`, target, actual, weight, score, reason });
    } else {
      const [name, target, actual, weight, score, reason, percentFormat] = VALID[Math.floor(rand() * VALID.length)];
      rows.push({ level1, level2, indicator: `${name}（${block}-${i + 1}）`, target, actual, weight, score, reason, percentFormat });
    }
  }
  return rows;
}

function num(c: Cell): number {
  return typeof c === "number" ? c : 0;
}

/** The workbook of `n` indicator rows. */
export function benchWorkbook(n: number): ExcelJS.Workbook {
  const rows = benchRows(n);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标表");
  ws.columns = [{ width: 10 }, { width: 14 }, { width: 34 }, { width: 18 }, { width: 16 }, { width: 8 }, { width: 8 }, { width: 30 }];
  const lastCol = 8;
  ws.getCell(1, 1).value = `全市 2020 年部门整体支出绩效自评价汇总表（${n} 项指标）`;
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getCell(2, 1).value = "填报单位：全市汇总";
  // Two-row header: 评价指标 over 一级指标/二级指标, the others merged down.
  ws.getCell(3, 1).value = "评价指标";
  ws.mergeCells(3, 1, 3, 2);
  ws.getCell(4, 1).value = "一级指标";
  ws.getCell(4, 2).value = "二级指标";
  ["三级指标", "年度指标值", "全年实际完成值", "权重（分）", "自评得分", "偏差原因分析及改进措施"].forEach((h, i) => {
    ws.getCell(3, 3 + i).value = h;
    ws.mergeCells(3, 3 + i, 4, 3 + i);
  });
  const first = 5;
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    const row = ws.getRow(first + i);
    if (!prev || prev.level1 !== r.level1) row.getCell(1).value = r.level1;
    if (!prev || prev.level1 !== r.level1 || prev.level2 !== r.level2) row.getCell(2).value = r.level2;
    row.getCell(3).value = r.indicator;
    row.getCell(4).value = r.target;
    row.getCell(5).value = r.actual;
    row.getCell(6).value = r.weight;
    row.getCell(7).value = r.score;
    if (r.reason !== null) row.getCell(8).value = r.reason;
    if (r.percentFormat) {
      row.getCell(4).numFmt = "0.0%";
      row.getCell(5).numFmt = "0.0%";
    }
  });
  const last = first + rows.length - 1;
  mergeLevelRuns(ws, first, rows, { level1: 1, level2: 2 });
  const total = last + 1;
  ws.getCell(total, 1).value = "总分";
  ws.mergeCells(total, 1, total, 5);
  const sumW = rows.reduce((s, r) => s + num(r.weight), 0);
  const sumS = rows.reduce((s, r) => s + num(r.score), 0);
  ws.getCell(total, 6).value = { formula: `SUM(F${first}:F${last})`, result: sumW };
  ws.getCell(total, 7).value = { formula: `SUM(G${first}:G${last})`, result: Math.round(sumS * 100) / 100 };
  ws.getCell(total, 8).value = "等级：优秀";
  return wb;
}

/** Writes the `n`-row table to `file`. */
export async function writeBenchWorkbook(n: number, file: string): Promise<void> {
  await benchWorkbook(n).xlsx.writeFile(file);
}
