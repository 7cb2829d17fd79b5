import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mts|mjs|js)$/.test(name) ? [p] : [];
  });
}

describe('date-holidays is a test oracle only', () => {
  it('is a devDependency and no file the app runs imports it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.dependencies).not.toHaveProperty('date-holidays');
    expect(pkg.devDependencies).toHaveProperty('date-holidays');
    const importers = ['src-main', 'src-renderer']
      .flatMap((d) => sourceFiles(join(ROOT, d)))
      .filter((f) => /from\s+['"]date-holidays['"]|import\(\s*['"]date-holidays['"]|require\(\s*['"]date-holidays['"]/.test(readFileSync(f, 'utf8')));
    expect(importers).toEqual([]);
  });
});
