import fs from "node:fs";
import { bilingualLine } from "./index";
import { templateBuffer } from "../xlsx/template";

/** `scorecheck template FILE`: writes the official template; refuses to overwrite an existing file. */
export async function runTemplate(file: string, kind: "department" | "project", lang: "zh" | "en"): Promise<number> {
  if (fs.existsSync(file)) {
    process.stderr.write(
      `scorecheck: ${bilingualLine({ zh: `文件已存在，不会覆盖：${file}`, en: `The file exists and will not be overwritten: ${file}` }, lang)}\n`,
    );
    return 2;
  }
  try {
    const buf = await templateBuffer(kind, { lang });
    fs.writeFileSync(file, buf);
  } catch (e) {
    process.stderr.write(
      `scorecheck: ${bilingualLine({ zh: `无法写出模板：${(e as Error).message}`, en: `Cannot write the template: ${(e as Error).message}` }, lang)}\n`,
    );
    return 2;
  }
  process.stdout.write(lang === "en" ? `Template written: ${file}\n` : `已写出模板：${file}\n`);
  return 0;
}
