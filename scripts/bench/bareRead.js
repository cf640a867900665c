/**
 * The baseline of the CLI figures: a bare exceljs read of a file, nothing else.
 *   node scripts/bench/bareRead.js FILE stream    streaming WorkbookReader, every row and cell visited
 *                                                 (values, formulas, number formats: what a check needs)
 *   node scripts/bench/bareRead.js FILE readFile  workbook.xlsx.readFile (the whole workbook model)
 *   node scripts/bench/bareRead.js FILE snapshots the CLI's own read (build/xlsx/stream.js readSheets), no check:
 *                                                 what the check adds on top of reading
 *   node scripts/bench/bareRead.js FILE sheetjs   SheetJS's read of an .xls with the options the CLI's reader passes
 *                                                 (dense, formulas, number formats), every cell visited: the parser's bare read
 */
"use strict";
// exceljs only for its own modes: loading it costs a SheetJS read ~0.2 s it does not spend.
const excel = () => require("exceljs");

async function main() {
  const [file, mode] = process.argv.slice(2);
  let cells = 0;
  if (mode === "stream") {
    const reader = new (excel().stream.xlsx.WorkbookReader)(file, {
      worksheets: "emit",
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
    });
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        row.eachCell(() => {
          cells++;
        });
      }
    }
  } else if (mode === "readFile") {
    const workbook = new (excel().Workbook)();
    await workbook.xlsx.readFile(file);
    for (const ws of workbook.worksheets) ws.eachRow((row) => row.eachCell(() => cells++));
  } else if (mode === "sheetjs") {
    const XLSX = require("@e965/xlsx");
    const wb = XLSX.read(require("fs").readFileSync(file), { type: "buffer", ...require("./sheetjsOptions") });
    for (const name of wb.SheetNames) for (const row of wb.Sheets[name]["!data"] || []) if (row) for (const cell of row) if (cell) cells++;
  } else if (mode === "snapshots") {
    const { readSheets } = require("../../build/xlsx/stream");
    const sheets = await readSheets(require("fs").readFileSync(file));
    for (const s of sheets) for (const row of s.values) cells += row.length;
  } else {
    throw new Error(`mode must be stream, readFile, snapshots or sheetjs, not ${mode}`);
  }
  process.stdout.write(`${cells}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
