import { PrintErrors, type TicketPrinter } from '../../../contract/print.ts';
import { DLE_EOT_PAPER, DLE_EOT_PRINTER, isStatusByte, parseStatus } from '../../../domain/escpos/status.ts';
import { encodeTicket } from './ticket-encoder.ts';
import type { TicketContent } from './ticket.ts';
import { openTicketTransport, type TicketTransport } from './transport.ts';

export type StatusText = 'ready' | 'unknown';

/** Asks DLE EOT 1 and 4; refuses to print when the printer says offline or out of paper. */
async function checkStatus(t: TicketTransport, timeoutMs: number): Promise<StatusText> {
  const printer = await t.request(DLE_EOT_PRINTER, timeoutMs);
  if (printer === undefined || !isStatusByte(printer)) return 'unknown';
  const paper = await t.request(DLE_EOT_PAPER, timeoutMs);
  if (paper === undefined || !isStatusByte(paper)) return 'unknown';
  const s = parseStatus(printer, paper);
  if (s.paperOut) throw PrintErrors.raise('PRINTER_NO_PAPER');
  if (!s.online) throw PrintErrors.raise('PRINTER_OFFLINE');
  return 'ready';
}

/** Encodes the ticket for the profile and sends it; returns the byte count and the status seen. */
export async function printTicket(content: TicketContent, p: TicketPrinter, statusTimeoutMs = 500): Promise<{ bytes: number; status: StatusText }> {
  const bytes = encodeTicket(content, p);
  const transport = await openTicketTransport(p);
  try {
    const status = p.transport === 'usb' ? 'unknown' : await checkStatus(transport, statusTimeoutMs);
    await transport.write(bytes);
    return { bytes: bytes.length, status };
  } finally {
    await transport.close();
  }
}
