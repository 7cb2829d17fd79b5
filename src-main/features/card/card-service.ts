import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CardErrors, type CardReadResult } from '../../contract/card.ts';
import type { MethodParsedInput } from '../../contract/methods.ts';
import type { EventBus } from '../../rpc/event-bus.ts';
import { readChip } from '../../devices/idcard/read-chip.ts';
import { PcscReaders, type ReaderInfo } from '../../devices/idcard/transport/pcsc-readers.ts';
import type { ApduTransport } from '../../devices/idcard/transport/apdu-transport.ts';

/** What the service needs from a reader set: PC/SC, or training mode's simulated reader. */
export type CardReaders = Pick<PcscReaders, 'available' | 'start' | 'stop' | 'list' | 'waitForCard'> & {
  on(event: 'tapped', listener: (readerId: string) => void): unknown;
  connect(readerId: string): Promise<ApduTransport & { close(): Promise<void> }>;
};

export interface CardServiceDeps {
  dataDir: string;
  bus: EventBus;
  /** Replaces the PC/SC watcher (tests, training mode). */
  readers?: CardReaders;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Chip ID card reads for the counter. Trusted CSCA certificates are files (DER or PEM) in
 * `<dataDir>/csca/`; without any, a correctly signed card reads as "unknown-issuer". Personal data
 * never goes to the log: only codes, reader names and timings do.
 */
export class CardService {
  private readonly readers: CardReaders;
  private started = false;
  private readonly busy = new Set<string>();
  /** Readers that refused extended-length APDUs once: later reads start short (no wasted PACE). */
  private readonly shortApduReaders = new Set<string>();

  constructor(private readonly deps: CardServiceDeps) {
    this.readers = deps.readers ?? new PcscReaders();
  }

  /** Starts watching readers on first use, so a core that never touches cards loads no PC/SC thread. */
  private ensureStarted(): void {
    if (this.started) return;
    this.started = true;
    this.readers.on('tapped', (readerId) => this.deps.bus.emit('card.tapped', { readerId }));
    this.readers.start();
  }

  listReaders(): ReaderInfo[] {
    this.ensureStarted();
    return this.readers.list();
  }

  cscaDir(): string {
    return join(this.deps.dataDir, 'csca');
  }

  loadCscas(): X509Certificate[] {
    let names: string[];
    try {
      names = readdirSync(this.cscaDir());
    } catch {
      return [];
    }
    const out: X509Certificate[] = [];
    for (const n of names.filter((f) => /\.(der|cer|crt|pem)$/i.test(f))) {
      try {
        out.push(new X509Certificate(readFileSync(join(this.cscaDir(), n))));
      } catch {
        this.deps.log?.('warn', 'csca certificate unreadable', { file: n });
      }
    }
    return out;
  }

  async read(input: MethodParsedInput<'card.read'>): Promise<CardReadResult> {
    if (!input.can && !input.mrz) throw CardErrors.raise('ACCESS_KEY_MISSING');
    this.ensureStarted();
    if (!this.readers.available) throw CardErrors.raise('NO_READER', { reason: 'PC/SC library not available' });
    const readerId = await this.readers.waitForCard(input.readerId, input.timeoutMs);
    if (this.busy.has(readerId)) throw CardErrors.raise('READ_BUSY');
    this.busy.add(readerId);
    let transport;
    try {
      transport = await this.readers.connect(readerId);
    } catch (err) {
      this.busy.delete(readerId);
      throw err;
    }
    try {
      const apduLength = this.shortApduReaders.has(readerId) ? 'short' : 'extended';
      const { result, apduLength: used } = await readChip(transport, { can: input.can, mrz: input.mrz }, { readerId, cscas: this.loadCscas(), apduLength });
      if (used === 'short' && apduLength === 'extended' && (transport.maxResponse ?? 256) > 256) this.shortApduReaders.add(readerId);
      this.deps.log?.('info', 'chip read', { readerId, access: result.access, pa: result.authenticity.result, ms: result.durationMs, apdu: used });
      this.deps.bus.emit('card.read', result);
      return result;
    } catch (err) {
      this.deps.log?.('warn', 'chip read failed', { readerId, code: (err as { code?: string }).code });
      throw err;
    } finally {
      this.busy.delete(readerId);
      await transport.close();
    }
  }

  close(): void {
    this.readers.stop();
  }
}
