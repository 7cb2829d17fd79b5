import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DocumentErrors } from '../contract/documents.ts';

// Not named `require`: the ESM build injects a module-level `require` shim into shared chunks.
const resolveFromHere = createRequire(import.meta.url);

/**
 * tesseract.js reads every language from ONE folder (`langPath`), and the npm data packages keep
 * one language each, so the `best_int` files are copied into a folder of our own once.
 */
export function prepareLangFolder(root: string, langs: string[]): string {
  const dir = join(root, 'ocr-lang');
  mkdirSync(join(dir, 'cache'), { recursive: true });
  for (const lang of langs) {
    const target = join(dir, `${lang}.traineddata.gz`);
    if (existsSync(target)) continue;
    let pkg: string;
    try {
      pkg = dirname(resolveFromHere.resolve(`@tesseract.js-data/${lang}/package.json`));
    } catch {
      throw DocumentErrors.raise('DOC_LANG_MISSING', { lang });
    }
    copyFileSync(join(pkg, '4.0.0_best_int', `${lang}.traineddata.gz`), target);
  }
  return dir;
}
