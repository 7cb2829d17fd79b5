import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/** The text data an HN-212-style reader publishes after reading a chip (field names as documented). */
export interface VendorCardData {
  idCode: string;
  oldIdCode?: string;
  personName: string;
  dateOfBirth: string;
  gender: string;
  nationality?: string;
  residencePlace?: string;
  issueDate?: string;
  expiryDate?: string;
}

/**
 * Simulates an all-in-one CCCD reader's Socket.IO API: on a card tap it emits {id:1} "new card!",
 * then {id:2, data} with the chip's text fields and {id:4, data} with base64 data groups; a failed
 * read is {id:3, message}. `eventName` and `namespace` are configurable because the vendor's
 * "channel /event" is ambiguous.
 */
export class VendorReaderSim {
  private http: HttpServer | undefined;
  private io: Server | undefined;
  url = '';

  constructor(private readonly opts: { namespace?: string; eventName?: string; port?: number } = {}) {}

  async start(): Promise<string> {
    this.http = createServer();
    this.io = new Server(this.http, { transports: ['websocket'] });
    this.io.of(this.opts.namespace ?? '/event');
    await new Promise<void>((resolve) => this.http?.listen(this.opts.port ?? 0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    return this.url;
  }

  private send(payload: unknown): void {
    this.io?.of(this.opts.namespace ?? '/event').emit(this.opts.eventName ?? 'event', payload);
  }

  tap(data: VendorCardData, raw: Record<string, string> = {}): void {
    this.send({ id: 1, message: 'new card!' });
    this.send({ id: 2, message: 'read card successfully!', data });
    this.send({ id: 4, message: 'Read raw data successfully!', data: raw });
  }

  fail(message = 'read card failed'): void {
    this.send({ id: 1, message: 'new card!' });
    this.send({ id: 3, message });
  }

  async stop(): Promise<void> {
    this.io?.disconnectSockets(true);
    await new Promise<void>((resolve) => (this.io ? this.io.close(() => resolve()) : resolve()));
    this.io = undefined;
    this.http = undefined;
  }
}
