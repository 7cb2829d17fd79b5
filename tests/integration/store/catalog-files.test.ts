import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCatalogFile } from '../../../src-main/cli/catalog-file.ts';
import { parseCatalog } from '../../../src-main/domain/procedure/catalog-import.ts';
import { decodeCsvBytes } from '../../../src-main/domain/procedure/csv-decode.ts';
import { parseCsv, sniffDelimiter } from '../../../src-main/domain/procedure/csv.ts';
import { runCli } from '../../../src-main/cli/run.ts';
import { tempDir } from '../../unit/store/helpers.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'procedures');

describe('catalogue files as Excel on Windows writes them', () => {
  it('reads a UTF-8 CSV as UTF-8', async () => {
    const f = await readCatalogFile(join(DIR, 'commune-sample.csv'));
    expect(f.encoding).toBe('utf-8');
    const r = parseCatalog(f.content, f.format);
    expect(r.rejected).toEqual([]);
    expect(r.valid.length).toBeGreaterThanOrEqual(5);
  });

  it('reads a Windows-1258, semicolon-separated CSV to the same procedures, names in NFC', async () => {
    const bytes = readFileSync(join(DIR, 'commune-sample-excel-1258.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const f = await readCatalogFile(join(DIR, 'commune-sample-excel-1258.csv'));
    expect(f.encoding).toBe('windows-1258');
    expect(sniffDelimiter(f.content)).toBe(';');
    const r = parseCatalog(f.content, f.format);
    expect(r.rejected).toEqual([]);
    const utf8 = parseCatalog((await readCatalogFile(join(DIR, 'commune-sample.csv'))).content, 'csv');
    expect(r.valid).toEqual(utf8.valid);
    expect(r.valid.map((p) => p.name)).toContain('Cấp bản sao từ sổ gốc');
    for (const p of r.valid) expect(p.name).toBe(p.name.normalize('NFC'));
  });

  it('rejects rows with unreadable characters instead of storing garbled names', () => {
    // What the old import did: the Windows-1258 bytes read as UTF-8.
    const lossy = readFileSync(join(DIR, 'commune-sample-excel-1258.csv')).toString('utf8');
    const r = parseCatalog(lossy, 'csv');
    expect(r.valid.filter((p) => p.name.includes('\uFFFD'))).toEqual([]);
    expect(r.rejected.length).toBeGreaterThan(0);
    expect(r.rejected[0]?.errors.join(' ')).toMatch(/unreadable characters.*CSV UTF-8/);
  });

  it('imports the first sheet of an .xlsx workbook', async () => {
    const f = await readCatalogFile(join(DIR, 'commune-sample.xlsx'));
    expect(f).toMatchObject({ format: 'csv', encoding: 'xlsx' });
    const r = parseCatalog(f.content, f.format);
    expect(r.rejected).toEqual([]);
    const csv = parseCatalog((await readCatalogFile(join(DIR, 'commune-sample.csv'))).content, 'csv');
    expect(r.valid).toEqual(csv.valid);
  });

  it('counter procedures import takes the Windows-1258 CSV and the workbook', async () => {
    const t = tempDir('catalog-');
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
    try {
      expect(await runCli(['procedures', 'import', join(DIR, 'commune-sample-excel-1258.csv'), '--data-dir', t.dir, '--json'])).toBe(0);
      expect(JSON.parse(out.pop() as string)).toMatchObject({ encoding: 'windows-1258', rejected: [] });
      expect(await runCli(['procedures', 'import', join(DIR, 'commune-sample.xlsx'), '--data-dir', t.dir, '--json'])).toBe(0);
      expect(JSON.parse(out.pop() as string)).toMatchObject({ encoding: 'xlsx', rejected: [] });
      expect(await runCli(['procedures', 'list', '--data-dir', t.dir, '--json'])).toBe(0);
      const listed = (JSON.parse(out.pop() as string) as Array<{ name: string }>).map((p) => p.name);
      expect(listed).toHaveLength(parseCatalog(readFileSync(join(DIR, 'commune-sample.csv'), 'utf8'), 'csv').valid.length);
      expect(listed).toContain('Cấp bản sao từ sổ gốc');
    } finally {
      log.mockRestore();
      t.cleanup();
    }
  }, 120_000);

  it('decodes any UTF-8 text to its NFC form, and sniffs ; tables (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(decodeCsvBytes(Buffer.from(s, 'utf8')).text).toBe(s.normalize('NFC'));
      }),
    );
    const cell = fc.string({ maxLength: 8 }).filter((s) => !/[",;\r\n]/.test(s) && s !== '');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.join(';')).join('\r\n');
        expect(sniffDelimiter(text)).toBe(';');
        expect(parseCsv(text, sniffDelimiter(text)).rows).toEqual(rows);
      }),
    );
  });
});
