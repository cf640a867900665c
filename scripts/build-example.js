#!/usr/bin/env node
/**
 * Builds assets/example/rugao-2020.xlsx from the transcription in rugao-2020.json:
 * the whole seed form. Sheet 自评价表: the narrative as published (title, 填报单位, then
 * each section's label in column A merged down beside its paragraphs in column B, one
 * paragraph a row: 部门概况 with 部门收支基本情况, 评价情况, 主要绩效, 存在问题, 有关建议).
 * Sheet 指标表: the indicator table laid out as published (title, 填报单位, two-row
 * header with 评价指标 merged over the level columns, merged level cells, 总分 row, grade).
 * Run: node scripts/build-example.js
 */
"use strict";
const path = require("path");
const ExcelJS = require("exceljs");

const data = require("../assets/example/rugao-2020.json");
const out = path.join(__dirname, "..", "assets", "example", "rugao-2020.xlsx");

async function main() {
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2021, 2, 31));
  wb.creator = "scorecheck";
  wb.created = fixed;
  wb.modified = fixed;
  addNarrativeSheet(wb);
  const ws = wb.addWorksheet("指标表", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 10 }, { width: 34 }, { width: 30 }, { width: 22 }, { width: 16 }, { width: 8 }, { width: 8 }];
  const border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
  const center = { vertical: "middle", horizontal: "center", wrapText: true };
  const wrapLeft = { vertical: "middle", horizontal: "left", wrapText: true };

  ws.getCell("A1").value = data.title;
  ws.mergeCells("A1:G1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ws.getCell("A2").value = `填报单位：${data.unit}`;
  ws.mergeCells("A2:G2");

  ws.getCell("A3").value = "评价指标";
  ws.mergeCells("A3:B3");
  ws.getCell("A4").value = "一级指标";
  ws.getCell("B4").value = "二级指标";
  const merged = [["C", "三级指标"], ["D", "目标值"], ["E", "完成情况"], ["F", "权重"], ["G", "得分"]];
  for (const [col, text] of merged) {
    ws.getCell(`${col}3`).value = text;
    ws.mergeCells(`${col}3:${col}4`);
  }
  for (const r of [3, 4]) for (let c = 1; c <= 7; c++) {
    const cell = ws.getCell(r, c);
    cell.font = { bold: true };
    cell.alignment = center;
    cell.border = border;
  }

  let row = 5;
  const level1Start = {};
  for (const g of data.groups) {
    const start = row;
    for (const [indicator, target, actual, weight, score] of g.rows) {
      ws.getCell(row, 3).value = indicator;
      ws.getCell(row, 4).value = target;
      ws.getCell(row, 5).value = actual;
      ws.getCell(row, 6).value = weight;
      ws.getCell(row, 7).value = score;
      row++;
    }
    ws.getCell(start, 2).value = g.level2;
    if (row - 1 > start) ws.mergeCells(start, 2, row - 1, 2);
    if (!(g.level1 in level1Start)) {
      level1Start[g.level1] = start;
      ws.getCell(start, 1).value = g.level1;
    }
    level1Start[g.level1 + "#end"] = row - 1;
  }
  for (const l1 of new Set(data.groups.map((g) => g.level1))) {
    const a = level1Start[l1];
    const b = level1Start[l1 + "#end"];
    if (b > a) ws.mergeCells(a, 1, b, 1);
  }
  const lastRow = row - 1;
  for (let r = 5; r <= lastRow; r++) for (let c = 1; c <= 7; c++) {
    const cell = ws.getCell(r, c);
    cell.border = border;
    cell.alignment = c <= 3 ? wrapLeft : center;
  }

  const total = row;
  ws.getCell(total, 1).value = "总分";
  ws.mergeCells(total, 1, total, 5);
  ws.getCell(total, 6).value = 100;
  ws.getCell(total, 7).value = 98;
  const gradeRow = total + 1;
  ws.getCell(gradeRow, 1).value = "评价等级";
  ws.mergeCells(gradeRow, 1, gradeRow, 5);
  ws.getCell(gradeRow, 6).value = data.grade;
  ws.mergeCells(gradeRow, 6, gradeRow, 7);
  for (const r of [total, gradeRow]) for (let c = 1; c <= 7; c++) {
    const cell = ws.getCell(r, c);
    cell.border = border;
    cell.font = { bold: true };
    cell.alignment = center;
  }
  ws.views = [{ state: "frozen", ySplit: 4 }];
  ws.pageSetup.printTitlesRow = "3:4";

  await wb.xlsx.writeFile(out);
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}: ${lastRow - 4} indicators, rows 5–${lastRow}, 总分 row ${total}\n`);
}

function addNarrativeSheet(wb) {
  const ws = wb.addWorksheet("自评价表", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 16 }, { width: 100 }];
  const border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
  ws.getCell("A1").value = data.formTitle;
  ws.mergeCells("A1:B1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ws.getCell("A2").value = `填报单位：${data.unit}`;
  ws.mergeCells("A2:B2");
  let row = 3;
  for (const section of data.narrative) {
    const start = row;
    ws.getCell(start, 1).value = section.label;
    for (const paragraph of section.paragraphs) {
      const cell = ws.getCell(row, 2);
      cell.value = paragraph;
      cell.alignment = { vertical: "top", horizontal: "left", wrapText: true };
      // About 50 characters a line at this width, 15 points a line.
      ws.getRow(row).height = Math.max(18, Math.ceil(paragraph.length / 50) * 15);
      row++;
    }
    if (row - 1 > start) ws.mergeCells(start, 1, row - 1, 1);
    ws.getCell(start, 1).alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    ws.getCell(start, 1).font = { bold: true };
  }
  for (let r = 3; r < row; r++) for (let c = 1; c <= 2; c++) ws.getCell(r, c).border = border;
  return ws;
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
