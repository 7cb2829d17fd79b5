import type { Migration } from '../../../store/migrations/migration.ts';

/**
 * Status updates made at the counter (result returned, processing moves), one row per status
 * entry, written by the store's change hook in the transaction that changed the status. `seq`
 * orders them per dossier; `idempotency_key` makes each one apply exactly once at the province.
 * `results` is a JSON snapshot of the result documents (code KQ) filed at that moment.
 */
export const m0021: Migration = {
  id: 21,
  name: 'sync-status-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE sync_status_outbox (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE,
        dossier_id      TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        from_status     INTEGER NOT NULL,
        to_status       INTEGER NOT NULL CHECK (to_status BETWEEN 1 AND 10),
        changed_at      TEXT NOT NULL,
        changed_by      TEXT,
        note            TEXT,
        results         TEXT NOT NULL DEFAULT '[]',
        state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed-retrying', 'quarantined')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        lease_until     INTEGER,
        error_code      TEXT,
        error_reason    TEXT,
        error_http      INTEGER,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        sent_at         INTEGER
      );
      CREATE INDEX sync_status_outbox_by_dossier ON sync_status_outbox (dossier_id, seq);
      CREATE INDEX sync_status_outbox_due ON sync_status_outbox (state, next_attempt_at);
    `);
  },
};
