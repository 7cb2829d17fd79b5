import { existsSync } from 'node:fs';
import type { SerialPort as SerialPortType } from 'serialport';
import type { SerialQrConfig } from '../../contract/idread.ts';
import { ReaderBase } from './qr-reader.ts';
import { FrameAssembler, decodeFrame, type Frame } from './frame-assembler.ts';

export interface SerialReaderOptions extends SerialQrConfig {
  /** How often to try again when the port is gone (unplugged, COM port not yet back). */
  retryMs?: number;
  simulated?: boolean;
}

/**
 * A QR reader in USB virtual COM (CDC-ACM) mode: bytes at a fixed baud rate, each code followed by
 * the configured suffix. Unplugging closes the port; we keep trying the same path until the reader
 * comes back (Windows keeps the COM number, Linux udev the by-id link).
 */
export class SerialQrReader extends ReaderBase {
  private port: SerialPortType | undefined;
  private closing = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private frameTimer: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private readonly frames: FrameAssembler;

  constructor(private readonly opts: SerialReaderOptions) {
    super(`qr:serial:${opts.path}`, 'serial', opts.path, opts.simulated ?? false);
    this.frames = new FrameAssembler(opts.suffix, opts.frameTimeoutMs);
  }

  async open(): Promise<void> {
    this.closing = false;
    await this.tryOpen();
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retry);
    clearTimeout(this.frameTimer);
    clearInterval(this.watchdog);
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    this.setStatus('offline');
  }

  private async tryOpen(): Promise<void> {
    if (this.closing) return;
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({ path: this.opts.path, baudRate: this.opts.baudRate, autoOpen: false });
    const err = await new Promise<Error | null>((resolve) => port.open((e) => resolve(e ?? null)));
    if (this.closing) {
      if (!err) port.close();
      return;
    }
    if (err) {
      this.setStatus('offline', 'SERIAL_OPEN_FAILED');
      this.scheduleRetry();
      return;
    }
    this.port = port;
    port.on('data', (chunk: Buffer) => this.onData(chunk));
    port.on('error', () => this.setStatus('error', 'SERIAL_IO_ERROR'));
    port.on('close', () => {
      if (this.port !== port) return;
      this.port = undefined;
      clearInterval(this.watchdog);
      this.flush(this.frames.expire(Number.POSITIVE_INFINITY));
      if (this.closing) return;
      this.setStatus('offline', 'SERIAL_DISCONNECTED');
      this.scheduleRetry();
    });
    this.setStatus('ready');
    // Listing ports on Windows goes through SetupAPI; every 2 s is plenty there.
    const every = process.platform === 'win32' ? Math.max(2000, this.opts.retryMs ?? 500) : (this.opts.retryMs ?? 500);
    this.watchdog = setInterval(() => void this.checkStillThere(port), every);
  }

  /**
   * The close event is not enough: a tty that was this process's controlling terminal reads EOF
   * forever after a hang-up instead of failing. So we also look for the device itself: the /dev
   * node (or by-id link) on Linux/macOS, the COM name in the port list on Windows.
   */
  private async checkStillThere(port: SerialPortType): Promise<void> {
    let present: boolean;
    if (process.platform === 'win32') {
      const { SerialPort } = await import('serialport');
      present = (await SerialPort.list()).some((p) => p.path.toUpperCase() === this.opts.path.toUpperCase());
    } else {
      present = existsSync(this.opts.path);
    }
    if (present || this.port !== port) return;
    this.port = undefined;
    clearInterval(this.watchdog);
    port.removeAllListeners('data');
    if (port.isOpen) port.close(() => {});
    this.flush(this.frames.expire(Number.POSITIVE_INFINITY));
    if (this.closing) return;
    this.setStatus('offline', 'SERIAL_DISCONNECTED');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.tryOpen(), this.opts.retryMs ?? 500);
  }

  private onData(chunk: Buffer): void {
    this.flush(this.frames.push(chunk, performance.now()));
    clearTimeout(this.frameTimer);
    if (this.frames.pending()) {
      this.frameTimer = setTimeout(() => this.flush(this.frames.expire(performance.now())), this.opts.frameTimeoutMs + 1);
    }
  }

  private flush(frames: Frame[]): void {
    for (const f of frames) {
      if (f.ok) this.emit({ type: 'text', text: decodeFrame(f.bytes), receivedAt: performance.now() });
      else this.emit({ type: 'broken', bytes: f.bytes, reason: f.reason });
    }
  }
}
