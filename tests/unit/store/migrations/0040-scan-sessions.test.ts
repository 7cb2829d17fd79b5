import { afterEach, describe, expect, it } from 'vitest';
import { atLevel, columns, indexes } from './level.ts';

// Migration 0040 (scan sessions). Owned by the scanning area; kept in a file named after the migration.
let env: ReturnType<typeof atLevel>;
afterEach(() => env.cleanup());

const session = (id: string) => env.db.prepare('INSERT INTO scan_session (id, created_at, touched_at) VALUES (?, 1, 1)').run(id);
const page = (id: string, sessionId: string, over: Partial<{ side: string | null; state: string; source: string | null }> = {}) =>
  env.db
    .prepare(
      `INSERT INTO scan_page (id, session_id, position, side, state, original_sha, original_mime, width, height, dpi, bytes, rotation, flags_json, words_json, text_source)
       VALUES (?, ?, 1, ?, ?, ?, 'image/jpeg', 10, 10, 300, 100, 0, '[]', '[]', ?)`,
    )
    .run(id, sessionId, over.side === undefined ? 'front' : over.side, over.state ?? 'processing', 'a'.repeat(64), over.source === undefined ? null : over.source);

describe('migration 0040 scan-sessions on a released database at 0030', () => {
  it('adds sessions and pages with their indexes', () => {
    env = atLevel('l3-0030');
    expect(env.apply(40)).toMatchObject({ from: 30, to: 40, applied: [{ id: 40, name: 'scan-sessions' }] });
    expect(columns(env.db, 'scan_session')).toEqual(['created_at', 'device_id', 'id', 'touched_at']);
    expect(columns(env.db, 'scan_page')).toContain('analysis_json');
    expect(indexes(env.db, 'scan_page')).toEqual(['scan_page_session']);
    expect(indexes(env.db, 'scan_session')).toEqual(['scan_session_touched']);
    expect(env.db.prepare('SELECT count(*) FROM health_checkin').pluck().get()).toBe(2);
  });

  it('accepts only known sides, pipeline states and text sources, and only pages of an existing session', () => {
    env = atLevel('l3-0030');
    env.apply(40);
    session('s1');
    page('p1', 's1');
    page('p2', 's1', { side: null, state: 'done', source: 'pdf' });
    expect(() => page('p3', 's1', { side: 'top' })).toThrow(/CHECK/);
    expect(() => page('p4', 's1', { state: 'queued' })).toThrow(/CHECK/);
    expect(() => page('p5', 's1', { source: 'manual' })).toThrow(/CHECK/);
    expect(() => page('p6', 'no-such-session')).toThrow(/FOREIGN KEY/);
  });

  it('deleting a session deletes its pages (the purge of stale sessions relies on it)', () => {
    env = atLevel('l3-0030');
    env.apply(40);
    session('s1');
    session('s2');
    page('p1', 's1');
    page('p2', 's2');
    env.db.prepare("DELETE FROM scan_session WHERE id = 's1'").run();
    expect(env.db.prepare('SELECT id FROM scan_page').pluck().all()).toEqual(['p2']);
  });
});
