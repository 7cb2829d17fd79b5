import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { OutgoingFile } from './adapter.ts';
import { LeasedQueue, type QueueError } from './leased-queue.ts';

export const STATUS_OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed-retrying', 'quarantined'] as const;
export type StatusOutboxState = (typeof STATUS_OUTBOX_STATES)[number];

/** A result document filed with the dossier when the status changed; `id` is its GiayToId at the province. */
export type StatusResultRef = Omit<OutgoingFile, 'read'>;

export interface StatusEntry {
  seq: number;
  idempotencyKey: string;
  dossierId: string;
  fromStatus: number;
  toStatus: number;
  changedAt: string;
  changedBy: string | null;
  note: string | null;
  results: StatusResultRef[];
  state: StatusOutboxState;
  attempts: number;
  nextAttemptAt: number;
  errorCode: string | null;
  errorReason: string | null;
  errorHttp: number | null;
  errorSince: number | null;
  sentAt: number | null;
  /** Set on a claimed entry: the claim's token, which every later write must name. */
  leaseToken: string | null;
}

interface RawStatusRow {
  seq: number;
  idempotency_key: string;
  dossier_id: string;
  from_status: number;
  to_status: number;
  changed_at: string;
  changed_by: string | null;
  note: string | null;
  results: string;
  state: StatusOutboxState;
  attempts: number;
  next_attempt_at: number;
  error_code: string | null;
  error_reason: string | null;
  error_http: number | null;
  error_since: number | null;
  sent_at: number | null;
  lease_token: string | null;
}

const toEntry = (r: RawStatusRow): StatusEntry => ({
  seq: r.seq,
  idempotencyKey: r.idempotency_key,
  dossierId: r.dossier_id,
  fromStatus: r.from_status,
  toStatus: r.to_status,
  changedAt: r.changed_at,
  changedBy: r.changed_by,
  note: r.note,
  results: JSON.parse(r.results) as StatusResultRef[],
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  errorCode: r.error_code,
  errorReason: r.error_reason,
  errorHttp: r.error_http,
  errorSince: r.error_since,
  sentAt: r.sent_at,
  leaseToken: r.lease_token,
});

/** A claimed status entry: the token comes with every write the claimer makes. */
export type ClaimedEntry = StatusEntry & { leaseToken: string };

export interface NewStatusEntry {
  dossierId: string;
  fromStatus: number;
  toStatus: number;
  changedAt: string;
  changedBy?: string | null;
  note?: string | null;
  results: StatusResultRef[];
}

/**
 * The outbox of local status changes. Same discipline as the dossier outbox: short write
 * transactions, `sending` before each attempt with a lease, `sent` only on the server's answer.
 * An entry is due only once its dossier is at the province (dossier row `sent` or `confirmed`) and
 * every earlier entry of the same dossier has been sent, so the province sees the moves in order.
 */
export class StatusOutbox {
  private readonly queue: LeasedQueue<number>;

  constructor(private readonly db: Database.Database) {
    this.queue = new LeasedQueue<number>(db, {
      table: 'sync_status_outbox',
      key: 'seq',
      dueStates: ['pending', 'failed-retrying'],
      from: 'sync_status_outbox q JOIN sync_outbox o ON o.dossier_id = q.dossier_id',
      where: `o.state IN ('sent', 'confirmed')
        AND q.seq = (SELECT min(x.seq) FROM sync_status_outbox x WHERE x.dossier_id = q.dossier_id AND x.state <> 'sent')`,
    });
  }

  /** Called inside the status-change transaction; does nothing for a dossier this counter never queued. */
  static enqueueIn(tx: Database.Database, e: NewStatusEntry, now = Date.now()): string | undefined {
    const queued = tx.prepare('SELECT 1 FROM sync_outbox WHERE dossier_id = ?').get(e.dossierId);
    if (!queued) return undefined;
    const key = randomUUID();
    tx.prepare(
      `INSERT INTO sync_status_outbox (idempotency_key, dossier_id, from_status, to_status, changed_at, changed_by, note, results, state, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    ).run(key, e.dossierId, e.fromStatus, e.toStatus, e.changedAt, e.changedBy ?? null, e.note ?? null, JSON.stringify(e.results), now, now);
    return key;
  }

  forDossier(dossierId: string): StatusEntry[] {
    return (this.db.prepare('SELECT * FROM sync_status_outbox WHERE dossier_id = ? ORDER BY seq').all(dossierId) as RawStatusRow[]).map(toEntry);
  }

  counts(): Record<StatusOutboxState, number> {
    const out = Object.fromEntries(STATUS_OUTBOX_STATES.map((s) => [s, 0])) as Record<StatusOutboxState, number>;
    for (const r of this.db.prepare('SELECT state, count(*) AS n FROM sync_status_outbox GROUP BY state').all() as Array<{ state: StatusOutboxState; n: number }>) {
      out[r.state] = r.n;
    }
    return out;
  }

  /** Claims up to `limit` due entries, at most the earliest unsent one per dossier. */
  claimDue(limit: number, leaseMs: number, now = Date.now()): ClaimedEntry[] {
    return this.queue.claim<RawStatusRow>(limit, leaseMs, now).map(({ raw, token }) => ({ ...toEntry(raw), leaseToken: token }));
  }

  renewLease(entry: ClaimedEntry, leaseMs: number, now = Date.now()): boolean {
    return this.queue.renew(entry.seq, entry.leaseToken, leaseMs, now);
  }

  /** The province applied the update (or had already applied it under the same key). */
  markSent(entry: ClaimedEntry, now = Date.now()): boolean {
    return this.queue.update(
      entry.seq,
      entry.leaseToken,
      `state = 'sent', sent_at = coalesce(sent_at, @now), lease_until = NULL, lease_token = NULL, error_code = NULL,
       error_reason = NULL, error_http = NULL, error_since = NULL, updated_at = @now`,
      { now },
    );
  }

  markRetry(entry: ClaimedEntry, error: QueueError, nextAttemptAt: number, now = Date.now()): boolean {
    return this.queue.retry(entry.seq, entry.leaseToken, error, nextAttemptAt, now);
  }

  markQuarantined(entry: ClaimedEntry, error: QueueError, now = Date.now()): boolean {
    return this.queue.quarantine(entry.seq, entry.leaseToken, error, now);
  }

  /** "Retry now" for status updates: waiting entries become due; named dossiers' quarantined entries are released. */
  retryNow(dossierIds?: readonly string[], now = Date.now()): number {
    const ids = dossierIds ? JSON.stringify(dossierIds) : null;
    return this.db
      .prepare(
        `UPDATE sync_status_outbox SET next_attempt_at = 0, updated_at = @now,
           state = CASE WHEN state = 'quarantined' THEN 'pending' ELSE state END,
           attempts = CASE WHEN state = 'quarantined' THEN 0 ELSE attempts END
         WHERE (state IN ('pending', 'failed-retrying') AND (@ids IS NULL OR dossier_id IN (SELECT value FROM json_each(@ids))))
            OR (state = 'quarantined' AND @ids IS NOT NULL AND dossier_id IN (SELECT value FROM json_each(@ids)))`,
      )
      .run({ ids, now }).changes;
  }

  recoverInterrupted(now = Date.now()): number {
    return this.queue.recoverInterrupted(now);
  }

  /** Earliest time an entry whose dossier is at the province becomes due, or undefined. */
  nextDueAt(): number | undefined {
    return this.queue.nextDueAt();
  }
}
