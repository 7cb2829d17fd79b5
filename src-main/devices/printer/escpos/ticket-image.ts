import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { join } from 'node:path';
import { fontDirCandidates } from '../../../documents/fonts.ts';
import { existsSync } from 'node:fs';
import { PrintErrors } from '../../../contract/print.ts';
import { ticketLines, type TicketContent } from './ticket.ts';

export interface MonoImage {
  width: number;
  height: number;
  /** RGBA, every pixel pure black or white. */
  data: Uint8ClampedArray;
}

let fontFamily: string | undefined;
function ticketFont(): string {
  if (fontFamily) return fontFamily;
  const dir = fontDirCandidates().find((d) => existsSync(join(d, 'NotoSans-Bold.ttf')));
  if (!dir) throw PrintErrors.raise('FONT_MISSING');
  GlobalFonts.registerFromPath(join(dir, 'NotoSans-Regular.ttf'), 'CounterTicket');
  GlobalFonts.registerFromPath(join(dir, 'NotoSans-Bold.ttf'), 'CounterTicket');
  fontFamily = 'CounterTicket';
  return fontFamily;
}

const SIZES = { small: 24, normal: 32, huge: 120 } as const;

function fitText(ctx: SKRSContext2D, text: string, maxWidth: number, px: number, bold: boolean, family: string): number {
  let size = px;
  do {
    ctx.font = `${bold ? 'bold ' : ''}${size}px ${family}`;
    if (ctx.measureText(text).width <= maxWidth) break;
    size -= 2;
  } while (size > 12);
  return size;
}

/**
 * Draws the ticket at the printer's dot width with the Noto font (so every Vietnamese letter prints on
 * any ESC/POS firmware), QR included, then thresholds it to pure black and white.
 */
export function renderTicketImage(t: TicketContent, widthDots: number): MonoImage {
  const family = ticketFont();
  const modules = QRCode.create(t.qr, { errorCorrectionLevel: 'M' }).modules;
  const moduleDots = Math.max(3, Math.floor((widthDots * 0.45) / (modules.size + 2)));
  const qrDots = (modules.size + 2) * moduleDots;
  const lines = ticketLines(t);
  const lineHeights = lines.map((l) => Math.round(SIZES[l.size] * 1.35));
  const rawHeight = 16 + lineHeights.reduce((a, b) => a + b, 0) + qrDots + 24;
  const height = Math.ceil(rawHeight / 8) * 8;
  const width = Math.floor(widthDots / 8) * 8;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  let y = 16;
  lines.forEach((l, i) => {
    const size = fitText(ctx, l.text, width - 16, SIZES[l.size], !!l.bold, family);
    ctx.font = `${l.bold ? 'bold ' : ''}${size}px ${family}`;
    ctx.fillText(l.text, width / 2, y);
    y += lineHeights[i]!;
  });
  const x0 = Math.floor((width - qrDots) / 2) + moduleDots;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) ctx.fillRect(x0 + c * moduleDots, y + moduleDots + r * moduleDots, moduleDots, moduleDots);
  }
  const image = ctx.getImageData(0, 0, width, height);
  const data = image.data;
  for (let i = 0; i < data.length; i += 4) {
    const v = data[i]! * 0.299 + data[i + 1]! * 0.587 + data[i + 2]! * 0.114 < 140 ? 0 : 255;
    data[i] = data[i + 1] = data[i + 2] = v;
    data[i + 3] = 255;
  }
  return { width, height, data };
}
