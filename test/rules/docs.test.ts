import * as fs from "fs";
import * as path from "path";
import { EXAMPLES, renderRulesDoc } from "../../scripts/rules-doc";
import { RULES } from "../../src/core/rules";

describe("docs/rules.md", () => {
  test("every rule has an example that fires and one that does not (rendering checks both)", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(RULES.map((r) => r.code).sort());
    expect(() => renderRulesDoc()).not.toThrow();
  });

  test("is up to date with the registry (regenerate with scripts/rules-doc.ts)", () => {
    const onDisk = fs.readFileSync(path.join(__dirname, "../../docs/rules.md"), "utf8");
    expect(onDisk).toBe(renderRulesDoc());
  });

  test("has one section per code", () => {
    const doc = renderRulesDoc();
    for (const r of RULES) expect(doc).toContain(`\n## ${r.code}\n`);
  });
});
