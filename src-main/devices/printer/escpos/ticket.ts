/** What a queue ticket says; the same content prints as raster or as code-page text. */
export interface TicketContent {
  agency: string;
  title: string;
  number: string;
  service: string;
  counter: string;
  /** "02/03/2026 09:40". */
  issuedAt: string;
  /** What the ticket's QR encodes (lets a kiosk or the counter scan the ticket back). */
  qr: string;
}

export function ticketLines(t: TicketContent): Array<{ text: string; size: 'small' | 'normal' | 'huge'; bold?: boolean }> {
  return [
    { text: t.agency, size: 'small', bold: true },
    { text: t.title, size: 'normal', bold: true },
    { text: t.number, size: 'huge', bold: true },
    ...(t.service ? [{ text: t.service, size: 'normal' as const }] : []),
    ...(t.counter ? [{ text: t.counter, size: 'normal' as const }] : []),
    { text: t.issuedAt, size: 'small' },
  ];
}
