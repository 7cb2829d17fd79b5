import type { Migration } from '../../../store/migrations/migration.ts';

/**
 * Both outboxes get a lease token (a claim names its holder, so a worker whose lease ran out can no
 * longer write the row another worker took over) and `error_since` (when the current problem began,
 * so a problem that lasts is shown instead of being retried silently).
 *
 * The triggers keep what is not yet delivered: a dossier whose delivery is not confirmed, or that
 * has a status update the province has not applied, cannot be deleted (the `ON DELETE CASCADE` of
 * 0020/0021 would otherwise take the undelivered rows with it). Purge skips such a dossier.
 */
export const m0022: Migration = {
  id: 22,
  name: 'sync-leases-and-holds',
  up(db) {
    db.exec(`
      ALTER TABLE sync_outbox ADD COLUMN lease_token TEXT;
      ALTER TABLE sync_outbox ADD COLUMN error_since INTEGER;
      ALTER TABLE sync_status_outbox ADD COLUMN lease_token TEXT;
      ALTER TABLE sync_status_outbox ADD COLUMN error_since INTEGER;
      CREATE TRIGGER sync_hold_undelivered_dossier BEFORE DELETE ON dossiers
      WHEN EXISTS (SELECT 1 FROM sync_outbox WHERE dossier_id = OLD.id AND state <> 'confirmed')
        OR EXISTS (SELECT 1 FROM sync_status_outbox WHERE dossier_id = OLD.id AND state <> 'sent')
      BEGIN
        SELECT RAISE(ABORT, 'SYNC_UNDELIVERED: the dossier or one of its status updates is not delivered yet');
      END;
    `);
  },
};
