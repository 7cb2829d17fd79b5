import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { TicketPrinter } from '../../../contract/print.ts';
import { forCp1258, tcvn3Runs } from '../../../domain/escpos/vietnamese-text.ts';
import { ticketLines, type TicketContent } from './ticket.ts';
import { renderTicketImage } from './ticket-image.ts';

type Encoder = InstanceType<typeof ReceiptPrinterEncoder>;

function newEncoder(p: TicketPrinter): Encoder {
  return new ReceiptPrinterEncoder({ language: 'esc-pos', codepageMapping: p.vendor, columns: p.widthDots >= 500 ? 48 : 32, imageMode: 'raster' });
}

/** Raster mode (default): the whole ticket as one GS v 0 image, then a cut. */
export function encodeRasterTicket(t: TicketContent, p: TicketPrinter): Uint8Array {
  const img = renderTicketImage(t, p.widthDots);
  const imageData = { width: img.width, height: img.height, data: img.data, colorSpace: 'srgb' } as unknown as ImageData;
  return newEncoder(p).initialize().align('center').image(imageData, img.width, img.height, 'threshold', 128).newline().cut('partial').encode();
}

function writeText(e: Encoder, text: string, p: TicketPrinter): void {
  if (p.codepage === 'cp1258') {
    e.codepage('windows1258').text(forCp1258(text));
    return;
  }
  for (const run of tcvn3Runs(text)) e.codepage(run.table).text(run.text);
}

/** Code-page mode: text in CP1258 or TCVN-3 per the printer profile, native QR, cut. Fewer bytes. */
export function encodeCodepageTicket(t: TicketContent, p: TicketPrinter): Uint8Array {
  const e = newEncoder(p).initialize().align('center');
  for (const line of ticketLines(t)) {
    const scale = line.size === 'huge' ? 4 : 1;
    e.bold(!!line.bold).size(scale, scale);
    writeText(e, line.text, p);
    e.newline();
  }
  e.size(1, 1).bold(false).qrcode(t.qr, { model: 2, size: 6, errorlevel: 'm' }).newline().cut('partial');
  return e.encode();
}

export function encodeTicket(t: TicketContent, p: TicketPrinter): Uint8Array {
  return p.mode === 'codepage' ? encodeCodepageTicket(t, p) : encodeRasterTicket(t, p);
}
