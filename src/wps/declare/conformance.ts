/**
 * Compile-time check (tsconfig.wps.json, `npm run typecheck`) that every ET member the host's
 * narrow adapter (src/wps/et.ts) names exists in WPS's official declarations (npm
 * et-jsapi-declare, used unchanged as its licence requires). Kept out of the main program:
 * those declarations add globals (Application, wps, confirm).
 */
/// <reference types="et-jsapi-declare" />
import type * as Ours from "../et";


/** The members we name that the official type lacks: must be none. */
type Missing<Adapter, Official> = Exclude<keyof Adapter, keyof Official>;
type None<T extends never> = T;

export type Checked = [
  None<Missing<Ours.EtApplication, Et.Application>>,
  None<Missing<Ours.EtAddinApplication, WPSMergedRoot>>,
  None<Missing<Ours.EtWorkbook, Et.Workbook>>,
  None<Missing<Ours.EtSheets, Et.Sheets>>,
  None<Missing<Ours.EtNames, Et.Names>>,
  None<Missing<Ours.EtName, Et.Name>>,
  None<Missing<Ours.EtWorksheet, Et.Worksheet>>,
  None<Missing<Ours.EtRange, Et.Range>>,
  None<Missing<Ours.EtCount, Et.Range>>,
  None<Missing<Ours.EtInterior, Et.Interior>>,
  None<Missing<Ours.EtFont, Et.Font>>,
  None<Missing<Ours.EtBorders, Et.Borders>>,
  None<Missing<Ours.EtComment, Et.Comment>>,
  None<Missing<Ours.EtComments, Et.Comments>>,
  None<Missing<Ours.EtTaskPane, WPS.CustomTaskpane>>,
  None<Missing<Ours.EtPluginStorage, WPS.PluginStorage>>,
];

/** The constants we use, against the official enumerations (a different value does not compile). */
export type Constants = [
  (typeof Ours)["XL_SHEET_VERY_HIDDEN"] extends Et.XlSheetVisibility.xlSheetVeryHidden ? true : never,
  (typeof Ours)["XL_SHEET_VISIBLE"] extends Et.XlSheetVisibility.xlSheetVisible ? true : never,
];
export const constantsAgree: Constants = [true, true];
