import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type * as PcscMini from 'pcsc-mini';
import { CardErrors } from '../../../contract/card.ts';
import type { ApduTransport } from './apdu-transport.ts';

type Pcsc = typeof PcscMini;

/** Loads the native binding lazily: a machine without PC/SC (or its library) still starts the app. */
function loadPcsc(): Pcsc | undefined {
  try {
    return createRequire(import.meta.url)('pcsc-mini') as Pcsc;
  } catch {
    return undefined;
  }
}

/** PC/SC error codes (pcsc-mini names) that mean the card left the field. */
const REMOVED = new Set(['RemovedCard', 'ResetCard', 'NoSmartCard', 'UnpoweredCard', 'UnresponsiveCard']);

export function mapPcscError(err: unknown): Error {
  const code = (err as { code?: string } | undefined)?.code ?? '';
  if (REMOVED.has(code)) return CardErrors.raise('CARD_REMOVED', { pcsc: code });
  if (code === 'NoService' || code === 'ServiceStopped' || code === 'NoReadersAvailable' || code === 'ReaderUnavailable' || code === 'UnknownReader') {
    return CardErrors.raise('NO_READER', { pcsc: code });
  }
  return CardErrors.raise('READER_ERROR', { pcsc: code || String(err) });
}

export interface ReaderInfo {
  id: string;
  name: string;
  cardPresent: boolean;
}

/** One connected card; transmit maps PC/SC failures to coded errors. */
export class PcscCardTransport implements ApduTransport {
  /** vpcd, CCID and Windows' stack accept extended APDUs; readers that do not answer 6700, see README. */
  readonly maxResponse: number;
  /** pcsc-mini's default receive buffer fits short APDUs only; extended responses need more. */
  private readonly receive = new ArrayBuffer(65538);

  constructor(
    private readonly card: PcscMini.Card,
    private readonly disposition: number,
    extended: boolean,
  ) {
    this.maxResponse = extended ? 1024 : 256;
  }

  async transmit(command: Uint8Array): Promise<Uint8Array> {
    let response: Uint8Array;
    try {
      response = (await this.card.transmit(command, this.receive)).slice();
    } catch (err) {
      throw mapPcscError(err);
    }
    // No status word at all: the contactless card left the field mid-exchange (vpcd reports it so).
    if (response.length < 2) throw CardErrors.raise('CARD_REMOVED', { reason: 'no response' });
    return response;
  }

  async close(): Promise<void> {
    await this.card.disconnect(this.disposition).catch(() => undefined);
  }
}

export interface PcscReadersEvents {
  change: [ReaderInfo[]];
  /** A card arrived on a reader (it was empty before). */
  tapped: [string];
}

/**
 * Watches PC/SC readers. pcsc-mini reports readers as they come and go; when the PC/SC service
 * itself stops (pcscd restarted, Windows Smart Card service cycled on unplug) the client errors,
 * and this restarts it with a back-off, so an unplugged and replugged reader recovers by itself.
 */
export class PcscReaders extends EventEmitter<PcscReadersEvents> {
  private readonly pcsc = loadPcsc();
  private client?: PcscMini.Client;
  private readonly readers = new Map<string, { reader: PcscMini.Reader; present: boolean }>();
  private restartTimer?: NodeJS.Timeout;
  private stopped = true;
  private backoffMs = 500;

  get available(): boolean {
    return this.pcsc !== undefined;
  }

  start(): void {
    if (!this.pcsc || !this.stopped) return;
    this.stopped = false;
    this.startClient();
  }

  private startClient(): void {
    const pcsc = this.pcsc as Pcsc;
    const client = new pcsc.Client();
    this.client = client;
    client.on('reader', (reader) => {
      const name = reader.name();
      this.readers.set(name, { reader, present: false });
      this.backoffMs = 500;
      reader.on('change', (status) => {
        const entry = this.readers.get(name);
        if (!entry) return;
        const present = status.has(pcsc.ReaderStatus.PRESENT) && !status.has(pcsc.ReaderStatus.MUTE);
        const arrived = present && !entry.present;
        entry.present = present;
        this.emit('change', this.list());
        if (arrived) this.emit('tapped', name);
      });
      reader.on('disconnect', () => {
        this.readers.delete(name);
        this.emit('change', this.list());
      });
      this.emit('change', this.list());
    });
    client.on('error', () => {
      this.readers.clear();
      this.emit('change', this.list());
      try {
        client.stop();
      } catch {
        // already stopped
      }
      this.scheduleRestart();
    });
    try {
      client.start();
    } catch {
      this.scheduleRestart();
    }
  }

  private scheduleRestart(): void {
    if (this.stopped || this.restartTimer) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (!this.stopped) this.startClient();
    }, this.backoffMs);
    this.restartTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, 5000);
  }

  list(): ReaderInfo[] {
    return [...this.readers.entries()].map(([name, r]) => ({ id: name, name, cardPresent: r.present }));
  }

  /** Waits until a reader with a card exists (the one named, else the first with a card). */
  async waitForCard(readerId: string | undefined, timeoutMs: number): Promise<string> {
    const pick = () => this.list().find((r) => (readerId ? r.id === readerId : true) && r.cardPresent)?.id;
    const now = pick();
    if (now) return now;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('change', onChange);
        const known = readerId ? this.readers.has(readerId) : this.readers.size > 0;
        reject(CardErrors.raise(known ? 'NO_CARD' : 'NO_READER'));
      }, timeoutMs);
      const onChange = () => {
        const id = pick();
        if (!id) return;
        clearTimeout(timer);
        this.off('change', onChange);
        resolve(id);
      };
      this.on('change', onChange);
    });
  }

  async connect(readerId: string): Promise<PcscCardTransport> {
    const pcsc = this.pcsc;
    const entry = this.readers.get(readerId);
    if (!pcsc || !entry) throw CardErrors.raise('NO_READER');
    try {
      const card = await entry.reader.connect(pcsc.CardMode.SHARED);
      return new PcscCardTransport(card, pcsc.CardDisposition.RESET, true);
    } catch (err) {
      throw mapPcscError(err);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    try {
      this.client?.stop();
    } catch {
      // already stopped
    }
    this.readers.clear();
  }
}
