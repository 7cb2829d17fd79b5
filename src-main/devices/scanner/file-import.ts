import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import sharp from 'sharp';
import { DocumentErrors, MAX_IMPORT_PIXELS } from '../../contract/documents.ts';
import { importPdf } from '../../documents/pdf-import.ts';
import type { RawPage } from './driver.ts';

export const IMPORTABLE = ['.pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff'];

function sniff(bytes: Buffer, name: string): 'pdf' | 'image' | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image';
  if (bytes.subarray(1, 4).toString('latin1') === 'PNG') return 'image';
  if (/^(II\*\0|MM\0\*)/.test(bytes.subarray(0, 4).toString('latin1'))) return 'image';
  return extname(name).toLowerCase() === '.pdf' ? 'pdf' : undefined;
}

/**
 * Turns one file into pages: a PDF is rendered page by page (born-digital pages keep their text
 * layer), a multi-page TIFF is split, other images are one page each.
 */
export async function importBytes(bytes: Buffer, name: string): Promise<RawPage[]> {
  const kind = sniff(bytes, name);
  if (kind === 'pdf') {
    return (await importPdf(bytes)).map((p) => ({ bytes: p.image, mime: 'image/png', dpi: p.dpi, textLayer: p.text ? { text: p.text, words: p.words } : undefined }));
  }
  if (kind !== 'image') throw DocumentErrors.raise('DOC_UNSUPPORTED_TYPE', { name });
  let meta;
  try {
    meta = await sharp(bytes, { failOn: 'error' }).metadata();
  } catch {
    throw DocumentErrors.raise('DOC_IMAGE_CORRUPT', { name });
  }
  // The header tells the size before any pixel is decoded; a bomb is refused here, not in OCR.
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_IMPORT_PIXELS) throw DocumentErrors.raise('DOC_IMAGE_TOO_LARGE', { name, width: meta.width, height: meta.height });
  const dpi = meta.density && meta.density >= 72 ? meta.density : 300;
  const count = meta.pages ?? 1;
  if (count <= 1) return [{ bytes, mime: `image/${meta.format === 'jpeg' ? 'jpeg' : meta.format}`, dpi }];
  const pages: RawPage[] = [];
  for (let page = 0; page < count; page++) pages.push({ bytes: await sharp(bytes, { page, limitInputPixels: MAX_IMPORT_PIXELS }).png().toBuffer(), mime: 'image/png', dpi });
  return pages;
}

export async function importFile(path: string): Promise<RawPage[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw DocumentErrors.raise('DOC_FILE_NOT_FOUND', { path });
  }
  return importBytes(bytes, path);
}
