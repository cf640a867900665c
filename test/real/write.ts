/**
 * Writes real forms as .xlsx files, to run the CLI on them as a user would:
 *   node -r ./scripts/bench/register.js test/real/write.ts OUT_DIR [FORM_FILE …]
 *   node bin/scorecheck.js check OUT_DIR/<name>.xlsx
 * With no FORM_FILE, writes every form under test/real/forms/.
 */
import fs from "fs";
import path from "path";
import { writeRealForm, type RealForm } from "./support";

async function main(argv: string[]): Promise<void> {
  const [outDir, ...given] = argv;
  if (!outDir) throw new Error("usage: write.ts OUT_DIR [FORM_FILE …]");
  const formsDir = path.join(__dirname, "forms");
  const files = given.length
    ? given.map((f) => path.resolve(f))
    : fs.readdirSync(formsDir).filter((f) => f.endsWith(".ts")).map((f) => path.join(formsDir, f));
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { form } = require(file) as { form: RealForm };
    const out = path.join(outDir, path.basename(file, ".ts") + ".xlsx");
    await writeRealForm(form, out);
    process.stdout.write(out + "\n");
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(String(err) + "\n");
  process.exitCode = 1;
});
