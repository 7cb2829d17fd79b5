import type { ProvinceAdapter } from './adapter.ts';
import type { DossierSource } from './dossier-source.ts';
import type { Outbox } from './outbox.ts';

/**
 * Pulls the province's status changes after the saved cursor and folds them into local dossiers
 * (official code, TrangThaiHoSo history). Only dossiers this counter delivered are touched.
 */
export async function pullStatus(adapter: ProvinceAdapter, outbox: Outbox, source: DossierSource, signal?: AbortSignal): Promise<number> {
  let cursor = outbox.getState('changesCursor');
  let applied = 0;
  for (;;) {
    const page = await adapter.changes(cursor, signal);
    for (const item of page.items) {
      const row = outbox.get(item.dossierId);
      if (!row) continue;
      if (row.remoteStatus !== item.status) outbox.remoteStatus(item.dossierId, item.status);
      try {
        source.remoteState(item);
        applied++;
      } catch {
        // A local refusal (e.g. an unexpected status move) must not stall the cursor for everyone else.
      }
    }
    if (page.cursor === cursor || page.items.length === 0) break;
    cursor = page.cursor;
    outbox.setState('changesCursor', cursor);
  }
  return applied;
}
