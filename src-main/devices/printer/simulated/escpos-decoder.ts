import { createCanvas } from '@napi-rs/canvas';

/**
 * Test-side ESC/POS decoder: parses the byte stream a ticket printer receives into commands and
 * raster images (GS v 0), and renders the images as a PNG the way the print head would.
 */
export type EscPosCommand =
  | { op: 'init' }
  | { op: 'cancel-kanji' }
  | { op: 'font'; n: number }
  | { op: 'codepage'; n: number }
  | { op: 'align'; n: number }
  | { op: 'bold'; n: number }
  | { op: 'underline'; n: number }
  | { op: 'size'; width: number; height: number }
  | { op: 'line-spacing'; n?: number }
  | { op: 'feed'; lines: number }
  | { op: 'text'; bytes: number[] }
  | { op: 'newline' }
  | { op: 'raster'; mode: number; widthBytes: number; height: number; bits: Uint8Array }
  | { op: 'qr'; fn: number; data?: number[]; arg?: number }
  | { op: 'cut'; partial: boolean }
  | { op: 'status-request'; n: number }
  | { op: 'unknown'; at: number; byte: number };

export class EscPosDecodeError extends Error {
  constructor(
    readonly code: 'ESCPOS_TRUNCATED',
    readonly at: number,
  ) {
    super(`${code} at byte ${at}`);
  }
}

export function decodeEscPos(bytes: Uint8Array): EscPosCommand[] {
  const out: EscPosCommand[] = [];
  let i = 0;
  const need = (n: number) => {
    if (i + n > bytes.length) throw new EscPosDecodeError('ESCPOS_TRUNCATED', i);
  };
  const b = (k: number) => bytes[i + k]!;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c === 0x0a) {
      out.push({ op: 'newline' });
      i++;
    } else if (c === 0x0d) {
      i++;
    } else if (c === 0x1b) {
      need(2);
      const k = b(1);
      if (k === 0x40 || k === 0x32) {
        out.push(k === 0x40 ? { op: 'init' } : { op: 'line-spacing' });
        i += 2;
      } else {
        need(3);
        const n = b(2);
        const simple: Record<number, EscPosCommand['op']> = { 0x4d: 'font', 0x74: 'codepage', 0x61: 'align', 0x45: 'bold', 0x2d: 'underline', 0x33: 'line-spacing' };
        if (simple[k]) out.push({ op: simple[k], n } as EscPosCommand);
        else if (k === 0x64) out.push({ op: 'feed', lines: n });
        else out.push({ op: 'unknown', at: i, byte: k });
        i += 3;
      }
    } else if (c === 0x1c) {
      need(2);
      if (b(1) === 0x2e) out.push({ op: 'cancel-kanji' });
      else out.push({ op: 'unknown', at: i, byte: b(1) });
      i += 2;
    } else if (c === 0x10) {
      need(3);
      if (b(1) === 0x04) out.push({ op: 'status-request', n: b(2) });
      else out.push({ op: 'unknown', at: i, byte: b(1) });
      i += 3;
    } else if (c === 0x1d) {
      need(2);
      const k = b(1);
      if (k === 0x21) {
        need(3);
        out.push({ op: 'size', width: (b(2) >> 4) + 1, height: (b(2) & 0x0f) + 1 });
        i += 3;
      } else if (k === 0x56) {
        need(3);
        const m = b(2);
        out.push({ op: 'cut', partial: m === 1 || m === 0x31 || m === 66 });
        i += m === 65 || m === 66 ? 4 : 3;
      } else if (k === 0x76) {
        need(8);
        const mode = b(3);
        const widthBytes = b(4) | (b(5) << 8);
        const height = b(6) | (b(7) << 8);
        need(8 + widthBytes * height);
        out.push({ op: 'raster', mode, widthBytes, height, bits: bytes.slice(i + 8, i + 8 + widthBytes * height) });
        i += 8 + widthBytes * height;
      } else if (k === 0x28 && b(2) === 0x6b) {
        need(5);
        const len = b(3) | (b(4) << 8);
        need(5 + len);
        const fn = b(6);
        const body = [...bytes.slice(i + 7, i + 5 + len)];
        out.push(fn === 0x50 ? { op: 'qr', fn, data: body.slice(1) } : { op: 'qr', fn, arg: body[0] });
        i += 5 + len;
      } else {
        out.push({ op: 'unknown', at: i, byte: k });
        i += 2;
      }
    } else if (c < 0x20) {
      out.push({ op: 'unknown', at: i, byte: c });
      i++;
    } else {
      const start = i;
      while (i < bytes.length && bytes[i]! >= 0x20) i++;
      out.push({ op: 'text', bytes: [...bytes.slice(start, i)] });
    }
  }
  return out;
}

export interface MonoBitmap {
  width: number;
  height: number;
  /** 1 = black dot. */
  dots: Uint8Array;
}

/** Stacks every raster image of the stream, top to bottom, as the paper would come out. */
export function rasterBitmap(commands: EscPosCommand[]): MonoBitmap {
  const images = commands.filter((c): c is Extract<EscPosCommand, { op: 'raster' }> => c.op === 'raster');
  const width = Math.max(0, ...images.map((r) => r.widthBytes * 8));
  const height = images.reduce((h, r) => h + r.height, 0);
  const dots = new Uint8Array(width * height);
  let y0 = 0;
  for (const r of images) {
    for (let y = 0; y < r.height; y++) {
      for (let x = 0; x < r.widthBytes * 8; x++) {
        const byte = r.bits[y * r.widthBytes + (x >> 3)]!;
        dots[(y0 + y) * width + x] = (byte >> (7 - (x & 7))) & 1;
      }
    }
    y0 += r.height;
  }
  return { width, height, dots };
}

export function bitmapToRgba(b: MonoBitmap): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(b.width * b.height * 4);
  for (let p = 0; p < b.dots.length; p++) {
    const v = b.dots[p] ? 0 : 255;
    rgba[p * 4] = rgba[p * 4 + 1] = rgba[p * 4 + 2] = v;
    rgba[p * 4 + 3] = 255;
  }
  return rgba;
}

export function bitmapToPng(b: MonoBitmap): Buffer {
  const canvas = createCanvas(b.width, b.height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(b.width, b.height);
  image.data.set(bitmapToRgba(b));
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}
