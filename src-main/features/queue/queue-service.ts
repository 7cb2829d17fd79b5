import type { Settings } from '../../contract/settings.ts';
import { describeProblem, describeStatusProblem, QueueErrors, type QueueItem, type QueueStatusUpdate, type QueueSummary } from '../../contract/queue.ts';
import { DOSSIER_STATUSES } from '../../domain/dossier/status.ts';
import type { EventBus } from '../../rpc/event-bus.ts';
import type { Store } from '../../store/store.ts';
import type { ProvinceAdapter } from './adapter.ts';
import { OneStopRestAdapter } from './adapters/onestop-rest/rest-adapter.ts';
import { Outbox, type OutboxRow, type OutboxState } from './outbox.ts';
import type { StatusEntry } from './status-outbox.ts';
import { StoreSource } from './store-source.ts';
import { SyncEngine, type SyncEngineOptions } from './sync-engine.ts';
import type { StatusService } from '../../kernel/status-service.ts';

export interface SyncServiceDeps {
  store: Store;
  bus: EventBus;
  status: StatusService;
  settings: () => Settings;
  clientSecret: () => string | undefined;
  /** Tests and training replace the adapter (or its timing). */
  adapterFor?: (s: Settings, secret: string | undefined) => ProvinceAdapter | undefined;
  engine?: Partial<SyncEngineOptions>;
  /** False for one-shot CLI runs: read and mark the queue, but send nothing. */
  run?: boolean;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * The delivery queue as the rest of the app sees it: the accept hook, the engine (rebuilt when the
 * server settings change), and the views the queue screen and the CLI read.
 */
export class SyncService {
  readonly outbox: Outbox;
  private readonly source: StoreSource;
  private engine: SyncEngine;
  private adapter: ProvinceAdapter | undefined;
  private readonly detach: () => void;
  private readonly unsubscribe: () => void;
  private serverKey: string;
  private emitTimer: NodeJS.Timeout | undefined;

  constructor(private readonly d: SyncServiceDeps) {
    this.outbox = new Outbox(d.store.db);
    this.source = new StoreSource(d.store, () => d.settings().agency.name);
    this.detach = this.source.attach();
    this.serverKey = this.keyOf(d.settings());
    this.engine = this.build();
    if (d.run ?? true) this.engine.start();
    this.unsubscribe = d.bus.subscribe((event) => {
      if (event === 'settings.changed' && this.keyOf(d.settings()) !== this.serverKey) void this.rebuild();
    });
    // A freshly accepted dossier should leave at once, not at the next tick.
    d.store.dossiers.onAccept(() => setImmediate(() => this.engine.kick()));
    // Likewise a status change made at the counter (queued by the source's change hook).
    d.store.dossiers.onChange((_tx, _d, change) => {
      if (change.kind === 'status') setImmediate(() => this.engine.kick());
    });
  }

  private keyOf(s: Settings): string {
    return JSON.stringify([s.server.url, s.server.clientId, this.d.clientSecret() ?? '']);
  }

  private build(): SyncEngine {
    const s = this.d.settings();
    const secret = this.d.clientSecret();
    this.adapter = this.d.adapterFor
      ? this.d.adapterFor(s, secret)
      : s.server.url && s.server.clientId
        ? new OneStopRestAdapter({ baseUrl: s.server.url, clientId: s.server.clientId, clientSecret: secret ?? '' })
        : undefined;
    this.d.status.serverChanged(this.adapter ? 'offline' : 'unconfigured');
    return new SyncEngine({
      outbox: this.outbox,
      source: this.source,
      adapter: this.adapter,
      log: this.d.log,
      ...this.d.engine,
      onNetwork: (state) => this.d.status.serverChanged(state),
      onChange: () => this.changed(),
    });
  }

  private async rebuild(): Promise<void> {
    this.serverKey = this.keyOf(this.d.settings());
    await this.engine.stop();
    this.engine = this.build();
    if (this.d.run ?? true) this.engine.start();
    this.changed();
  }

  /** Announces queue changes at most every 300 ms (progress ticks come fast). */
  private changed(): void {
    if (this.emitTimer) return;
    this.emitTimer = setTimeout(() => {
      this.emitTimer = undefined;
      this.d.bus.emit('queue.changed', this.summary());
    }, 300);
    this.emitTimer.unref?.();
  }

  summary(): QueueSummary {
    const last = this.outbox.getState('lastSuccessAt');
    return {
      network: this.engine.network,
      authBlocked: this.engine.blockedByAuth,
      counts: this.outbox.counts(),
      statusCounts: this.outbox.statuses.counts(),
      lastSuccessAt: last ? new Date(Number(last)).toISOString() : null,
    };
  }

  list(input: { states?: OutboxState[]; limit?: number; offset?: number }): QueueItem[] {
    const rows = this.outbox.list({ states: input.states, limit: input.limit, offset: input.offset, byStatusUpdates: true });
    const byId = new Map(this.d.store.dossiers.summaries(rows.map((r) => r.dossierId)).map((s) => [s.id, s]));
    return rows.map((r) => ({ ...toItem(r, byId.get(r.dossierId)), statusUpdates: this.outbox.statuses.forDossier(r.dossierId).map(toStatusUpdate) }));
  }

  retry(dossierIds?: string[]): number {
    if (dossierIds) for (const id of dossierIds) if (!this.outbox.get(id)) throw QueueErrors.raise('QUEUE_NOT_FOUND', { id });
    return this.engine.retryNow(dossierIds);
  }

  private requireAdapter(): ProvinceAdapter {
    if (!this.adapter) throw QueueErrors.raise('QUEUE_SERVER_UNCONFIGURED');
    return this.adapter;
  }

  async results(dossierId: string) {
    const remote = await this.requireAdapter().state(dossierId).catch(() => {
      throw QueueErrors.raise('QUEUE_OFFLINE');
    });
    if (!remote) throw QueueErrors.raise('QUEUE_NOT_FOUND', { dossierId });
    return { status: remote.status, documents: remote.results };
  }

  /** Downloads a result into the blob store (checked against the hash the province announced). */
  async fetchResult(dossierId: string, documentId: string): Promise<{ sha256: string; size: number }> {
    const adapter = this.requireAdapter();
    const remote = await adapter.state(dossierId).catch(() => undefined);
    const doc = remote?.results.find((r) => r.id === documentId);
    if (!doc) throw QueueErrors.raise('QUEUE_RESULT_FAILED', { dossierId, documentId });
    const bytes = await adapter.fetchResult(dossierId, documentId).catch(() => {
      throw QueueErrors.raise('QUEUE_RESULT_FAILED', { dossierId, documentId });
    });
    const ref = this.d.store.blobs.put(bytes);
    if (ref.sha256 !== doc.sha256) throw QueueErrors.raise('QUEUE_RESULT_FAILED', { reason: 'hash mismatch' });
    return ref;
  }

  /** Runs one drain-and-pull round now and waits for it (CLI and tests). */
  async syncNow(): Promise<void> {
    await this.engine.tick();
  }

  async close(): Promise<void> {
    clearTimeout(this.emitTimer);
    this.unsubscribe();
    this.detach();
    await this.engine.stop();
  }
}

const iso = (ms: number | null): string | null => (ms && ms > 0 ? new Date(ms).toISOString() : null);

function toStatusUpdate(e: StatusEntry): QueueStatusUpdate {
  const waiting = e.state === 'failed-retrying' || e.state === 'pending';
  return {
    seq: e.seq,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    toStatusName: DOSSIER_STATUSES[e.toStatus as keyof typeof DOSSIER_STATUSES] ?? { vi: `Trạng thái ${e.toStatus}`, en: `Status ${e.toStatus}` },
    changedAt: e.changedAt,
    state: e.state,
    attempts: e.attempts,
    nextAttemptAt: waiting ? iso(e.nextAttemptAt) : null,
    sentAt: iso(e.sentAt),
    resultCount: e.results.length,
    problem: e.errorCode ? describeStatusProblem(e.errorCode, e.state === 'quarantined', e.errorReason ?? undefined, e.errorHttp ?? undefined) : null,
  };
}

function toItem(r: OutboxRow, s: { code: string; applicantName: string; procedureName: string } | undefined): Omit<QueueItem, 'statusUpdates'> {
  const waiting = r.state === 'failed-retrying' || r.state === 'pending' || r.state === 'sent';
  return {
    dossierId: r.dossierId,
    code: s?.code ?? r.dossierId,
    officialCode: r.officialCode,
    applicantName: s?.applicantName ?? '',
    procedureName: s?.procedureName ?? '',
    state: r.state,
    attempts: r.attempts,
    bytesDone: r.bytesDone,
    bytesTotal: r.bytesTotal,
    nextAttemptAt: waiting && r.nextAttemptAt > 0 ? new Date(r.nextAttemptAt).toISOString() : null,
    remoteStatus: r.remoteStatus,
    problem: r.errorCode ? describeProblem(r.errorCode, r.state === 'quarantined', r.errorReason ?? undefined, r.errorHttp ?? undefined) : null,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}
