/**
 * schema/scorecheck.config.schema.json and the validator (src/core/config/validate.ts)
 * agree: on every valid sample both accept, on every invalid one both refuse, except
 * the orders JSON Schema cannot express (BEYOND_SCHEMA), which only the validator refuses.
 */
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { validateRuleConfig } from "../../../src/core/config/validate";
import { RULES } from "../../../src/core/rules";
import { PROFILES } from "../../../src/core/profile";
import { CONFIG_KEYS } from "../../../src/core/config/ruleConfig";
import { BEYOND_SCHEMA, INVALID_CONFIGS, VALID_CONFIGS } from "./samples";

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "schema", "scorecheck.config.schema.json"), "utf8"));
const schemaAccepts = new Ajv({ allErrors: true, strict: false }).compile(schema);

test.each(VALID_CONFIGS)("valid: %s — both accept", (_what, config) => {
  expect(validateRuleConfig(config).ok).toBe(true);
  expect(schemaAccepts(config)).toBe(true);
});

test.each(INVALID_CONFIGS)("invalid: %s — the validator refuses; the schema too unless it cannot say so", (what, config) => {
  expect(validateRuleConfig(config).ok).toBe(false);
  expect(schemaAccepts(config)).toBe(BEYOND_SCHEMA.has(what));
});

test("the schema names every finding code, every preset and every key the validator knows", () => {
  expect([...schema.properties.rules.propertyNames.enum].sort()).toEqual(RULES.map((r) => r.code).sort());
  expect(schema.properties.extends.enum).toEqual(PROFILES.map((p) => p.name));
  expect(Object.keys(schema.properties).sort()).toEqual([...CONFIG_KEYS].sort());
});
