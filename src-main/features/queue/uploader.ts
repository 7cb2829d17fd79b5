import { DeliveryError, type ProvinceAdapter } from './adapter.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import type { DossierSource } from './dossier-source.ts';
import type { Outbox, OutboxError, OutboxRow } from './outbox.ts';
import type { StatusEntry } from './status-outbox.ts';

export interface UploaderOptions {
  outbox: Outbox;
  source: DossierSource;
  adapter: ProvinceAdapter;
  /** Dossiers in flight at once. */
  concurrency?: number;
  backoff?: BackoffPolicy;
  /** How long a claim holds before another process may take the row over. */
  leaseMs?: number;
  random?: () => number;
  /** Told after every network outcome, so the reachability state follows real traffic. */
  onNetwork?: (reachable: boolean) => void;
  /** Told whenever a row changed (for the queue screen). */
  onChange?: (dossierId: string) => void;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Sends due outbox rows with bounded concurrency: deliver (create-or-update, resumable upload,
 * commit) → `sent` on the acknowledgement → read back → `confirmed`. Single-flight: a drain that is
 * already running absorbs new requests to drain.
 */
export class Uploader {
  private running: Promise<number> | undefined;
  private again = false;
  private readonly abort = new AbortController();
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;
  /** Set while the server refuses our credentials: nothing is sent until a person fixes them. */
  private authBlocked = false;

  constructor(private readonly o: UploaderOptions) {
    this.concurrency = Math.max(1, o.concurrency ?? 2);
    this.leaseMs = o.leaseMs ?? 5 * 60_000;
    this.backoff = o.backoff ?? DEFAULT_BACKOFF;
    this.random = o.random ?? Math.random;
  }

  get blockedByAuth(): boolean {
    return this.authBlocked;
  }

  unblock(): void {
    this.authBlocked = false;
  }

  /** Drains everything due now; resolves with the number of attempts made. */
  drain(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      do {
        this.again = false;
        total += await this.drainOnce();
      } while (this.again && !this.abort.signal.aborted);
      return total;
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async drainOnce(): Promise<number> {
    let attempts = 0;
    const worker = async () => {
      while (!this.abort.signal.aborted && !this.authBlocked) {
        const [row] = this.o.outbox.claimDue(1, this.leaseMs);
        if (row) {
          attempts++;
          await this.attempt(row);
          continue;
        }
        // Status updates only once no dossier is due: a dossier's own delivery always goes first.
        const [entry] = this.o.outbox.statuses.claimDue(1, this.leaseMs);
        if (!entry) return;
        attempts++;
        await this.attemptStatus(entry);
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    return attempts;
  }

  private async attempt(row: OutboxRow): Promise<void> {
    const id = row.dossierId;
    this.o.onChange?.(id);
    try {
      if (row.state !== 'sent') {
        const dossier = this.o.source.outgoing(id);
        if (!dossier) {
          this.o.outbox.markQuarantined(id, { code: 'LOCAL_DOSSIER_MISSING', reason: 'Hồ sơ không còn trên máy này.' });
          return;
        }
        let lastWrite = 0;
        const receipt = await this.o.adapter.deliver(
          dossier,
          (done, total) => {
            const now = Date.now();
            if (now - lastWrite < 250 && done < total) return;
            lastWrite = now;
            this.o.outbox.progress(id, done, total);
            this.o.outbox.renewLease(id, this.leaseMs);
            this.o.onChange?.(id);
          },
          this.abort.signal,
        );
        this.o.outbox.markSent(id, receipt.officialCode, receipt.status);
        this.o.onNetwork?.(true);
        this.o.onChange?.(id);
        this.applyLocally(id, () => this.o.source.officialCodeIssued(id, receipt.officialCode));
      }
      const remote = await this.o.adapter.state(id, this.abort.signal);
      this.o.onNetwork?.(true);
      if (remote?.committed && remote.officialCode) {
        this.o.outbox.markConfirmed(id, remote.status);
        this.applyLocally(id, () => {
          this.o.source.provinceConfirmed(id, new Date());
          this.o.source.remoteState(remote);
        });
      } else {
        // Acknowledged but not visible yet: ask again shortly, never resend blindly.
        this.o.outbox.markRetry(id, { code: 'NOT_CONFIRMED', reason: 'Máy chủ chưa xác nhận đã nhận hồ sơ.' }, Date.now() + backoffDelay(row.attempts, this.backoff, this.random));
      }
    } catch (err) {
      this.failed(row, err);
    } finally {
      this.o.onChange?.(id);
    }
  }

  /** Sends one local status change (with its result files); `sent` only on the province's answer. */
  private async attemptStatus(entry: StatusEntry): Promise<void> {
    const statuses = this.o.outbox.statuses;
    this.o.onChange?.(entry.dossierId);
    try {
      const update = this.o.source.outgoingStatus(entry);
      if (!update) {
        statuses.markQuarantined(entry.seq, { code: 'LOCAL_RESULT_MISSING', reason: 'Tệp kết quả không còn trên máy này.' });
        return;
      }
      let lastWrite = 0;
      const receipt = await this.o.adapter.sendStatus(
        update,
        () => {
          const now = Date.now();
          if (now - lastWrite < 250) return;
          lastWrite = now;
          statuses.renewLease(entry.seq, this.leaseMs);
        },
        this.abort.signal,
      );
      statuses.markSent(entry.seq);
      this.o.outbox.remoteStatus(entry.dossierId, receipt.status);
      this.o.onNetwork?.(true);
    } catch (err) {
      this.classify(err, entry.attempts, {
        retry: (error, at) => statuses.markRetry(entry.seq, error, at),
        quarantine: (error) => statuses.markQuarantined(entry.seq, error),
      });
    } finally {
      this.o.onChange?.(entry.dossierId);
    }
  }

  /** Local bookkeeping after the province answered must never undo the delivery state. */
  private applyLocally(id: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.o.log?.('applying the province answer locally failed', { id, error: String(err) });
    }
  }

  private failed(row: OutboxRow, err: unknown): void {
    this.o.log?.('delivery attempt failed', { id: row.dossierId, error: String(err) });
    this.classify(err, row.attempts, {
      retry: (error, at) => this.o.outbox.markRetry(row.dossierId, error, at),
      quarantine: (error) => this.o.outbox.markQuarantined(row.dossierId, error),
    });
  }

  /** The same rules for every kind of row: cancelled → due again, 4xx → quarantine, else backoff with jitter. */
  private classify(err: unknown, attempts: number, mark: { retry(e: OutboxError, at: number): void; quarantine(e: OutboxError): void }): void {
    const e = err instanceof DeliveryError ? err : new DeliveryError('transient', 'LOCAL_ERROR', err instanceof Error ? err.message : String(err));
    const error = { code: e.code, reason: e.reason, httpStatus: e.httpStatus };
    if (e.code === 'CANCELLED') {
      mark.retry(error, 0);
      return;
    }
    if (e.kind === 'permanent') {
      mark.quarantine(error);
      return;
    }
    if (e.kind === 'auth') this.authBlocked = true;
    if (e.httpStatus === undefined) this.o.onNetwork?.(false);
    else this.o.onNetwork?.(true);
    mark.retry(error, Date.now() + backoffDelay(attempts, this.backoff, this.random, e.retryAfterMs));
  }

  /** Stops at the next safe point: in-flight requests are aborted and their rows stay due. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }
}
