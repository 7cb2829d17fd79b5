import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/** A transient or permanent failure as a queue row records it. */
export interface QueueError {
  code: string;
  reason: string;
  httpStatus?: number;
  /** When this problem began, if it began before this attempt under another code (see uploader). */
  since?: number;
}

/** Where the generic queue's rows live and which of them are due. */
export interface LeasedQueueSpec {
  table: string;
  /** Primary key column. */
  key: string;
  /** States in which a row waits for its next attempt (besides a `sending` row whose lease ran out). */
  dueStates: readonly string[];
  /** States a claim leaves as they are (the dossier outbox's `sent` only waits for confirmation). */
  keepOnClaim?: readonly string[];
  /** FROM clause naming the table `q` (with joins), when due rows depend on other tables. */
  from?: string;
  /** Extra condition on `q` (and the joins) for a row to be due; it must not depend on the time. */
  where?: string;
}

/**
 * The leased queue both outboxes share. Each state change is one short write transaction (none spans a
 * network call). A claim marks the row `sending` (or leaves a keep-state as it is), sets a lease until a
 * time and a fresh token; every later write names that token, so once a lease ran out and another
 * worker or process took the row, the first one's writes change nothing. A row is never claimed while
 * a live lease holds it, whatever its state.
 */
export class LeasedQueue<K extends string | number> {
  private readonly due: string;
  private readonly keep: string;
  private readonly dueList: string;

  constructor(
    private readonly db: Database.Database,
    private readonly s: LeasedQueueSpec,
  ) {
    const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ') || 'NULL';
    this.due = `((q.state IN (${list(s.dueStates)}) AND q.next_attempt_at <= @now AND (q.lease_until IS NULL OR q.lease_until < @now))
      OR (q.state = 'sending' AND q.lease_until < @now))${s.where ? ` AND (${s.where})` : ''}`;
    this.keep = list(s.keepOnClaim ?? []);
    this.dueList = list(s.dueStates);
  }

  /** Claims up to `limit` due rows, oldest due first. */
  claim<R>(limit: number, leaseMs: number, now: number): Array<{ raw: R; token: string }> {
    const { table, key } = this.s;
    return this.db
      .transaction(() => {
        const rows = this.db
          .prepare(`SELECT q.* FROM ${this.s.from ?? `${table} q`} WHERE ${this.due} ORDER BY q.next_attempt_at, q.created_at, q.${key} LIMIT @limit`)
          .all({ now, limit }) as Array<Record<string, unknown>>;
        const mark = this.db.prepare(
          `UPDATE ${table} SET state = CASE WHEN state IN (${this.keep}) THEN state ELSE 'sending' END,
             attempts = attempts + 1, lease_until = @until, lease_token = @token, updated_at = @now WHERE ${key} = @key`,
        );
        return rows.map((r) => {
          const token = randomUUID();
          mark.run({ until: now + leaseMs, token, now, key: r[key] });
          const keepState = (this.s.keepOnClaim ?? []).includes(r.state as string);
          return { raw: { ...r, state: keepState ? r.state : 'sending', attempts: (r.attempts as number) + 1, lease_token: token } as R, token };
        });
      })
      .immediate();
  }

  /** Runs `set` (an UPDATE's SET list) on the row only while `token` holds it; false if the lease was lost. */
  update(id: K, token: string, set: string, params: Record<string, unknown> = {}): boolean {
    const sql = `UPDATE ${this.s.table} SET ${set} WHERE ${this.s.key} = @id AND lease_token = @token`;
    return this.db.prepare(sql).run({ ...params, id, token }).changes === 1;
  }

  renew(id: K, token: string, leaseMs: number, now = Date.now()): boolean {
    return this.update(id, token, 'lease_until = @until', { until: now + leaseMs });
  }

  /** A transient failure: due again at `at`; a keep-state stays, anything else waits as `failed-retrying`. */
  retry(id: K, token: string, e: QueueError, at: number, now = Date.now()): boolean {
    return this.update(
      id,
      token,
      `state = CASE WHEN state IN (${this.keep}) THEN state ELSE 'failed-retrying' END, next_attempt_at = @at,
       lease_until = NULL, lease_token = NULL, error_code = @code, error_reason = @reason, error_http = @http, updated_at = @now,
       error_since = coalesce(@since, CASE WHEN error_code = @code THEN coalesce(error_since, @now) ELSE @now END)`,
      { at, code: e.code, reason: e.reason, http: e.httpStatus ?? null, since: e.since ?? null, now },
    );
  }

  /** A permanent refusal: kept with its reason, never tried again until a person releases it. */
  quarantine(id: K, token: string, e: QueueError, now = Date.now()): boolean {
    return this.update(
      id,
      token,
      `state = 'quarantined', lease_until = NULL, lease_token = NULL, error_code = @code, error_reason = @reason, error_http = @http,
       updated_at = @now, error_since = CASE WHEN error_code = @code THEN coalesce(error_since, @now) ELSE @now END`,
      { code: e.code, reason: e.reason, http: e.httpStatus ?? null, now },
    );
  }

  /** At start-up every lease died with the previous process: `sending` rows are due at once, kept states lose their lease. */
  recoverInterrupted(now = Date.now()): number {
    return this.db
      .prepare(
        `UPDATE ${this.s.table} SET state = CASE WHEN state = 'sending' THEN 'failed-retrying' ELSE state END, lease_until = NULL,
           lease_token = NULL, next_attempt_at = 0, updated_at = ? WHERE state = 'sending' OR lease_token IS NOT NULL`,
      )
      .run(now).changes;
  }

  /** Earliest time a row becomes due, or undefined. */
  nextDueAt(): number | undefined {
    const r = this.db
      .prepare(`SELECT min(max(q.next_attempt_at, coalesce(q.lease_until, 0))) AS t FROM ${this.s.from ?? `${this.s.table} q`}
        WHERE q.state IN (${this.dueList})${this.s.where ? ` AND (${this.s.where})` : ''}`)
      .get() as { t: number | null };
    return r.t ?? undefined;
  }
}
