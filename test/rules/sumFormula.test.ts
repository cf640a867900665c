import { summedRefs } from "../../src/core/rules/sumFormula";

describe("summedRefs", () => {
  test.each([
    ["=SUM(F5:F51)", [{ top: 5, bottom: 51, left: 6, right: 6 }]],
    ["=SUM($F$5:$F$51,F3)", [{ top: 5, bottom: 51 }, { top: 3, bottom: 3 }]],
    ["=F5+F6", [{ top: 5 }, { top: 6 }]],
    ["=SUM(F5:F20)+SUM(F22:F30)+F3", [{ top: 5 }, { top: 22 }, { top: 3 }]],
    ["=SUM('表 1'!F5:F9)", [{ top: 5, sheet: "表 1" }]],
  ])("%s is a sum", (formula, want) => {
    const got = summedRefs(formula);
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(got![i]).toMatchObject(w));
  });

  test.each(["=F5-F6", "=ROUND(SUM(F5:F9),1)", "=SUM(F5:F9)*2", "=100", "=SUMIF(F5:F9,\">0\")", "=AVERAGE(F5:F9)"])(
    "%s is not a plain sum",
    (formula) => expect(summedRefs(formula)).toBeUndefined(),
  );
});
