import { afterEach, describe, expect, it } from 'vitest';
import { atLevel, columns, indexes } from './level.ts';

// Migration 0030 (health-station check-ins). Owned by the identity/health area; kept in a file named after the migration.
let env: ReturnType<typeof atLevel>;
afterEach(() => env.cleanup());

const checkin = (day: string, n: number, status = 'pending') =>
  env.db
    .prepare("INSERT INTO health_checkin (day, queue_number, at, source_json, identity_json, card_json, card_status) VALUES (?, ?, '2026-03-02T01:00:00Z', '{}', '{}', '{}', ?) RETURNING id")
    .pluck()
    .get(day, n, status) as number;

describe('migration 0030 health-checkins on a released database at 0020', () => {
  it('adds the queue day and check-in tables with the pending index', () => {
    env = atLevel('l2-0020');
    expect(env.apply(30)).toMatchObject({ from: 20, to: 30, applied: [{ id: 30 }] });
    expect(columns(env.db, 'health_queue_day')).toEqual(['day', 'last_number']);
    expect(columns(env.db, 'health_checkin')).toEqual(['at', 'card_json', 'card_status', 'day', 'id', 'identity_json', 'lookup_number', 'queue_number', 'source_json']);
    expect(indexes(env.db, 'health_checkin')).toEqual(['health_checkin_pending']);
    expect(env.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(3);
  });

  it('never gives one queue number twice on a day, and ids only grow', () => {
    env = atLevel('l2-0020');
    env.apply(30);
    const first = checkin('2026-03-02', 1);
    expect(() => checkin('2026-03-02', 1)).toThrow(/UNIQUE/);
    expect(checkin('2026-03-03', 1)).toBeGreaterThan(first);
    env.db.prepare("INSERT INTO health_queue_day (day, last_number) VALUES ('2026-03-02', 1)").run();
    expect(() => env.db.prepare("INSERT INTO health_queue_day (day, last_number) VALUES ('2026-03-02', 2)").run()).toThrow(/UNIQUE|PRIMARY/);
  });

  it('the pending index is what the card-check retry query uses', () => {
    env = atLevel('l2-0020');
    env.apply(30);
    const plan = env.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM health_checkin WHERE card_status = 'pending'").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/health_checkin_pending/);
  });
});
