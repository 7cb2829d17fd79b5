/**
 * What the ICAO stack needs from a card connection: send one command APDU, get the response
 * (data ‖ SW1 SW2). PC/SC, the in-process virtual chip and any future vendor bridge implement it.
 */
export interface ApduTransport {
  transmit(command: Uint8Array): Promise<Uint8Array>;
  /** Largest response data the reader/card pair accepts in one APDU (256 for short length only). */
  readonly maxResponse?: number;
}
