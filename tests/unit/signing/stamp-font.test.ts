import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SHIPPED = join(import.meta.dirname, '..', '..', '..', 'src-main', 'documents', 'fonts');

describe('signature stamp font', () => {
  it('comes from the fonts the app ships (found like the forms find theirs), not from a system path', async () => {
    // A font folder whose "regular" face is recognisably another file: the stamp must take it from there.
    const dir = mkdtempSync(join(tmpdir(), 'osc-stamp-font-'));
    copyFileSync(join(SHIPPED, 'LiberationSerif-Bold.ttf'), join(dir, 'LiberationSerif-Regular.ttf'));
    copyFileSync(join(SHIPPED, 'LiberationSerif-Bold.ttf'), join(dir, 'LiberationSerif-Bold.ttf'));
    process.env.COUNTER_FONT_DIR = dir;
    const { stampFontBytes } = await import('../../../src-main/features/signing/pdf/stamp-appearance.ts');
    expect(Buffer.from(stampFontBytes()).equals(readFileSync(join(SHIPPED, 'LiberationSerif-Bold.ttf')))).toBe(true);
  });
});
