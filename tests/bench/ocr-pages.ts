/**
 * Degraded Vietnamese administrative pages made at bench run time, with their ground truth:
 * letters, forms on dotted lines, bordered tables, and letters with a red stamp and a blue
 * signature over the text; in a Times-New-Roman-metric serif, an Arial-metric sans and a
 * Courier-metric typewriter mono (Debian fonts-liberation2); at 200 or 300 dpi; captured as a
 * flatbed scan (skew, noise, blur, JPEG) or as a phone photo (perspective, uneven light).
 * The same seed gives the same pages. Pages of the held-out split come from their own seed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import { commune, formFields, HEADER, letterSentences, rng, tableRows, title, type Rng } from './ocr-pages-text.ts';

export type PageKind = 'letter' | 'form' | 'table' | 'stamp';
export type FontKind = 'serif' | 'sans' | 'mono';
export type Capture = 'scan' | 'phone';
export type Split = 'tune' | 'held-out';

export interface BenchPage {
  name: string;
  file: string;
  kind: PageKind;
  font: FontKind;
  dpi: 200 | 300;
  capture: Capture;
  split: Split;
  truth: string;
}

const FONT_DIR = '/usr/share/fonts/truetype/liberation2';
const FONTS: Record<FontKind, { file: string; bold: string; pt: number }> = {
  serif: { file: 'LiberationSerif-Regular.ttf', bold: 'LiberationSerif-Bold.ttf', pt: 13 },
  sans: { file: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf', pt: 12 },
  mono: { file: 'LiberationMono-Regular.ttf', bold: 'LiberationMono-Bold.ttf', pt: 11 },
};

let registered = false;
function registerFonts(): void {
  if (registered) return;
  for (const [k, f] of Object.entries(FONTS)) {
    if (!GlobalFonts.registerFromPath(join(FONT_DIR, f.file), `bench-${k}`)) throw new Error(`font ${f.file} missing: apt-get install fonts-liberation2`);
    GlobalFonts.registerFromPath(join(FONT_DIR, f.bold), `bench-${k}-bold`);
  }
  registered = true;
}

function wrap(ctx: SKRSContext2D, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    const next = line ? `${line} ${w}` : w;
    if (line && ctx.measureText(next).width > width) {
      out.push(line);
      line = w;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

/** Draws one page; returns the PNG and the printed lines (the ground truth), top to bottom. */
function render(r: Rng, kind: PageKind, font: FontKind, dpi: number): { png: Buffer; truth: string[] } {
  registerFonts();
  const px = (pt: number) => Math.round((pt / 72) * dpi);
  const width = Math.round((210 / 25.4) * dpi);
  const margin = Math.round((20 / 25.4) * dpi);
  const size = px(FONTS[font].pt);
  const lineH = Math.round(size * 1.45);
  const height = Math.round((kind === 'table' ? 150 : 170) / 25.4 * dpi);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111';
  ctx.textBaseline = 'alphabetic';
  const truth: string[] = [];
  let y = margin;
  const centred = (text: string, bold: boolean, pt: number) => {
    ctx.font = `${px(pt)}px ${bold ? `bench-${font}-bold` : `bench-${font}`}`;
    y += Math.round(px(pt) * 1.45);
    ctx.fillText(text, (width - ctx.measureText(text).width) / 2, y);
    truth.push(text);
  };
  centred(HEADER[0]!, true, FONTS[font].pt);
  centred(HEADER[1]!, true, FONTS[font].pt);
  y += lineH;
  centred(title(r), true, FONTS[font].pt + 2);
  y += Math.round(lineH / 2);
  ctx.font = `${size}px bench-${font}`;
  const textLine = (s: string, x = margin) => {
    y += lineH;
    ctx.fillText(s, x, y);
    truth.push(s);
  };
  if (kind === 'letter' || kind === 'stamp') {
    for (const s of letterSentences(r)) for (const l of wrap(ctx, s, width - 2 * margin)) if (y + lineH < height - margin) textLine(l);
  } else if (kind === 'form') {
    for (const [label, value] of formFields(r)) {
      if (y + lineH >= height - margin) break;
      y += lineH;
      ctx.fillText(label, margin, y);
      const x = margin + ctx.measureText(label).width + size * 0.4;
      // The dotted line the value is typed on: dots, not characters, as on the printed form.
      for (let d = x; d < width - margin; d += size * 0.35) ctx.fillRect(d, y + size * 0.18, Math.max(2, size * 0.06), Math.max(2, size * 0.06));
      ctx.fillText(value, x + size * 0.3, y);
      truth.push(`${label} ${value}`);
    }
  } else {
    y += Math.round(lineH * 0.6);
    const rows = tableRows(r);
    const cols = [0.1, 0.5, 0.18, 0.22].map((f) => f * (width - 2 * margin));
    const rowH = Math.round(lineH * 1.35);
    ctx.lineWidth = Math.max(2, Math.round(dpi / 150));
    ctx.strokeStyle = '#222';
    for (const row of rows) {
      if (y + rowH >= height - margin) break;
      let x = margin;
      ctx.font = `${size}px ${row === rows[0] ? `bench-${font}-bold` : `bench-${font}`}`;
      row.forEach((cell, i) => {
        ctx.strokeRect(x, y, cols[i]!, rowH);
        ctx.fillText(cell, x + size * 0.4, y + rowH - Math.round((rowH - size) / 2) - size * 0.15);
        x += cols[i]!;
      });
      truth.push(row.join(' '));
      y += rowH;
    }
  }
  if (kind === 'stamp') drawStampAndSignature(ctx, r, width, y, dpi);
  // Only the written part of the page (plus a margin) goes on: blank paper costs OCR time, not errors.
  const used = Math.min(height, y + margin);
  const full = canvas.getContext('2d').getImageData(0, 0, width, used);
  const cropped = createCanvas(width, used);
  cropped.getContext('2d').putImageData(full, 0, 0);
  return { png: cropped.toBuffer('image/png'), truth };
}

/** A red commune seal and a blue signature, both over the last lines of text, as on a signed page. */
function drawStampAndSignature(ctx: SKRSContext2D, r: Rng, width: number, lastY: number, dpi: number): void {
  const radius = Math.round((19 / 25.4) * dpi);
  const cx = width * (0.55 + r() * 0.2);
  const cy = lastY - radius * (0.3 + r() * 0.5);
  ctx.save();
  ctx.globalAlpha = 0.8;
  ctx.strokeStyle = 'rgb(205,40,45)';
  ctx.fillStyle = 'rgb(205,40,45)';
  ctx.lineWidth = Math.round(dpi / 60);
  for (const k of [1, 0.93, 0.62]) {
    ctx.beginPath();
    ctx.arc(cx, cy, radius * k, 0, Math.PI * 2);
    ctx.stroke();
  }
  const ring = `ỦY BAN NHÂN DÂN ${commune(r).toUpperCase()} *`;
  ctx.font = `${Math.round(radius * 0.2)}px bench-sans-bold`;
  const step = (Math.PI * 2) / ring.length;
  [...ring].forEach((ch, i) => {
    ctx.save();
    ctx.translate(cx, cy);
    ctx.rotate(i * step - Math.PI / 2);
    ctx.fillText(ch, -radius * 0.05, -radius * 0.7);
    ctx.restore();
  });
  ctx.font = `${Math.round(radius * 0.5)}px bench-sans-bold`;
  ctx.fillText('★', cx - radius * 0.2, cy + radius * 0.18);
  ctx.restore();
  ctx.save();
  ctx.strokeStyle = 'rgb(30,50,170)';
  ctx.lineWidth = Math.max(3, Math.round(dpi / 80));
  ctx.beginPath();
  let x = cx - radius * 1.6;
  let y = cy + radius * 0.2;
  ctx.moveTo(x, y);
  for (let i = 0; i < 6; i++) {
    const nx = x + radius * (0.3 + r() * 0.4);
    const ny = cy + (r() - 0.5) * radius;
    ctx.bezierCurveTo(x + radius * 0.2, y - radius * r(), nx - radius * 0.2, ny + radius * r(), nx, ny);
    x = nx;
    y = ny;
  }
  ctx.stroke();
  ctx.restore();
}

/** 64 K unit-Gaussian samples, read by a xorshift index: per-pixel Box–Muller is too slow for 8 MP. */
function gaussTable(r: Rng): { table: Float32Array; seed: number } {
  const table = new Float32Array(65536);
  for (let i = 0; i < table.length; i++) table[i] = Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
  return { table, seed: (Math.floor(r() * 0x7fffffff) | 1) >>> 0 };
}

/** Inverse-maps each output pixel through the homography that sends the page corners to `quad`. */
function perspective(src: Buffer, w: number, h: number, quad: Array<[number, number]>, fill: [number, number, number]): Buffer {
  // Solve for H mapping (0,0),(w,0),(w,h),(0,h) → quad, then invert by solving quad → corners.
  const solve = (from: Array<[number, number]>, to: Array<[number, number]>) => {
    const A: number[][] = [];
    from.forEach(([x, y], i) => {
      const [u, v] = to[i]!;
      A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
      A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
    });
    for (let c = 0; c < 8; c++) {
      let p = c;
      for (let rr = c + 1; rr < 8; rr++) if (Math.abs(A[rr]![c]!) > Math.abs(A[p]![c]!)) p = rr;
      [A[c], A[p]] = [A[p]!, A[c]!];
      for (let rr = 0; rr < 8; rr++) {
        if (rr === c) continue;
        const f = A[rr]![c]! / A[c]![c]!;
        for (let k = c; k < 9; k++) A[rr]![k]! -= f * A[c]![k]!;
      }
    }
    return [...A.map((row, i) => row[8]! / row[i]!), 1];
  };
  const corners: Array<[number, number]> = [[0, 0], [w, 0], [w, h], [0, h]];
  const m = solve(quad, corners); // output pixel → source pixel
  const out = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const d = m[6]! * x + m[7]! * y + m[8]!;
      const sx = (m[0]! * x + m[1]! * y + m[2]!) / d;
      const sy = (m[3]! * x + m[4]! * y + m[5]!) / d;
      const o = (y * w + x) * 3;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[o] = fill[0];
        out[o + 1] = fill[1];
        out[o + 2] = fill[2];
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < 3; c++) {
        const i = (y0 * w + x0) * 3 + c;
        const top = src[i]! * (1 - fx) + src[i + 3]! * fx;
        const bot = src[i + w * 3]! * (1 - fx) + src[i + w * 3 + 3]! * fx;
        out[o + c] = top * (1 - fy) + bot * fy;
      }
    }
  }
  return out;
}

/** Flatbed: skew, blur, noise, slightly grey paper, JPEG. Phone: perspective, light falling off, noise, JPEG. */
async function degrade(png: Buffer, r: Rng, capture: Capture): Promise<Buffer> {
  const skew = (r() < 0.5 ? -1 : 1) * (0.3 + r() * 2.2);
  let img = sharp(png).removeAlpha();
  if (capture === 'scan') img = img.rotate(skew, { background: '#ffffff' });
  const { data, info } = await img.blur(capture === 'phone' ? 0.9 + r() * 0.4 : 0.5 + r() * 0.3).raw().toBuffer({ resolveWithObject: true });
  let px: Buffer = data;
  const { width: w, height: h } = info;
  if (capture === 'phone') {
    const j = () => (r() * 0.045) as number;
    px = perspective(px, w, h, [[w * j(), h * j()], [w * (1 - j()), h * j()], [w * (1 - j()), h * (1 - j())], [w * j(), h * (1 - j())]], [95, 85, 70]);
  }
  const sigma = capture === 'phone' ? 10 + r() * 6 : 5 + r() * 9;
  const [lx, ly] = [r() * w, r() * h];
  const fall = capture === 'phone' ? 0.18 + r() * 0.12 : 0.06;
  const diag = Math.hypot(w, h);
  const { table, seed } = gaussTable(r);
  const out = new Uint8ClampedArray(px.buffer, px.byteOffset, px.length); // clamps, where a Buffer would wrap
  let s = seed;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const light = 1 - fall * (Math.hypot(x - lx, y - ly) / diag);
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const n = table[s & 0xffff]! * sigma;
      const o = (y * w + x) * 3;
      out[o] = out[o]! * light + n;
      out[o + 1] = out[o + 1]! * light + n;
      out[o + 2] = out[o + 2]! * light + n;
    }
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: capture === 'phone' ? 70 + Math.floor(r() * 15) : 55 + Math.floor(r() * 30) }).toBuffer();
}

const KINDS: PageKind[] = ['letter', 'form', 'table', 'stamp'];
const FONT_KINDS: FontKind[] = ['serif', 'sans', 'mono'];

/**
 * `count` pages for tuning and about half as many held out (at least 4, one of each kind), each
 * combination of kind × font cycled so every slice has pages; dpi and capture drawn from the seed.
 */
export async function generatePages(dir: string, count: number, seed: number): Promise<BenchPage[]> {
  const out: BenchPage[] = [];
  const splits: Array<[Split, number, number]> = [['tune', count, seed], ['held-out', Math.max(4, Math.ceil(count / 2)), seed ^ 0x5eed]];
  for (const [split, n, s] of splits) {
    const r = rng(s);
    const offset = split === 'tune' ? 0 : 1; // the held-out pages pair kinds with other fonts
    for (let i = 0; i < n; i++) {
      const kind = KINDS[i % 4]!;
      const font = FONT_KINDS[(Math.floor(i / 4) + i + offset) % 3]!;
      const dpi = r() < 0.5 ? 200 : 300;
      const capture: Capture = r() < 0.25 ? 'phone' : 'scan';
      const { png, truth } = render(r, kind, font, dpi);
      const name = `${split}-${String(i).padStart(2, '0')}-${kind}-${font}-${dpi}-${capture}`;
      const file = join(dir, `${name}.jpg`);
      writeFileSync(file, await degrade(png, r, capture));
      out.push({ name, file, kind, font, dpi, capture, split, truth: `${truth.join('\n').normalize('NFC')}\n` });
    }
  }
  return out;
}

