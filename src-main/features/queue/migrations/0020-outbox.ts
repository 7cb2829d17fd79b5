import type { Migration } from '../../../store/migrations/migration.ts';
import { m0021 } from './0021-status-outbox.ts';
import { m0022 } from './0022-leases-and-holds.ts';

/**
 * The delivery outbox: one row per accepted dossier, written by the accept hook in the accept
 * transaction. `sync_state` keeps the status-pull cursor and the last successful exchange.
 */
export const m0020: Migration = {
  id: 20,
  name: 'sync-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE sync_outbox (
        dossier_id      TEXT PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
        idempotency_key TEXT NOT NULL UNIQUE,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'confirmed', 'failed-retrying', 'quarantined')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        lease_until     INTEGER,
        bytes_total     INTEGER NOT NULL DEFAULT 0,
        bytes_done      INTEGER NOT NULL DEFAULT 0,
        official_code   TEXT,
        remote_status   INTEGER,
        error_code      TEXT,
        error_reason    TEXT,
        error_http      INTEGER,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        sent_at         INTEGER,
        confirmed_at    INTEGER
      );
      CREATE INDEX sync_outbox_due ON sync_outbox (state, next_attempt_at);
      CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `);
  },
};

export const syncMigrations: Migration[] = [m0020, m0021, m0022];
