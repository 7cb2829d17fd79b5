import { DeliveryError, type ProvinceAdapter } from './adapter.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import type { DossierSource } from './dossier-source.ts';
import type { QueueError } from './leased-queue.ts';
import type { ClaimedRow, Outbox } from './outbox.ts';
import type { ClaimedEntry } from './status-outbox.ts';

/** A file the server keeps refusing as busy for this long is shown as a problem (FILE_BUSY_STUCK). */
export const DEFAULT_BUSY_BOUND_MS = 10 * 60_000;

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
  /** How long a file may be refused as busy (FILE_BUSY) before the row shows FILE_BUSY_STUCK. */
  busyBoundMs?: number;
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
  private readonly busyBoundMs: number;
  /** Set while the server refuses our credentials: nothing is sent until a person fixes them. */
  private authBlocked = false;

  constructor(private readonly o: UploaderOptions) {
    this.concurrency = Math.max(1, o.concurrency ?? 2);
    this.leaseMs = o.leaseMs ?? 5 * 60_000;
    this.backoff = o.backoff ?? DEFAULT_BACKOFF;
    this.random = o.random ?? Math.random;
    this.busyBoundMs = o.busyBoundMs ?? DEFAULT_BUSY_BOUND_MS;
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

  private async attempt(row: ClaimedRow): Promise<void> {
    const id = row.dossierId;
    const outbox = this.o.outbox;
    this.o.onChange?.(id);
    try {
      if (row.state !== 'sent') {
        const dossier = this.o.source.outgoing(id);
        if (!dossier) {
          outbox.markQuarantined(row, { code: 'LOCAL_DOSSIER_MISSING', reason: 'Hồ sơ không còn trên máy này.' });
          return;
        }
        let lastWrite = 0;
        const receipt = await this.o.adapter.deliver(
          dossier,
          (done, total) => {
            const now = Date.now();
            if (now - lastWrite < 250 && done < total) return;
            lastWrite = now;
            outbox.progress(id, done, total);
            outbox.renewLease(row, this.leaseMs);
            this.o.onChange?.(id);
          },
          this.abort.signal,
        );
        this.o.onNetwork?.(true);
        this.applyLocally(id, () => this.o.source.officialCodeIssued(id, receipt.officialCode));
        // Lease lost meanwhile (this worker stalled past it): the row is another worker's now.
        if (!outbox.markSent(row, receipt.officialCode, receipt.status)) return;
        this.o.onChange?.(id);
      }
      const remote = await this.o.adapter.state(id, this.abort.signal);
      this.o.onNetwork?.(true);
      if (remote?.committed && remote.officialCode) {
        if (!outbox.markConfirmed(row, remote.status)) return;
        this.applyLocally(id, () => {
          this.o.source.provinceConfirmed(id, new Date());
          this.o.source.remoteState(remote);
        });
      } else {
        // Acknowledged but not visible yet: ask again shortly, never resend blindly.
        outbox.markRetry(row, { code: 'NOT_CONFIRMED', reason: 'Máy chủ chưa xác nhận đã nhận hồ sơ.' }, Date.now() + backoffDelay(row.attempts, this.backoff, this.random));
      }
    } catch (err) {
      this.o.log?.('delivery attempt failed', { id, error: String(err) });
      this.classify(err, row, {
        retry: (error, at) => outbox.markRetry(row, error, at),
        quarantine: (error) => outbox.markQuarantined(row, error),
      });
    } finally {
      this.o.onChange?.(id);
    }
  }

  /** Sends one local status change (with its result files); `sent` only on the province's answer. */
  private async attemptStatus(entry: ClaimedEntry): Promise<void> {
    const statuses = this.o.outbox.statuses;
    this.o.onChange?.(entry.dossierId);
    try {
      const update = this.o.source.outgoingStatus(entry);
      if (!update) {
        statuses.markQuarantined(entry, { code: 'LOCAL_RESULT_MISSING', reason: 'Tệp kết quả không còn trên máy này.' });
        return;
      }
      let lastWrite = 0;
      const receipt = await this.o.adapter.sendStatus(
        update,
        () => {
          const now = Date.now();
          if (now - lastWrite < 250) return;
          lastWrite = now;
          statuses.renewLease(entry, this.leaseMs);
        },
        this.abort.signal,
      );
      if (statuses.markSent(entry)) this.o.outbox.remoteStatus(entry.dossierId, receipt.status);
      this.o.onNetwork?.(true);
    } catch (err) {
      this.classify(err, entry, {
        retry: (error, at) => statuses.markRetry(entry, error, at),
        quarantine: (error) => statuses.markQuarantined(entry, error),
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

  /**
   * The same rules for every kind of row: cancelled → due again, permanent → quarantine, else backoff
   * with jitter. Only a refusal of the counter's own credentials (kind `auth`) pauses sending.
   */
  private classify(
    err: unknown,
    row: { attempts: number; errorCode: string | null; errorSince: number | null },
    mark: { retry(e: QueueError, at: number): void; quarantine(e: QueueError): void },
  ): void {
    const e = err instanceof DeliveryError ? err : new DeliveryError('transient', 'LOCAL_ERROR', err instanceof Error ? err.message : String(err));
    const error: QueueError = { code: e.code, reason: e.reason, httpStatus: e.httpStatus };
    if (e.code === 'CANCELLED') {
      mark.retry(error, 0);
      return;
    }
    if (e.kind === 'permanent') {
      mark.quarantine(error);
      return;
    }
    if (e.kind === 'auth') this.authBlocked = true;
    if (e.code === 'FILE_BUSY') Object.assign(error, this.busyFor(row));
    if (e.httpStatus === undefined) this.o.onNetwork?.(false);
    else this.o.onNetwork?.(true);
    mark.retry(error, Date.now() + backoffDelay(row.attempts, this.backoff, this.random, e.retryAfterMs));
  }

  /** A file refused as busy since longer than the bound becomes a visible problem (it keeps being retried). */
  private busyFor(row: { errorCode: string | null; errorSince: number | null }): Partial<QueueError> {
    const now = Date.now();
    const since = (row.errorCode === 'FILE_BUSY' || row.errorCode === 'FILE_BUSY_STUCK') && row.errorSince ? row.errorSince : now;
    if (now - since < this.busyBoundMs) return { since };
    const minutes = Math.max(1, Math.round((now - since) / 60_000));
    return { code: 'FILE_BUSY_STUCK', since, reason: `Máy chủ tỉnh báo tệp đang bận suốt ${minutes} phút.` };
  }

  /** Stops at the next safe point: in-flight requests are aborted and their rows stay due. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }
}
