import type { Store } from './store.ts';
import { StoreErrors } from './store-errors.ts';

export interface PurgeReport {
  retentionDays: number;
  purged: Array<{ id: string; code: string; confirmedAt: string }>;
  /** Old enough, but kept: something of it is not delivered yet (a database trigger said so). */
  held: Array<{ id: string; code: string; confirmedAt: string }>;
  blobsDeleted: number;
}

/** The marker of the delivery area's trigger that refuses to delete what is not delivered yet. */
const UNDELIVERED = 'SYNC_UNDELIVERED';

/**
 * Deletes local copies of dossiers the province confirmed more than `retentionDays` ago — never one it
 * has not confirmed, whatever its age, and never one with something not delivered yet (the delivery
 * area's trigger refuses that delete; the dossier is reported as held and purged on a later run).
 * 0 days means "keep forever" (the default). Blobs still used by another dossier stay. Each purge is
 * audited (by code only: the personal data is gone).
 */
export function purgeConfirmed(store: Store, retentionDays: number, opts: { dryRun?: boolean; userId?: string; now?: Date } = {}): PurgeReport {
  if (!Number.isInteger(retentionDays) || retentionDays < 0) throw StoreErrors.raise('RETENTION_INVALID', { retentionDays });
  if (retentionDays === 0) return { retentionDays, purged: [], held: [], blobsDeleted: 0 };
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const rows = store.db
    .prepare(
      `SELECT id, coalesce(official_code, provisional_code, '') AS code, province_confirmed_at AS confirmedAt FROM dossiers
       WHERE province_confirmed_at IS NOT NULL AND province_confirmed_at < ? ORDER BY province_confirmed_at`,
    )
    .all(cutoff) as PurgeReport['purged'];
  if (rows.length === 0) return { retentionDays, purged: [], held: [], blobsDeleted: 0 };
  const blobsOf = store.db.prepare(
    'SELECT DISTINCT p.sha256 FROM dossier_pages p JOIN dossier_components c ON c.id = p.component_id WHERE c.dossier_id = ?',
  );
  const stillUsed = store.db.prepare('SELECT 1 FROM dossier_pages WHERE sha256 = ? LIMIT 1');
  const candidates = new Set<string>();
  const purged: PurgeReport['purged'] = [];
  const held: PurgeReport['held'] = [];
  // Each dossier in its own savepoint: one that must be kept leaves the others' purge intact.
  const purgeOne = store.db.transaction((r: PurgeReport['purged'][number]) => {
    const blobs = blobsOf.all(r.id) as Array<{ sha256: string }>;
    store.dossiers.deleteWithinTransaction(r.id);
    store.audit.record({ userId: opts.userId ?? null, action: 'purge', subject: `dossier:${r.id}`, details: { code: r.code, confirmedAt: r.confirmedAt, retentionDays } }, now);
    for (const b of blobs) candidates.add(b.sha256);
  });
  const dryRunDone = new Error('dry run: roll back');
  try {
    store.db.transaction(() => {
      for (const r of rows) {
        try {
          purgeOne(r);
          purged.push(r);
        } catch (err) {
          if (!String(err).includes(UNDELIVERED)) throw err;
          held.push(r);
        }
      }
      // A dry run tries the very same deletes (so it knows what would be held) and takes them all back.
      if (opts.dryRun) throw dryRunDone;
    })();
  } catch (err) {
    if (err !== dryRunDone) throw err;
    return { retentionDays, purged, held, blobsDeleted: 0 };
  }
  // Files go only after the rows are gone for good; a crash in between leaves orphans, never dangling rows.
  let blobsDeleted = 0;
  for (const sha of candidates) {
    if (stillUsed.get(sha)) continue;
    store.blobs.delete(sha);
    blobsDeleted++;
  }
  return { retentionDays, purged, held, blobsDeleted };
}
