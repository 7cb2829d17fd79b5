import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DocumentErrors } from '../contract/documents.ts';

// Not named `require`: the ESM build injects a module-level `require` shim into shared chunks.
const resolveFromHere = createRequire(import.meta.url);

/** The two models each `@tesseract.js-data/*` package carries: LSTM `best_int`, and `4.0.0` (LSTM + legacy). */
export type LangVariant = '4.0.0_best_int' | '4.0.0';

/**
 * tesseract.js reads every language from ONE folder (`langPath`), and the npm data packages keep
 * one language each, so the files of one variant are copied into a folder of our own once.
 */
export function prepareLangFolder(root: string, langs: string[], variant: LangVariant = '4.0.0_best_int'): string {
  const dir = join(root, variant === '4.0.0_best_int' ? 'ocr-lang' : `ocr-lang-${variant}`);
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
    copyFileSync(join(pkg, variant, `${lang}.traineddata.gz`), target);
  }
  return dir;
}
