import { NATIONAL_PROFILE, gradeOf, readGrade } from "../../src/core/profile";

describe("readGrade reads a stated grade with any label locate accepts", () => {
  test.each([
    ["优秀", "优"],
    ["等级：良好", "良"],
    ["评价等级:中等", "中"],
    ["自评等级：优", "优"],
    ["绩效等级：合格", "中"],
    ["评价等次：较差", "差"],
    ["评价结论：“优秀”", "优"],
  ])("%s → %s", (text, grade) => {
    expect(readGrade(text)).toBe(grade);
  });

  test.each(["", "总分", "自评等级：", "优良率", "等级：待定"])("%s is not a grade", (text) => {
    expect(readGrade(text)).toBeUndefined();
  });
});

test("gradeOf follows the national thresholds at their edges", () => {
  expect([90, 89.99, 80, 79.99, 60, 59.99].map((s) => gradeOf(s, NATIONAL_PROFILE))).toEqual(["优", "良", "良", "中", "中", "差"]);
});
