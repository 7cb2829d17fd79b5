import { afterEach, describe, expect, it } from 'vitest';
import { atLevel, columns, indexes } from './level.ts';

// Migration 0020 (delivery outbox). Owned by the sync area; kept in a file named after the migration.
let env: ReturnType<typeof atLevel>;
afterEach(() => env.cleanup());

const insert = (state: string, dossier = 'd-0002', key = `k-${state}`) =>
  env.db.prepare('INSERT INTO sync_outbox (dossier_id, idempotency_key, state, created_at, updated_at) VALUES (?, ?, ?, 1, 1)').run(dossier, key, state);

describe('migration 0020 sync-outbox on a released store-only database', () => {
  it('adds the outbox and sync state, and nothing else changes version but to 20', () => {
    env = atLevel('l1-store');
    expect(env.apply(20)).toMatchObject({ from: 3, to: 20, applied: [{ id: 20, name: 'sync-outbox' }] });
    expect(columns(env.db, 'sync_outbox')).toEqual(
      ['attempts', 'bytes_done', 'bytes_total', 'confirmed_at', 'created_at', 'dossier_id', 'error_code', 'error_http', 'error_reason', 'idempotency_key', 'lease_until', 'next_attempt_at', 'official_code', 'remote_status', 'sent_at', 'state', 'updated_at'].sort(),
    );
    expect(indexes(env.db, 'sync_outbox')).toEqual(['sync_outbox_due']);
    expect(columns(env.db, 'sync_state')).toEqual(['key', 'value']);
    expect(env.db.prepare('SELECT count(*) FROM dossiers').pluck().get()).toBe(3);
  });

  it('keeps one row per existing dossier, unique keys and only the known states, with zero defaults', () => {
    env = atLevel('l1-store');
    env.apply(20);
    insert('pending');
    expect(env.db.prepare("SELECT attempts, next_attempt_at, bytes_total, bytes_done FROM sync_outbox WHERE dossier_id = 'd-0002'").get()).toEqual({ attempts: 0, next_attempt_at: 0, bytes_total: 0, bytes_done: 0 });
    expect(() => insert('pending', 'd-0002', 'other-key')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert('pending', 'd-0003', 'k-pending')).toThrow(/UNIQUE/);
    expect(() => insert('delivered', 'd-0003')).toThrow(/CHECK/);
    expect(() => insert('pending', 'no-such-dossier', 'k-x')).toThrow(/FOREIGN KEY/);
    const landed = ['sending', 'sent', 'confirmed', 'failed-retrying', 'quarantined'].map((s) => {
      env.db.prepare("DELETE FROM sync_outbox WHERE dossier_id = 'd-0003'").run();
      insert(s, 'd-0003');
      return env.db.prepare("SELECT state FROM sync_outbox WHERE dossier_id = 'd-0003'").pluck().get();
    });
    expect(landed).toEqual(['sending', 'sent', 'confirmed', 'failed-retrying', 'quarantined']);
  });

  it('running the runner again applies nothing', () => {
    env = atLevel('l1-store');
    env.apply(20);
    expect(env.apply(20)).toMatchObject({ applied: [] });
  });
});
