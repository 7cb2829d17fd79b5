import { connect, type Socket } from 'node:net';
import type { VirtualChip } from '../../../src-main/devices/idcard/simulated/virtual-chip.ts';

/** ATR of a contactless ISO 14443-4 card as PC/SC readers present it (PC/SC part 3 format). */
export const CONTACTLESS_ATR = Uint8Array.of(0x3b, 0x88, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x77, 0x81, 0x81, 0x00, 0x79);

/**
 * The card side of vsmartcard's vicc protocol: connects to vpcd (the pcscd driver, TCP 35963) and
 * answers its messages, each a 2-byte big-endian length then the payload. A 1-byte payload is a
 * control code: 0 power off, 1 power on, 2 reset, 4 send the ATR; anything longer is an APDU.
 * Closing the socket is how a card leaves the reader.
 */
export class ViccBridge {
  private socket?: Socket;
  private buffer = Buffer.alloc(0);
  /** Every APDU passed through, to prove the real PC/SC path was used. */
  apdus = 0;

  constructor(
    private readonly chip: VirtualChip,
    private readonly port = 35963,
    private readonly host = '127.0.0.1',
  ) {}

  /** Inserts the card: connects to vpcd (retrying while pcscd starts up). */
  async insert(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        this.socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(this.port, this.host, () => resolve(s));
          s.once('error', reject);
        });
        break;
      } catch (err) {
        if (Date.now() > until) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    this.socket.setNoDelay(true);
    this.socket.on('data', (d: Buffer) => this.onData(d));
    this.socket.on('error', () => undefined);
  }

  /** Pulls the card off the reader. */
  remove(): void {
    this.socket?.destroy();
    this.socket = undefined;
    this.chip.reset();
  }

  private send(payload: Uint8Array): void {
    const head = Buffer.alloc(2);
    head.writeUInt16BE(payload.length);
    this.socket?.write(Buffer.concat([head, payload]));
  }

  private onData(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    while (this.buffer.length >= 2) {
      const len = this.buffer.readUInt16BE(0);
      if (this.buffer.length < 2 + len) return;
      const msg = new Uint8Array(this.buffer.subarray(2, 2 + len));
      this.buffer = this.buffer.subarray(2 + len);
      void this.handle(msg);
    }
  }

  private async handle(msg: Uint8Array): Promise<void> {
    if (msg.length === 1) {
      const code = msg[0];
      if (code === 0 || code === 1 || code === 2) this.chip.reset();
      if (code === 4) this.send(CONTACTLESS_ATR);
      return;
    }
    this.apdus++;
    try {
      this.send(await this.chip.transmit(msg));
    } catch {
      // The chip was "removed" mid-read: drop off the reader as a real card would.
      this.remove();
    }
  }
}
