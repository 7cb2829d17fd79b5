import { afterEach, describe, expect, it } from 'vitest';
import { atLevel, columns, indexes } from './level.ts';

// Migration 0021 (status-update outbox). Owned by the sync area; kept in a file named after the migration.
let env: ReturnType<typeof atLevel>;
afterEach(() => env.cleanup());

const insert = (over: Partial<{ key: string; dossier: string; to: number; state: string }> = {}) =>
  env.db
    .prepare('INSERT INTO sync_status_outbox (idempotency_key, dossier_id, from_status, to_status, changed_at, state, created_at, updated_at) VALUES (?, ?, 4, ?, ?, ?, 1, 1) RETURNING seq')
    .pluck()
    .get(over.key ?? `k-${Math.random()}`, over.dossier ?? 'd-0001', over.to ?? 5, '2026-03-02T05:00:00.000Z', over.state ?? 'pending') as number;

describe('migration 0021 sync-status-outbox, released after 0040 (a number below the current version)', () => {
  it('is applied on a database already at version 40, which stays at 40', () => {
    env = atLevel('l4-0040');
    expect(env.apply(21)).toMatchObject({ from: 40, to: 40, applied: [{ id: 21, name: 'sync-status-outbox' }] });
    expect(env.db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual([1, 2, 3, 20, 21, 30, 40]);
    expect(columns(env.db, 'sync_status_outbox')).toContain('results');
    expect(indexes(env.db, 'sync_status_outbox')).toEqual(['sync_status_outbox_by_dossier', 'sync_status_outbox_due']);
  });

  it('orders updates by an increasing seq that is never reused, with an empty result list by default', () => {
    env = atLevel('l4-0040');
    env.apply(21);
    const a = insert();
    const b = insert();
    env.db.prepare('DELETE FROM sync_status_outbox WHERE seq = ?').run(b);
    const c = insert();
    expect([a < b, b < c]).toEqual([true, true]);
    expect(env.db.prepare('SELECT results FROM sync_status_outbox WHERE seq = ?').pluck().get(a)).toBe('[]');
  });

  it('refuses a repeated idempotency key, an unknown status or state, and an unknown dossier', () => {
    env = atLevel('l4-0040');
    env.apply(21);
    insert({ key: 'same' });
    expect(() => insert({ key: 'same' })).toThrow(/UNIQUE/);
    expect(() => insert({ to: 11 })).toThrow(/CHECK/);
    expect(() => insert({ state: 'confirmed' })).toThrow(/CHECK/);
    expect(() => insert({ dossier: 'no-such-dossier' })).toThrow(/FOREIGN KEY/);
  });
});
