import { open, type FileHandle } from 'node:fs/promises';

const SUFFIX: Record<string, string> = { CR: '\r', LF: '\n', CRLF: '\r\n', TAB: '\t', none: '' };

/** 8N1 framing: start bit + 8 data bits + stop bit per byte. */
export const transportMs = (bytes: number, baud: number) => (bytes * 10 * 1000) / baud;

/**
 * A simulated QR reader in CDC-ACM mode: "types" a code into its side of the PTY pair at the pace
 * a real UART at `baud` would deliver it, followed by the suffix. Bytes are written as they fall
 * due (checked every ~1 ms), so a 9600-baud code takes as long as on the wire.
 */
export class QrTyper {
  private fh: FileHandle | undefined;

  constructor(private readonly readerPath: string, private readonly baud: number, private readonly suffix = 'CR') {}

  async open(): Promise<void> {
    this.fh = await open(this.readerPath, 'r+');
  }

  async close(): Promise<void> {
    await this.fh?.close();
    this.fh = undefined;
  }

  /** Returns when the last byte was written, with when typing started and ended (performance.now()). */
  async type(text: string, opts: { suffix?: string; stopAfter?: number } = {}): Promise<{ startedAt: number; lastByteAt: number; bytes: number; wireMs: number }> {
    if (!this.fh) await this.open();
    const all = Buffer.from(text + SUFFIX[opts.suffix ?? this.suffix], 'utf8');
    const bytes = opts.stopAfter === undefined ? all : all.subarray(0, opts.stopAfter);
    const perByte = transportMs(1, this.baud);
    const start = performance.now();
    let sent = 0;
    while (sent < bytes.length) {
      const due = Math.min(bytes.length, Math.floor((performance.now() - start) / perByte) + 1);
      if (due > sent) {
        await (this.fh as FileHandle).write(bytes.subarray(sent, due));
        sent = due;
      }
      if (sent < bytes.length) await new Promise((r) => setTimeout(r, 1));
    }
    return { startedAt: start, lastByteAt: performance.now(), bytes: bytes.length, wireMs: transportMs(bytes.length, this.baud) };
  }
}
