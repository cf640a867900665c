/**
 * The options of the bare SheetJS read (bareRead.js sheetjs). They must be the reader's own
 * (src/xlsx/legacyRead.ts SHEETJS_READ_OPTIONS); xlsPhases.js stops when they differ. A file of
 * its own so that the bare read loads nothing of ours.
 */
"use strict";
module.exports = { dense: true, cellFormula: true, cellNF: true, cellDates: false, cellHTML: false, cellText: false, cellStyles: false };
