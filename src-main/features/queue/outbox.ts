import type Database from 'better-sqlite3';
import { LeasedQueue } from './leased-queue.ts';
import { StatusOutbox } from './status-outbox.ts';
import type { OutboxError } from './outbox-error.ts';

export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'confirmed', 'failed-retrying', 'quarantined'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxRow {
  dossierId: string;
  idempotencyKey: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  /** Set on a claimed row: the claim's token, which every later write must name. */
  leaseToken: string | null;
  bytesTotal: number;
  bytesDone: number;
  officialCode: string | null;
  remoteStatus: number | null;
  errorCode: string | null;
  errorReason: string | null;
  errorHttp: number | null;
  /** When the current problem (errorCode) began. */
  errorSince: number | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
  confirmedAt: number | null;
}

interface RawRow {
  dossier_id: string;
  idempotency_key: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  lease_token: string | null;
  bytes_total: number;
  bytes_done: number;
  official_code: string | null;
  remote_status: number | null;
  error_code: string | null;
  error_reason: string | null;
  error_http: number | null;
  error_since: number | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  confirmed_at: number | null;
}

const toRow = (r: RawRow): OutboxRow => ({
  dossierId: r.dossier_id,
  idempotencyKey: r.idempotency_key,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  leaseUntil: r.lease_until,
  leaseToken: r.lease_token,
  bytesTotal: r.bytes_total,
  bytesDone: r.bytes_done,
  officialCode: r.official_code,
  remoteStatus: r.remote_status,
  errorCode: r.error_code,
  errorReason: r.error_reason,
  errorHttp: r.error_http,
  errorSince: r.error_since,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sentAt: r.sent_at,
  confirmedAt: r.confirmed_at,
});

export type { OutboxError } from './outbox-error.ts';

/** A claimed dossier row: the token comes with every write the claimer makes. */
export type ClaimedRow = OutboxRow & { leaseToken: string };

/**
 * The outbox table. Every state change is one short write transaction; none is held across a network
 * call (better-sqlite3 transactions cannot span an await). The row is marked `sending` before each
 * attempt, so a crash mid-upload leaves a row that is tried again (ODK Collect's pessimistic mark),
 * and it becomes `sent` only on the server's acknowledgement.
 */
export class Outbox {
  /** Local status changes, sent after their dossier (see status-outbox.ts). */
  readonly statuses: StatusOutbox;

  private readonly queue: LeasedQueue<string>;

  constructor(private readonly db: Database.Database) {
    this.statuses = new StatusOutbox(db);
    // `sent` rows are due too: only the read-back confirmation is left, and it is leased like a send.
    this.queue = new LeasedQueue<string>(db, { table: 'sync_outbox', key: 'dossier_id', dueStates: ['pending', 'failed-retrying', 'sent'], keepOnClaim: ['sent'] });
  }

  /** Called inside the accept transaction (from the store's accept hook) with that transaction's db. */
  static enqueueIn(tx: Database.Database, dossierId: string, bytesTotal: number, now = Date.now()): void {
    tx.prepare(
      `INSERT INTO sync_outbox (dossier_id, idempotency_key, state, bytes_total, created_at, updated_at, next_attempt_at)
       VALUES (?, ?, 'pending', ?, ?, ?, 0) ON CONFLICT (dossier_id) DO NOTHING`,
    ).run(dossierId, dossierId, bytesTotal, now, now);
  }

  get(dossierId: string): OutboxRow | undefined {
    const r = this.db.prepare('SELECT * FROM sync_outbox WHERE dossier_id = ?').get(dossierId) as RawRow | undefined;
    return r ? toRow(r) : undefined;
  }

  /**
   * Dossier rows in `states`; with `byStatusUpdates`, also the rows with an undelivered status update in
   * one of those states (a confirmed dossier whose later status update was refused still needs a person).
   * A sent status update is done, like a confirmed dossier, so it never pulls its dossier in.
   */
  list(opts: { states?: readonly OutboxState[]; limit?: number; offset?: number; byStatusUpdates?: boolean } = {}): OutboxRow[] {
    const states = JSON.stringify(opts.states ?? OUTBOX_STATES);
    return (
      this.db
        .prepare(
          `SELECT * FROM sync_outbox o WHERE o.state IN (SELECT value FROM json_each(@states))
             OR (@byStatus AND EXISTS (SELECT 1 FROM sync_status_outbox s WHERE s.dossier_id = o.dossier_id AND s.state <> 'sent' AND s.state IN (SELECT value FROM json_each(@states))))
           ORDER BY o.created_at DESC, o.dossier_id LIMIT @limit OFFSET @offset`,
        )
        .all({ states, byStatus: opts.byStatusUpdates ? 1 : 0, limit: opts.limit ?? -1, offset: opts.offset ?? 0 }) as RawRow[]
    ).map(toRow);
  }

  counts(): Record<OutboxState, number> {
    const out = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as Record<OutboxState, number>;
    for (const r of this.db.prepare('SELECT state, count(*) AS n FROM sync_outbox GROUP BY state').all() as Array<{ state: OutboxState; n: number }>) {
      out[r.state] = r.n;
    }
    return out;
  }

  /**
   * Claims up to `limit` rows that are due: pending or retrying rows whose time has come, `sending`
   * rows whose lease ran out (their sender died), and `sent` rows still waiting for confirmation —
   * never a row another worker's live lease holds.
   */
  claimDue(limit: number, leaseMs: number, now = Date.now()): ClaimedRow[] {
    return this.queue.claim<RawRow>(limit, leaseMs, now).map(({ raw, token }) => ({ ...toRow(raw), leaseToken: token }));
  }

  /** Extends the lease of a row still being worked on (long uploads); false once the lease was lost. */
  renewLease(row: ClaimedRow, leaseMs: number, now = Date.now()): boolean {
    return this.queue.renew(row.dossierId, row.leaseToken, leaseMs, now);
  }

  progress(dossierId: string, bytesDone: number, bytesTotal: number): void {
    this.db.prepare('UPDATE sync_outbox SET bytes_done = ?, bytes_total = ? WHERE dossier_id = ?').run(bytesDone, bytesTotal, dossierId);
  }

  /**
   * The server acknowledged the commit and issued the official code. The lease stays with the claimer,
   * which goes on to read the dossier back (the confirmation); false if the lease was lost meanwhile.
   */
  markSent(row: ClaimedRow, officialCode: string, remoteStatus: number, now = Date.now()): boolean {
    const ok = this.queue.update(
      row.dossierId,
      row.leaseToken,
      `state = 'sent', official_code = @code, remote_status = @status, sent_at = coalesce(sent_at, @now), bytes_done = bytes_total,
       error_code = NULL, error_reason = NULL, error_http = NULL, error_since = NULL, next_attempt_at = 0, updated_at = @now`,
      { code: officialCode, status: remoteStatus, now },
    );
    if (ok) this.setState('lastSuccessAt', String(now));
    return ok;
  }

  /** Read back from the server: it holds the dossier, committed, with every file verified. */
  markConfirmed(row: ClaimedRow, remoteStatus: number, now = Date.now()): boolean {
    const ok = this.queue.update(
      row.dossierId,
      row.leaseToken,
      `state = 'confirmed', remote_status = @status, confirmed_at = @now, lease_until = NULL, lease_token = NULL,
       error_code = NULL, error_reason = NULL, error_http = NULL, error_since = NULL, updated_at = @now`,
      { status: remoteStatus, now },
    );
    if (ok) this.setState('lastSuccessAt', String(now));
    return ok;
  }

  /** A transient failure: try again at `nextAttemptAt`. A `sent` row stays sent (only confirmation is left). */
  markRetry(row: ClaimedRow, error: OutboxError, nextAttemptAt: number, now = Date.now()): boolean {
    return this.queue.retry(row.dossierId, row.leaseToken, error, nextAttemptAt, now);
  }

  /** A permanent rejection: kept with the server's reason, never retried until a person says so. */
  markQuarantined(row: ClaimedRow, error: OutboxError, now = Date.now()): boolean {
    return this.queue.quarantine(row.dossierId, row.leaseToken, error, now);
  }

  remoteStatus(dossierId: string, status: number): void {
    this.db.prepare('UPDATE sync_outbox SET remote_status = ? WHERE dossier_id = ?').run(status, dossierId);
  }

  /**
   * "Retry now": waiting rows become due at once; quarantined rows (named explicitly, after a person
   * fixed the cause) go back to pending with a fresh attempt count.
   */
  retryNow(dossierIds?: readonly string[], now = Date.now()): number {
    return this.db
      .transaction(() => {
        const ids = dossierIds ? JSON.stringify(dossierIds) : null;
        const waiting = this.db
          .prepare(
            `UPDATE sync_outbox SET next_attempt_at = 0, updated_at = @now
             WHERE state IN ('pending', 'failed-retrying', 'sent') AND (@ids IS NULL OR dossier_id IN (SELECT value FROM json_each(@ids)))`,
          )
          .run({ ids, now }).changes;
        const released = ids
          ? this.db
              .prepare(
                `UPDATE sync_outbox SET state = 'pending', attempts = 0, next_attempt_at = 0, updated_at = @now
                 WHERE state = 'quarantined' AND dossier_id IN (SELECT value FROM json_each(@ids))`,
              )
              .run({ ids, now }).changes
          : 0;
        return waiting + released + this.statuses.retryNow(dossierIds, now);
      })
      .immediate();
  }

  /** At start-up nothing can be sending: whatever was, died with the previous process. */
  recoverInterrupted(now = Date.now()): number {
    return this.queue.recoverInterrupted(now) + this.statuses.recoverInterrupted(now);
  }

  /** Earliest time any row becomes due (for the uploader's timer), or undefined. */
  nextDueAt(): number | undefined {
    const own = this.queue.nextDueAt();
    const statuses = this.statuses.nextDueAt();
    if (own === undefined) return statuses;
    return statuses === undefined ? own : Math.min(own, statuses);
  }

  getState(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setState(key: string, value: string): void {
    this.db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
