/** The code-page tables SheetJS's browser build needs for BIFF5-and-older text (GBK …); untyped as shipped. */
declare module "@e965/xlsx/dist/cpexcel.full.mjs" {
  const tables: Record<string, unknown>;
  export = tables;
}
