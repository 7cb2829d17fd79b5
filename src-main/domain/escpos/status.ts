/** DLE EOT n: real-time status requests answered with one byte (ESC/POS). */
export const DLE_EOT_PRINTER = Uint8Array.of(0x10, 0x04, 0x01);
export const DLE_EOT_PAPER = Uint8Array.of(0x10, 0x04, 0x04);

export interface TicketPrinterStatus {
  online: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
}

/** A valid status byte has bit 1 set and bits 0, 4 and 7 as fixed (0, 1, 0). */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** Combines the answers to DLE EOT 1 (bit 3 = offline) and DLE EOT 4 (bits 5–6 = paper end, 2–3 = near end). */
export function parseStatus(printer: number, paper: number): TicketPrinterStatus {
  return { online: (printer & 0x08) === 0, paperOut: (paper & 0x60) !== 0, paperNearEnd: (paper & 0x0c) !== 0 };
}
