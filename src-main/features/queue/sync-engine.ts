import type { ProvinceAdapter } from './adapter.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { DossierSource } from './dossier-source.ts';
import { NetworkMonitor, type NetworkState } from './network-monitor.ts';
import { Outbox } from './outbox.ts';
import { pullStatus } from './status-puller.ts';
import { Uploader } from './uploader.ts';

export interface SyncEngineOptions {
  outbox: Outbox;
  source: DossierSource;
  /** Undefined while no server is configured: work is queued, nothing is sent. */
  adapter: ProvinceAdapter | undefined;
  concurrency?: number;
  backoff?: BackoffPolicy;
  leaseMs?: number;
  /** Period of the drain timer (besides the kicks on accept, on reconnect and on "retry now"). */
  tickMs?: number;
  pullEveryMs?: number;
  onlineEveryMs?: number;
  offlineEveryMs?: number;
  onNetwork?: (state: NetworkState) => void;
  onChange?: () => void;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** The delivery runtime: network state, the uploader and the status pull, driven by timers and kicks. */
export class SyncEngine {
  readonly outbox: Outbox;
  private readonly monitor: NetworkMonitor | undefined;
  private readonly uploader: Uploader | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastPull = 0;
  private stopped = true;
  private pulling: Promise<unknown> | undefined;

  constructor(private readonly o: SyncEngineOptions) {
    this.outbox = o.outbox;
    const adapter = o.adapter;
    if (!adapter) return;
    this.monitor = new NetworkMonitor({
      ping: () => adapter.ping(),
      onlineEveryMs: o.onlineEveryMs,
      offlineEveryMs: o.offlineEveryMs,
      onChange: (state) => {
        o.onNetwork?.(state);
        o.onChange?.();
        if (state === 'online') this.kick();
      },
    });
    this.uploader = new Uploader({
      outbox: o.outbox,
      source: o.source,
      adapter,
      concurrency: o.concurrency,
      backoff: o.backoff,
      leaseMs: o.leaseMs,
      onNetwork: (up) => this.monitor?.report(up),
      onChange: () => o.onChange?.(),
      log: o.log,
    });
  }

  get network(): NetworkState {
    return this.monitor?.state ?? 'unconfigured';
  }

  get blockedByAuth(): boolean {
    return this.uploader?.blockedByAuth ?? false;
  }

  start(): void {
    this.stopped = false;
    this.outbox.recoverInterrupted();
    this.monitor?.start();
    this.schedule(0);
  }

  /** Something became due (accept, retry now, back online): drain soon. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  retryNow(dossierIds?: readonly string[]): number {
    const n = this.outbox.retryNow(dossierIds);
    this.uploader?.unblock();
    void this.monitor?.probe();
    this.kick();
    this.o.onChange?.();
    return n;
  }

  /** One round: drain what is due, pull statuses when it is time. Resolves when both are done. */
  async tick(): Promise<void> {
    if (!this.uploader || !this.o.adapter) return;
    if (this.network !== 'offline') await this.uploader.drain();
    const every = this.o.pullEveryMs ?? 60_000;
    if (this.network === 'online' && Date.now() - this.lastPull >= every && !this.pulling) {
      this.lastPull = Date.now();
      this.pulling = pullStatus(this.o.adapter, this.outbox, this.o.source)
        .then((n) => n && this.o.onChange?.())
        .catch((err: unknown) => this.o.log?.('status pull failed', { error: String(err) }))
        .finally(() => (this.pulling = undefined));
      await this.pulling;
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().finally(() => {
        const tickMs = this.o.tickMs ?? 15_000;
        const due = this.outbox.nextDueAt();
        const wait = due === undefined ? tickMs : Math.min(tickMs, Math.max(50, due - Date.now()));
        this.schedule(wait);
      });
    }, delayMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.monitor?.stop();
    await this.uploader?.stop();
    await this.pulling;
  }
}
