import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../../src-main/store/store.ts';
import { m0020, syncMigrations } from '../../../src-main/features/queue/migrations/0020-outbox.ts';
import { m0021 } from '../../../src-main/features/queue/migrations/0021-status-outbox.ts';
import { Outbox } from '../../../src-main/features/queue/outbox.ts';
import { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import { AGENCY } from './fixtures.ts';
import { acceptBirthRegistration } from './store-dossier.ts';

/** Migration 0022 upgrades a store written at 0021 with its queue intact, and from then on holds what is undelivered. */
const dir = mkdtempSync(join(tmpdir(), 'sync-m0022-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a 0021 store with queued rows upgrades to 0022: rows intact, leases claimable, undelivered rows undeletable', () => {
  const agency = () => ({ code: AGENCY, counterId: '01' });
  const old = openStore({ dataDir: dir, migrations: [m0020, m0021], agency });
  new StoreSource(old).attach();
  const id = acceptBirthRegistration(old, 10_000);
  old.dossiers.changeStatus(id, 4, 'can-bo-01');
  expect(old.migration.to).toBe(21);
  old.close();

  const store = openStore({ dataDir: dir, migrations: syncMigrations, agency });
  try {
    expect(store.migration.applied.map((m) => m.id)).toEqual([22]);
    const outbox = new Outbox(store.db);
    expect(outbox.get(id)).toMatchObject({ state: 'pending', leaseToken: null, errorSince: null });
    expect(outbox.statuses.forDossier(id).map((e) => [e.toStatus, e.state])).toEqual([[4, 'pending']]);
    const [claimed] = outbox.claimDue(5, 60_000);
    expect(claimed?.dossierId).toBe(id);
    expect(outbox.claimDue(5, 60_000)).toEqual([]);
    expect(() => store.db.prepare('DELETE FROM dossiers WHERE id = ?').run(id)).toThrow(/SYNC_UNDELIVERED/);
    expect(store.dossiers.find(id)).toBeDefined();
  } finally {
    store.close();
  }
});
