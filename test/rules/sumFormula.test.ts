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

describe("sameCellsSummed", () => {
  const { sameCellsSummed } = jest.requireActual("../../src/core/rules/sumFormula") as typeof import("../../src/core/rules/sumFormula");
  test.each([
    ["=SUM(F11:F31)+F5", "=SUM(F11:F31,F5)", true],
    ["=SUM(F5,F11:F31)", "=SUM(F11:F31,F5)", true],
    ["=F5+F6+F7", "=SUM(F5:F7)", true],
    ["=sum($F$5:$F$7)", "=SUM(F5:F7)", true],
    ["=SUM(F11:F30)+F5", "=SUM(F11:F31,F5)", false],
    ["=SUM(F11:F31)", "=SUM(F11:F31,F5)", false],
    ["=SUM(F11:F31)-F5", "=SUM(F11:F31,F5)", false],
    ["=SUM(表2!F11:F31)", "=SUM(F11:F31)", false],
    ["=SUM(G11:G31)", "=SUM(F11:F31)", false],
  ])("%s and %s: %s", (a, b, same) => {
    expect(sameCellsSummed(a, b)).toBe(same);
  });
});
