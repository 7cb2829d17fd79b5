import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PrintErrors } from '../contract/print.ts';

export interface FormFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  /** True when every code point of the text has a glyph in the regular font. */
  covers(text: string): boolean;
  /** The code points of `text` the font cannot draw. */
  missing(text: string): string[];
}

// Official documents are set in a TCVN 6909 (Unicode) serif, Times New Roman in practice: Liberation
// Serif has its metrics (a form laid out here fills the same lines) and every Vietnamese letter.
const FILES = { regular: 'LiberationSerif-Regular.ttf', bold: 'LiberationSerif-Bold.ttf' } as const;

/** Where the font files may be: bundled next to this module (dev, tests), packaged resources, Debian. */
export function fontDirCandidates(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return [
    process.env.COUNTER_FONT_DIR,
    join(here, 'fonts'),
    join(process.cwd(), 'src-main', 'documents', 'fonts'),
    resources ? join(resources, 'fonts') : undefined,
    '/usr/share/fonts/truetype/noto',
    '/usr/share/fonts/truetype/liberation2',
  ].filter((d): d is string => !!d);
}

let cached: FormFonts | undefined;

export function loadFormFonts(): FormFonts {
  if (cached) return cached;
  const dir = fontDirCandidates().find((d) => existsSync(join(d, FILES.regular)) && existsSync(join(d, FILES.bold)));
  if (!dir) throw PrintErrors.raise('FONT_MISSING', { tried: fontDirCandidates() });
  const regular = new Uint8Array(readFileSync(join(dir, FILES.regular)));
  const bold = new Uint8Array(readFileSync(join(dir, FILES.bold)));
  const face = fontkit.create(regular as Buffer) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
  const missing = (text: string) => [...new Set(text)].filter((ch) => !/\s/.test(ch) && !face.hasGlyphForCodePoint(ch.codePointAt(0)!));
  cached = { regular, bold, missing, covers: (text) => missing(text).length === 0 };
  return cached;
}
