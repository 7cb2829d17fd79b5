import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { defineErrors } from '../contract/errors.ts';
import { decodeCsvBytes, type TextEncodingName } from '../domain/procedure/csv-decode.ts';
import { toCsv } from '../domain/procedure/csv.ts';

export const CatalogFileErrors = defineErrors({
  CATALOG_FORMAT_UNKNOWN: { vi: 'Không nhận ra định dạng tệp (cần .json, .csv hoặc .xlsx, hoặc --format).', en: 'Unknown file format (need .json, .csv or .xlsx, or --format).' },
  CATALOG_FILE_UNREADABLE: { vi: 'Không đọc được tệp danh mục.', en: 'The catalogue file cannot be read.' },
});

export type CatalogFormat = 'json' | 'csv' | 'xlsx';

/** A spreadsheet cell as the CSV text Excel would have written for it. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * A catalogue file as the text `procedures.import` takes: JSON as UTF-8, CSV decoded (UTF-8 or
 * Windows-1258), the first sheet of an .xlsx workbook turned into CSV rows.
 */
export async function readCatalogFile(file: string, format?: string): Promise<{ content: string; format: 'json' | 'csv'; encoding?: TextEncodingName | 'xlsx' }> {
  const fmt = (format ?? extname(file).slice(1)).toLowerCase();
  if (fmt !== 'json' && fmt !== 'csv' && fmt !== 'xlsx') throw CatalogFileErrors.raise('CATALOG_FORMAT_UNKNOWN', { file });
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw CatalogFileErrors.raise('CATALOG_FILE_UNREADABLE', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
  if (fmt === 'json') return { content: bytes.toString('utf8'), format: 'json' };
  if (fmt === 'csv') {
    const { text, encoding } = decodeCsvBytes(bytes);
    return { content: text, format: 'csv', encoding };
  }
  let rows: unknown[][];
  try {
    rows = (await readSheet(bytes)) as unknown[][];
  } catch (err) {
    throw CatalogFileErrors.raise('CATALOG_FILE_UNREADABLE', { file, reason: `not an .xlsx workbook (${(err as Error).message})` });
  }
  return { content: toCsv(rows.map((r) => r.map(cellText))), format: 'csv', encoding: 'xlsx' };
}
