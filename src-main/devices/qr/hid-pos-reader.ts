import { ReaderBase } from './qr-reader.ts';
import { HidPosAssembler, HID_POS_USAGE_PAGE } from './hid-pos-report.ts';
import { decodeFrame } from './frame-assembler.ts';

interface HidDevice {
  on(event: 'data', cb: (data: Buffer) => void): void;
  on(event: 'error', cb: (err: Error) => void): void;
  close(): void | Promise<void>;
}

/**
 * A scanner in HID-POS mode through node-hid. Small on purpose: it has never met a device (this
 * build machine has no /dev/hidraw); the report parser is unit-tested with synthetic reports.
 * Polls for the device every few seconds so a replugged scanner comes back.
 */
export class HidPosReader extends ReaderBase {
  private device: HidDevice | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private readonly assembler = new HidPosAssembler();

  constructor(
    private readonly vendorId: number,
    private readonly productId: number,
    private readonly pollMs = 3000,
  ) {
    super(`qr:hid-pos:${vendorId.toString(16).padStart(4, '0')}:${productId.toString(16).padStart(4, '0')}`, 'hid-pos', `USB ${vendorId.toString(16)}:${productId.toString(16)}`);
  }

  async open(): Promise<void> {
    await this.tryOpen();
    this.poll = setInterval(() => void this.tryOpen(), this.pollMs);
  }

  async close(): Promise<void> {
    clearInterval(this.poll);
    await this.device?.close();
    this.device = undefined;
    this.setStatus('offline');
  }

  private async tryOpen(): Promise<void> {
    if (this.device) return;
    try {
      const HID = await import('node-hid');
      const info = (await HID.devicesAsync()).find((d) => d.vendorId === this.vendorId && d.productId === this.productId && (d.usagePage === undefined || d.usagePage === HID_POS_USAGE_PAGE));
      if (!info?.path) {
        this.setStatus('offline', 'HID_NOT_FOUND');
        return;
      }
      const device = (await HID.HIDAsync.open(info.path)) as unknown as HidDevice;
      this.device = device;
      device.on('data', (report) => {
        const code = this.assembler.push(report);
        if (code) this.emit({ type: 'text', text: decodeFrame(code), receivedAt: performance.now() });
      });
      device.on('error', () => {
        this.device = undefined;
        this.setStatus('offline', 'HID_DISCONNECTED');
      });
      this.setStatus('ready');
    } catch {
      this.setStatus('error', 'HID_OPEN_FAILED');
    }
  }
}
