import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { TicketPrinter } from '../../../src-main/contract/print.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { printTicket } from '../../../src-main/devices/printer/escpos/ticket-printer.ts';
import { renderTicketImage } from '../../../src-main/devices/printer/escpos/ticket-image.ts';
import type { TicketContent } from '../../../src-main/devices/printer/escpos/ticket.ts';
import { SimulatedTicketPrinter } from '../../../src-main/devices/printer/simulated/tcp-ticket-printer.ts';
import { bitmapToPng, bitmapToRgba, rasterBitmap } from '../../../src-main/devices/printer/simulated/escpos-decoder.ts';

const content: TicketContent = {
  agency: 'Trạm Y tế xã An Bình',
  title: 'SỐ THỨ TỰ',
  number: '0015',
  service: 'Khám bệnh - Bảo hiểm y tế',
  counter: 'Quầy 01',
  issuedAt: '02/03/2026 09:40',
  qr: 'TICKET:0015:20260302',
};

const sim = new SimulatedTicketPrinter();
let address = '';
beforeAll(async () => {
  address = await sim.start();
});
afterAll(() => sim.stop());

const profile = (over: Partial<TicketPrinter> = {}) => TicketPrinter.parse({ id: 'kiosk', transport: 'tcp', address, ...over });
const codeOf = async (p: Promise<unknown>) => p.then(() => 'no error', (e: unknown) => (e instanceof CounterError ? e.code : String(e)));

describe('ESC/POS queue ticket over TCP 9100 (simulator)', () => {
  it('raster mode: decodes to the rendered ticket image and the expected commands', async () => {
    sim.status = { printer: 0x12, paper: 0x12 };
    sim.reset();
    const r = await printTicket(content, profile());
    expect(r.status).toBe('ready');
    const cmds = await sim.lastJob();
    expect(cmds.filter((c) => c.op === 'unknown')).toEqual([]);
    expect(cmds[0]).toEqual({ op: 'init' });
    expect(cmds).toContainEqual({ op: 'align', n: 1 });
    expect(cmds.filter((c) => c.op !== 'newline').at(-1)).toEqual({ op: 'cut', partial: true });
    const bitmap = rasterBitmap(cmds);
    const expected = renderTicketImage(content, 576);
    expect([bitmap.width, bitmap.height]).toEqual([expected.width, expected.height]);
    const expectedDots = Uint8Array.from({ length: expected.width * expected.height }, (_, p) => (expected.data[p * 4]! < 128 ? 1 : 0));
    expect(Buffer.from(bitmap.dots).equals(Buffer.from(expectedDots))).toBe(true);
    const dark = bitmap.dots.reduce((a, d) => a + d, 0) / bitmap.dots.length;
    expect(dark).toBeGreaterThan(0.03);
    const qr = jsQR(bitmapToRgba(bitmap), bitmap.width, bitmap.height);
    expect(qr?.data).toBe(content.qr);
    const dir = join(tmpdir(), 'counter-print-tests');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ticket-0015.png'), bitmapToPng(bitmap));
  });

  it('code-page mode CP1258: tones become combining bytes, native QR, cut', async () => {
    sim.reset();
    await printTicket(content, profile({ mode: 'codepage', codepage: 'cp1258', vendor: 'epson' }));
    const cmds = await sim.lastJob();
    expect(cmds).toContainEqual({ op: 'codepage', n: 0x34 });
    const text = Buffer.from(cmds.flatMap((c) => (c.op === 'text' ? c.bytes : []))).toString('latin1');
    // "Trạm" = T r a + dot below (0xF2) + m
    expect(text).toContain('Tra\xf2m');
    const store = cmds.find((c) => c.op === 'qr' && c.fn === 0x50);
    expect(store && 'data' in store ? Buffer.from(store.data!).toString() : '').toBe(content.qr);
    expect(cmds).toContainEqual({ op: 'qr', fn: 0x51, arg: 0x30 });
    expect(cmds.filter((c) => c.op !== 'newline').at(-1)).toEqual({ op: 'cut', partial: true });
  });

  it('code-page mode TCVN-3 switches between the lower-case and capitals tables', async () => {
    sim.reset();
    await printTicket(content, profile({ mode: 'codepage', codepage: 'tcvn3', vendor: 'epson' }));
    const tables = (await sim.lastJob()).filter((c) => c.op === 'codepage').map((c) => ('n' in c ? c.n : -1));
    expect(tables).toContain(0x1e);
    expect(tables).toContain(0x1f);
  });

  it('refuses with coded errors when the printer reports offline or no paper, or is unreachable', async () => {
    sim.status = { printer: 0x1a, paper: 0x12 };
    expect(await codeOf(printTicket(content, profile()))).toBe('PRINTER_OFFLINE');
    sim.status = { printer: 0x12, paper: 0x72 };
    expect(await codeOf(printTicket(content, profile()))).toBe('PRINTER_NO_PAPER');
    sim.status = { printer: 0x12, paper: 0x12 };
    expect(await codeOf(printTicket(content, profile({ address: '127.0.0.1:1' })))).toBe('PRINTER_OFFLINE');
  });

  it('prints with status unknown when the printer does not answer DLE EOT', async () => {
    sim.silent = true;
    const r = await printTicket(content, profile(), 100);
    sim.silent = false;
    expect(r.status).toBe('unknown');
  });
});
