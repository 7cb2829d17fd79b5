import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { importBytes } from '../../../src-main/devices/scanner/file-import.ts';

/** A PNG whose header claims width×height; only the header is real, so it costs nothing to build. */
function pngHeader(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(width + 1))), chunk('IEND', Buffer.alloc(0))]);
}

async function pdfWithPages(sizes: Array<[number, number]>): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const s of sizes) doc.addPage(s);
  return Buffer.from(await doc.save());
}

const code = (p: Promise<unknown>) => p.then(() => 'accepted', (e: { code?: string; messages?: { vi: string } }) => `${e.code}: ${e.messages?.vi}`);

describe('import caps (decompression bombs)', () => {
  it('refuses a 16000×16000 PNG from its header, before decoding a pixel', async () => {
    const started = Date.now();
    expect(await code(importBytes(pngHeader(16000, 16000), 'bomb.png'))).toMatch(/^DOC_IMAGE_TOO_LARGE: Ảnh quá lớn/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('still takes an A4 page at 600 dpi', async () => {
    const pages = await importBytes(pngHeader(4961, 7016), 'a4-600dpi.png');
    expect(pages).toHaveLength(1);
  });

  it('refuses a PDF page too large to render, quickly', async () => {
    const started = Date.now();
    expect(await code(importBytes(await pdfWithPages([[14400, 14400]]), 'huge.pdf'))).toMatch(/^DOC_PDF_PAGE_TOO_LARGE: Trang PDF quá lớn/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a PDF with more pages than a dossier can have', async () => {
    const many = await pdfWithPages(Array.from({ length: 501 }, () => [10, 10] as [number, number]));
    expect(await code(importBytes(many, 'many.pdf'))).toMatch(/^DOC_PDF_TOO_MANY_PAGES: Tệp PDF có quá nhiều trang/);
  });

  it('renders an A3 page (within the caps)', async () => {
    const pages = await importBytes(await pdfWithPages([[842, 1191]]), 'a3.pdf');
    expect(pages).toHaveLength(1);
  });
});
