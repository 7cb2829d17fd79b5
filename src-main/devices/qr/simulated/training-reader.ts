import { ReaderBase } from '../qr-reader.ts';

/** Training mode's QR reader: always ready, "scans" whatever text the trainer asks it to. */
export class TrainingQrReader extends ReaderBase {
  constructor() {
    super('qr:training', 'serial', 'training', true);
  }

  async open(): Promise<void> {
    this.setStatus('ready');
  }

  async close(): Promise<void> {
    this.setStatus('offline');
  }

  scan(text: string): void {
    this.emit({ type: 'text', text, receivedAt: performance.now() });
  }
}
