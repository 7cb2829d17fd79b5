import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { OutgoingFile } from './adapter.ts';
import type { OutboxError } from './outbox-error.ts';

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
  sentAt: number | null;
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
  sent_at: number | null;
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
  sentAt: r.sent_at,
});

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
  constructor(private readonly db: Database.Database) {}

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
  claimDue(limit: number, leaseMs: number, now = Date.now()): StatusEntry[] {
    return this.db
      .transaction(() => {
        const rows = this.db
          .prepare(
            `SELECT s.* FROM sync_status_outbox s JOIN sync_outbox o ON o.dossier_id = s.dossier_id
             WHERE o.state IN ('sent', 'confirmed')
               AND ((s.state IN ('pending', 'failed-retrying') AND s.next_attempt_at <= @now) OR (s.state = 'sending' AND s.lease_until < @now))
               AND s.seq = (SELECT min(x.seq) FROM sync_status_outbox x WHERE x.dossier_id = s.dossier_id AND x.state <> 'sent')
             ORDER BY s.next_attempt_at, s.seq LIMIT @limit`,
          )
          .all({ now, limit }) as RawStatusRow[];
        const mark = this.db.prepare("UPDATE sync_status_outbox SET state = 'sending', attempts = attempts + 1, lease_until = ?, updated_at = ? WHERE seq = ?");
        for (const r of rows) mark.run(now + leaseMs, now, r.seq);
        return rows.map((r) => ({ ...toEntry(r), state: 'sending' as const, attempts: r.attempts + 1 }));
      })
      .immediate();
  }

  renewLease(seq: number, leaseMs: number, now = Date.now()): void {
    this.db.prepare("UPDATE sync_status_outbox SET lease_until = ? WHERE seq = ? AND state = 'sending'").run(now + leaseMs, seq);
  }

  /** The province applied the update (or had already applied it under the same key). */
  markSent(seq: number, now = Date.now()): void {
    this.db
      .prepare(
        `UPDATE sync_status_outbox SET state = 'sent', sent_at = coalesce(sent_at, ?), lease_until = NULL, error_code = NULL,
           error_reason = NULL, error_http = NULL, updated_at = ? WHERE seq = ?`,
      )
      .run(now, now, seq);
  }

  markRetry(seq: number, error: OutboxError, nextAttemptAt: number, now = Date.now()): void {
    this.db
      .prepare(
        `UPDATE sync_status_outbox SET state = 'failed-retrying', next_attempt_at = ?, lease_until = NULL, error_code = ?, error_reason = ?,
           error_http = ?, updated_at = ? WHERE seq = ?`,
      )
      .run(nextAttemptAt, error.code, error.reason, error.httpStatus ?? null, now, seq);
  }

  markQuarantined(seq: number, error: OutboxError, now = Date.now()): void {
    this.db
      .prepare("UPDATE sync_status_outbox SET state = 'quarantined', lease_until = NULL, error_code = ?, error_reason = ?, error_http = ?, updated_at = ? WHERE seq = ?")
      .run(error.code, error.reason, error.httpStatus ?? null, now, seq);
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
    return this.db
      .prepare("UPDATE sync_status_outbox SET state = 'failed-retrying', lease_until = NULL, next_attempt_at = 0, updated_at = ? WHERE state = 'sending'")
      .run(now).changes;
  }

  /** Earliest time an entry whose dossier is at the province becomes due, or undefined. */
  nextDueAt(): number | undefined {
    const r = this.db
      .prepare(
        `SELECT min(s.next_attempt_at) AS t FROM sync_status_outbox s JOIN sync_outbox o ON o.dossier_id = s.dossier_id
         WHERE s.state IN ('pending', 'failed-retrying') AND o.state IN ('sent', 'confirmed')`,
      )
      .get() as { t: number | null };
    return r.t ?? undefined;
  }
}
