import type { BenchRow } from './row.ts';
import { renderForm } from '../../src-main/features/print/forms/render.ts';
import { sampleFormData } from '../../src-main/features/print/forms/sample.ts';
import { PaymentSettings } from '../../src-main/contract/print.ts';
import { encodeTicket } from '../../src-main/devices/printer/escpos/ticket-encoder.ts';
import { TicketPrinter } from '../../src-main/contract/print.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(runs: number, f: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/**
 * From "accept" (view model in hand) to the Mẫu 01 PDF bytes and hash ready: validation, layout of
 * both copies, QR + Code 128 + VietQR, font subsetting, save and SHA-256. Baseline: Mẫu 03 (one page,
 * no codes but the dossier QR). The first run (font load, module warm-up) is reported separately.
 */
export async function bench(): Promise<BenchRow[]> {
  const payment = PaymentSettings.parse({ enabled: true, bankBin: '970436', accountNumber: '0011001234567' });
  const receipt = sampleFormData('receipt');
  const t0 = performance.now();
  await renderForm('receipt', receipt, { payment });
  const cold = performance.now() - t0;
  const warm = await time(15, () => renderForm('receipt', receipt, { payment }));
  const refusal = await time(15, () => renderForm('refusal', sampleFormData('refusal')));
  const ticketProfile = TicketPrinter.parse({ id: 't', transport: 'tcp', address: '127.0.0.1' });
  const content = { agency: 'Trạm Y tế xã An Bình', title: 'SỐ THỨ TỰ', number: '0015', service: 'Khám bệnh', counter: 'Quầy 01', issuedAt: '02/03/2026 09:40', qr: 'STT:0015' };
  encodeTicket(content, ticketProfile);
  const ticket = await time(15, () => encodeTicket(content, ticketProfile));
  return [
    { area: 'print', name: 'accept → Mẫu 01 PDF ready (median of 15)', value: warm, unit: 'ms', baseline: { name: 'Mẫu 03', value: refusal }, target: '< 500 ms', met: warm < 500 },
    { area: 'print', name: 'accept → Mẫu 01 PDF, first run in the process', value: cold, unit: 'ms' },
    { area: 'print', name: 'queue ticket raster encode (576 dots)', value: ticket, unit: 'ms' },
  ];
}
