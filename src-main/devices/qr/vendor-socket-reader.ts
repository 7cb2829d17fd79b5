import type { Socket } from 'socket.io-client';
import { ReaderBase } from './qr-reader.ts';
import { identityFromHn212 } from '../../domain/identity/vendor-hn212.ts';
import { CounterError } from '../../contract/errors.ts';

/** Raw data groups the reader publishes in its `{id: 4}` event (base64), for the chip area's checks. */
export interface VendorRawGroups {
  dg2?: string;
  dg13?: string;
  dg14?: string;
  dg15?: string;
  sod?: string;
}

interface VendorMessage {
  id?: number;
  message?: string;
  data?: unknown;
}

/**
 * An all-in-one CCCD reader (HN-212 and alike) that reads the chip itself and publishes results as
 * Socket.IO events. Its documentation says "channel /event", which may mean the namespace or the
 * event name; we listen to every event on both the root and the /event namespace and recognise
 * the messages by their numeric `id` (1 new card, 2 text data, 3 failure, 4 raw data groups).
 * socket.io-client reconnects by itself, which covers the device being unplugged and replugged.
 */
export class VendorSocketReader extends ReaderBase {
  private sockets: Socket[] = [];
  private rawListener: ((groups: VendorRawGroups) => void) | undefined;

  constructor(private readonly url: string, simulated = false) {
    super(`idcard:vendor:${url}`, 'vendor-socket', url, simulated);
  }

  onRawGroups(listener: (groups: VendorRawGroups) => void): void {
    this.rawListener = listener;
  }

  async open(): Promise<void> {
    const { io } = await import('socket.io-client');
    const base = this.url.replace(/\/+$/, '');
    for (const nsUrl of [base, `${base}/event`]) {
      const socket = io(nsUrl, { transports: ['websocket'], reconnectionDelay: 300, reconnectionDelayMax: 2000, timeout: 3000 });
      socket.on('connect', () => this.setStatus('ready'));
      socket.on('disconnect', () => this.updateStatus());
      socket.on('connect_error', () => this.updateStatus());
      socket.onAny((_event: string, payload: unknown) => this.onMessage(payload));
      this.sockets.push(socket);
    }
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.close();
    this.sockets = [];
    this.setStatus('offline');
  }

  private updateStatus(): void {
    if (this.sockets.some((s) => s.connected)) this.setStatus('ready');
    else this.setStatus('offline', 'VENDOR_DISCONNECTED');
  }

  private onMessage(payload: unknown): void {
    const msg = (typeof payload === 'string' ? safeJson(payload) : payload) as VendorMessage | undefined;
    if (!msg || typeof msg !== 'object' || typeof msg.id !== 'number') return;
    const receivedAt = performance.now();
    if (msg.id === 2) {
      try {
        this.emit({ type: 'identity', identity: identityFromHn212(msg.data), receivedAt });
      } catch (err) {
        this.emit({ type: 'failed', code: err instanceof CounterError ? err.code : 'VENDOR_DATA_INVALID' });
      }
    } else if (msg.id === 3) {
      this.emit({ type: 'failed', code: 'VENDOR_READ_FAILED' });
    } else if (msg.id === 4 && msg.data && typeof msg.data === 'object') {
      this.rawListener?.(msg.data as VendorRawGroups);
    }
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
