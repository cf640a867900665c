import * as fs from "fs";
import * as path from "path";
import { RULES, ruleByCode } from "../../src/core/rules";
import { DEFAULT_SEVERITIES } from "../../src/core/profile";

const RULES_DIR = path.join(__dirname, "../../src/core/rules");

describe("the rule registry", () => {
  test("registers every code of SPEC §4 exactly once", () => {
    expect(RULES.map((r) => r.code).sort()).toEqual(Object.keys(DEFAULT_SEVERITIES).sort());
  });

  test.each(RULES.map((r) => [r.code, r] as const))("%s lives in a file named after it, with a test", (code, rule) => {
    expect(fs.existsSync(path.join(RULES_DIR, `${code}.ts`))).toBe(true);
    expect(fs.existsSync(path.join(__dirname, `${code}.test.ts`))).toBe(true);
    expect(ruleByCode(code)).toBe(rule);
  });

  test.each(RULES.map((r) => [r.code, r] as const))("%s: default severity as in the profile, messages in both languages", (code, rule) => {
    expect(rule.defaultSeverity).toBe(DEFAULT_SEVERITIES[code]);
    expect(rule.messages.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.messages.en).toMatch(/^[A-Z{]/);
    expect(rule.doc.length).toBeGreaterThan(10);
    // Errors are problems; warnings and infos are suggestions, as ESLint's meta.type.
    expect(rule.type).toBe(rule.defaultSeverity === "error" ? "problem" : "suggestion");
  });
});
