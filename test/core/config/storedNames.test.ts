/**
 * The rules' hidden names (src/core/config/storedNames.ts): every string constant within the
 * 255 characters a formula allows (a doubled quote counted twice), joined back by number.
 */
import fc from "fast-check";
import { FORMULA_TEXT_LIMIT, isRulesName, rulesNamesOf, rulesTextOfNames, stringConstantOf } from "../../../src/core/config/storedNames";

test("short rules take one name; long ones are split, each constant within the limit, and read back whole", () => {
  expect(rulesNamesOf('{"extends":"ratio"}')).toEqual([{ name: "_scorecheck_rules_1", formula: '="{""extends"":""ratio""}"' }]);
  const long = JSON.stringify({ name: "某市财政局", rules: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`CODE_${i}`, "off"])) });
  const names = rulesNamesOf(long);
  expect(names.length).toBeGreaterThan(2);
  for (const n of names) {
    expect(isRulesName(n.name)).toBe(true);
    expect(n.formula.length - 3).toBeLessThanOrEqual(FORMULA_TEXT_LIMIT);
  }
  // Any order, with or without "=" (a file's definedName has none), among other names.
  const shuffled = [...names].reverse().map((n, i) => (i % 2 ? { ...n, formula: n.formula.slice(1) } : n));
  expect(rulesTextOfNames([{ name: "Print_Area", formula: "Sheet1!$A$1" }, ...shuffled])).toBe(long);
});

test("a config file's layout is not kept (no line breaks in a name); its meaning is", () => {
  const text = '{\n  "extends": "ratio",\n  "name": "甲"\n}\n';
  expect(JSON.parse(rulesTextOfNames(rulesNamesOf(text))!)).toEqual(JSON.parse(text));
});

test("no names: nothing stored; a name that holds no string constant spoils the text rather than dropping a part", () => {
  expect(rulesTextOfNames([])).toBeUndefined();
  expect(rulesTextOfNames([{ name: "other", formula: '="x"' }])).toBeUndefined();
  const broken = rulesTextOfNames([{ name: "_scorecheck_rules_1", formula: '="{""a"":"' }, { name: "_scorecheck_rules_2", formula: "=Sheet1!A1" }]);
  expect(() => JSON.parse(broken!)).toThrow();
  expect(stringConstantOf('="a""b"')).toBe('a"b');
  expect(stringConstantOf("=A1")).toBeUndefined();
});

/** JSON comes back with the same meaning (its layout dropped), anything else exactly. */
function sameStored(back: string | undefined, text: string): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    expect(back).toBe(text);
    return;
  }
  expect(JSON.parse(back!)).toEqual(value);
}

test("any text survives the round trip", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 2000 }), fc.json({ maxDepth: 3 })).filter((s) => s.trim() !== ""), (text) => {
      const names = rulesNamesOf(text);
      for (const n of names) expect(n.formula.length - 3).toBeLessThanOrEqual(FORMULA_TEXT_LIMIT);
      sameStored(rulesTextOfNames(names), text);
    }),
  );
});
