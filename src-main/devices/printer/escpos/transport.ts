import { Socket } from 'node:net';
import { open } from 'node:fs/promises';
import { PrintErrors, type TicketPrinter } from '../../../contract/print.ts';

/** A byte pipe to an ESC/POS printer; `request` writes and waits for the first reply byte (DLE EOT). */
export interface TicketTransport {
  write(bytes: Uint8Array): Promise<void>;
  /** undefined when the transport cannot read back or the printer did not answer in time. */
  request(bytes: Uint8Array, timeoutMs: number): Promise<number | undefined>;
  close(): Promise<void>;
}

export function parseTcpAddress(address: string): { host: string; port: number } {
  const m = /^(.*?)(?::(\d+))?$/.exec(address.trim())!;
  return { host: m[1] || '127.0.0.1', port: m[2] ? Number(m[2]) : 9100 };
}

/** A reader that hands each incoming byte to the oldest waiting request. */
class Replies {
  private waiting: Array<(b: number | undefined) => void> = [];
  push(chunk: Uint8Array): void {
    for (const b of chunk) this.waiting.shift()?.(b);
  }
  next(timeoutMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const done = (b: number | undefined) => {
        clearTimeout(timer);
        resolve(b);
      };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== done);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.push(done);
    });
  }
}

async function tcpTransport(address: string, connectTimeoutMs: number): Promise<TicketTransport> {
  const { host, port } = parseTcpAddress(address);
  const socket = new Socket();
  const replies = new Replies();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(PrintErrors.raise('PRINTER_OFFLINE', { address, reason: 'timeout' }));
    }, connectTimeoutMs);
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(PrintErrors.raise('PRINTER_OFFLINE', { address, reason: (e as NodeJS.ErrnoException).code }));
    });
    socket.connect(port, host, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  socket.on('data', (d: Buffer) => replies.push(d));
  socket.on('error', () => {});
  return {
    write: (bytes) =>
      new Promise((resolve, reject) => socket.write(bytes, (e) => (e ? reject(PrintErrors.raise('PRINT_FAILED', { reason: e.message })) : resolve()))),
    async request(bytes, timeoutMs) {
      const reply = replies.next(timeoutMs);
      socket.write(bytes);
      return reply;
    },
    close: () => new Promise((resolve) => socket.end(() => resolve())),
  };
}

async function serialTransport(path: string, baudRate: number): Promise<TicketTransport> {
  const { SerialPort } = await import('serialport');
  const replies = new Replies();
  const port = await new Promise<InstanceType<typeof SerialPort>>((resolve, reject) => {
    const p = new SerialPort({ path, baudRate }, (e) => (e ? reject(PrintErrors.raise('PRINTER_OFFLINE', { address: path, reason: e.message })) : resolve(p)));
  });
  port.on('data', (d: Buffer) => replies.push(d));
  const write = (bytes: Uint8Array) =>
    new Promise<void>((resolve, reject) =>
      port.write(Buffer.from(bytes), (e) => (e ? reject(PrintErrors.raise('PRINT_FAILED', { reason: e.message })) : port.drain(() => resolve()))),
    );
  return {
    write,
    async request(bytes, timeoutMs) {
      const reply = replies.next(timeoutMs);
      await write(bytes);
      return reply;
    },
    close: () => new Promise((resolve) => port.close(() => resolve())),
  };
}

/** USB printer class device (Linux /dev/usb/lp0): write-only here, so no status. */
async function usbTransport(path: string): Promise<TicketTransport> {
  const file = await open(path, 'w').catch((e: NodeJS.ErrnoException) => {
    throw PrintErrors.raise('PRINTER_OFFLINE', { address: path, reason: e.code });
  });
  return {
    async write(bytes) {
      await file.write(bytes);
    },
    request: async () => undefined,
    close: () => file.close(),
  };
}

export function openTicketTransport(p: TicketPrinter, connectTimeoutMs = 3_000): Promise<TicketTransport> {
  if (p.transport === 'tcp') return tcpTransport(p.address, connectTimeoutMs);
  if (p.transport === 'serial') return serialTransport(p.address, p.baudRate);
  return usbTransport(p.address);
}
