import { createServer, type Server, type Socket } from 'node:net';
import { decodeEscPos, type EscPosCommand } from './escpos-decoder.ts';

/**
 * A TCP 9100 ESC/POS printer simulator on 127.0.0.1: keeps every byte it is sent, answers DLE EOT 1
 * and 4 with the configured status bytes (or stays silent), and decodes jobs with the test decoder.
 */
export class SimulatedTicketPrinter {
  private server: Server;
  private sockets = new Set<Socket>();
  received: Buffer[] = [];
  /** 0x12 = online, no error; set bit 3 (0x1A) for offline; paper 0x72 = paper end. */
  status = { printer: 0x12, paper: 0x12 };
  silent = false;
  port = 0;
  /** Called with each finished job's bytes (training mode keeps them as files). */
  onJob?: (bytes: Buffer) => void;

  constructor() {
    this.server = createServer((socket) => {
      this.sockets.add(socket);
      const chunks: Buffer[] = [];
      socket.on('data', (d: Buffer) => {
        chunks.push(d);
        for (let i = 0; i + 2 < d.length; i++) {
          if (d[i] === 0x10 && d[i + 1] === 0x04 && !this.silent) {
            const n = d[i + 2];
            socket.write(Buffer.of(n === 4 ? this.status.paper : this.status.printer));
          }
        }
      });
      socket.on('close', () => {
        this.sockets.delete(socket);
        if (!chunks.length) return;
        const job = Buffer.concat(chunks);
        this.received.push(job);
        this.onJob?.(job);
      });
      socket.on('error', () => {});
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : 0;
    return `127.0.0.1:${this.port}`;
  }

  /** Forget earlier jobs (call before printing the job a test then reads with lastJob). */
  reset(): void {
    this.received = [];
  }

  /** The last job's commands, without the status requests. */
  async lastJob(): Promise<EscPosCommand[]> {
    for (let i = 0; i < 50 && !this.received.length; i++) await new Promise((r) => setTimeout(r, 20));
    const last = this.received[this.received.length - 1];
    return last ? decodeEscPos(last).filter((c) => c.op !== 'status-request') : [];
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
