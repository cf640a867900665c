/** Config samples shared by the validator's tests and the schema's. */

/** Every invalid config, the path of its problem, and a word of the message in each language. */
export const INVALID_CONFIGS: [string, unknown, string][] = [
  ["not an object", [1, 2], ""],
  ["unknown key", { gardes: [] }, "gardes"],
  ["unknown preset", { extends: "shanghai" }, "extends"],
  ["name not a text", { name: 3 }, "name"],
  ["grades not an array", { grades: "优良中差" }, "grades"],
  ["one grade only", { grades: [{ name: "优" }] }, "grades"],
  ["grade without a name", { grades: [{ min: 90 }, { name: "差" }] }, "grades[0].name"],
  ["grade min a text", { grades: [{ name: "优", min: "90" }, { name: "差" }] }, "grades[0].min"],
  ["unknown key in a grade", { grades: [{ name: "优", min: 90, max: 100 }, { name: "差" }] }, "grades[0].max"],
  ["thresholds out of order", { grades: [{ name: "优", min: 80 }, { name: "良", min: 90 }, { name: "差" }] }, "grades[1].min"],
  ["equal thresholds", { grades: [{ name: "优", min: 90 }, { name: "良", min: 90 }, { name: "差" }] }, "grades[1].min"],
  ["a grade before the last without min", { grades: [{ name: "优" }, { name: "差" }] }, "grades[0].min"],
  ["the last grade with a min", { grades: [{ name: "优", min: 90 }, { name: "差", min: 0 }] }, "grades[1].min"],
  ["a grade name twice", { grades: [{ name: "优", min: 90 }, { name: "优" }] }, "grades[1].name"],
  ["bands missing one", { qualitativeBands: { met: [0.8, 1], partial: [0.6, 0.8] } }, "qualitativeBands.unmet"],
  ["band not a pair", { qualitativeBands: { met: [0.8], partial: [0.6, 0.8], unmet: [0, 0.6] } }, "qualitativeBands.met"],
  ["band above 1", { qualitativeBands: { met: [0.8, 1.2], partial: [0.6, 0.8], unmet: [0, 0.6] } }, "qualitativeBands.met[1]"],
  ["band low above high", { qualitativeBands: { met: [1, 0.8], partial: [0.6, 0.8], unmet: [0, 0.6] } }, "qualitativeBands.met"],
  ["bands out of order", { qualitativeBands: { met: [0.8, 1], partial: [0.3, 0.8], unmet: [0, 0.6] } }, "qualitativeBands.partial[0]"],
  ["reverse formula unknown", { reverseFormula: "log" }, "reverseFormula"],
  ["total weight a text", { totalWeight: "100" }, "totalWeight"],
  ["total weight zero", { totalWeight: 0 }, "totalWeight"],
  ["tolerance negative", { tolerance: -0.1 }, "tolerance"],
  ["execution rate unknown key", { executionRate: { cap: true } }, "executionRate.cap"],
  ["execution rate full at 120 %", { executionRate: { fullScoreAt: 1.2 } }, "executionRate.fullScoreAt"],
  ["rules not an object", { rules: ["SCORE_MISSING"] }, "rules"],
  ["unknown code", { rules: { SCORE_TOO_HIGH: "off" } }, "rules.SCORE_TOO_HIGH"],
  ["unknown severity", { rules: { SCORE_MISSING: "fatal" } }, "rules.SCORE_MISSING"],
  ["severity as a number (ESLint's 0/1/2 is not taken)", { rules: { SCORE_MISSING: 0 } }, "rules.SCORE_MISSING"],
];

/** Valid configs: the shapes a finance bureau writes. */
export const VALID_CONFIGS: [string, unknown][] = [
  ["empty", {}],
  ["a preset only", { extends: "ratio" }],
  ["with $schema and a name", { $schema: "./schema/scorecheck.config.schema.json", name: "某市财政局 2025 年" }],
  ["grade names and thresholds", { grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }, { name: "不合格" }] }],
  ["every key", {
    extends: "national",
    name: "全部",
    grades: [{ name: "优", min: 95 }, { name: "良", min: 85 }, { name: "中", min: 60 }, { name: "差" }],
    qualitativeBands: { met: [0.9, 1], partial: [0.5, 0.9], unmet: [0, 0.5] },
    reverseFormula: "ratio",
    totalWeight: 100,
    tolerance: 0.5,
    proportionalGap: 1,
    executionRate: { fullScoreAt: 0.95 },
    rules: { SCORE_NOT_PROPORTIONAL: "off", DUPLICATE_INDICATOR: "error", VALUE_UNREADABLE: "info", TARGET_MISSING: "warning" },
  }],
];

/**
 * What JSON Schema cannot say (orders between values, which grade is last): the
 * validator refuses these, the schema lets them through. Named here so the schema
 * test knows them, and so that none is forgotten.
 */
export const BEYOND_SCHEMA = new Set([
  "thresholds out of order",
  "equal thresholds",
  "a grade before the last without min",
  "the last grade with a min",
  "a grade name twice",
  "band low above high",
  "bands out of order",
]);
