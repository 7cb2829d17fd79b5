import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error plain ESM build helper without type declarations
import { collectLicences, licenceNotice } from '../../../src-main/launch/licence-notice.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

describe('third-party licence notice (generated at build time for Settings → About)', () => {
  const list = collectLicences(ROOT) as Array<{ name: string; version: string; license: string; text: string }>;

  it('names every shipped dependency, what the renderer bundles, and the fonts', () => {
    const names = new Set(list.map((l) => l.name));
    expect(Object.keys(pkg.dependencies).filter((d) => !names.has(d))).toEqual([]);
    expect(names).toContain('react-dom');
    expect(names).toContain('fflate'); // a dependency of a dependency (read-excel-file) is there too
    const text = licenceNotice(ROOT) as string;
    expect(text.split('\n')[0]).toMatch(/^Quầy Một cửa — giấy phép/);
    expect(text).toContain('Liberation Serif (font)');
    expect(text).toMatch(/=== better-sqlite3 [\d.]+ \(MIT\) ===\nThe MIT License/);
  });

  it('carries a licence for nearly every package', () => {
    expect(list.filter((l) => !l.license || l.license === 'see text').map((l) => l.name)).toEqual([]);
    expect(list.filter((l) => l.text).length / list.length).toBeGreaterThan(0.85);
  });
});
