import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../../src-main/store/store.ts';
import { syncMigrations } from '../../../src-main/features/queue/migrations/0020-outbox.ts';
import { Outbox } from '../../../src-main/features/queue/outbox.ts';
import { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import { startReferenceServer, type ReferenceServer } from '../../../src-main/reference-server/server.ts';
import { admin, AGENCY, type ServerDossier } from './fixtures.ts';
import { acceptBirthRegistration } from './store-dossier.ts';
import { cleanUpKillRun, startUploader } from './uploader-process.ts';

/**
 * Two real worker processes drain one SQLite file against the reference server. Every claim and every
 * release is logged with its time; a row — a `sent` one waiting for confirmation included — is never
 * held by both workers at once, and every dossier reaches the province once. (A claim is logged after
 * it returned and a release before it is written, so a logged overlap is a real one.)
 */
const WORKER = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));
const DOSSIERS = 40;
const dirs: string[] = [];
let server: ReferenceServer | undefined;
afterAll(() => cleanUpKillRun(dirs, server));

interface Event {
  ev: 'claim' | 'end';
  id: string;
  state: string;
  t: number;
  worker: number;
}

/** One worker to its end (bounded: it is stopped after 90 s), with its claim/release events. */
async function run(dataDir: string, apiUrl: string, worker: number): Promise<{ code: number | null; events: Event[]; stderr: string }> {
  const child = startUploader(dataDir, apiUrl, [], WORKER);
  const timer = setTimeout(() => void child.stop(), 90_000);
  const code = await child.exited;
  clearTimeout(timer);
  const events = child.lines.filter((l) => l.startsWith('{')).map((l) => ({ ...(JSON.parse(l) as Omit<Event, 'worker'>), worker }));
  return { code, events, stderr: child.stderrTail() };
}

it('two worker processes on one SQLite file never hold the same row at once; each dossier delivered once', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sync-two-workers-'));
  dirs.push(dataDir);
  const seedStore = openStore({ dataDir, migrations: syncMigrations, agency: () => ({ code: AGENCY, counterId: '01' }) });
  new StoreSource(seedStore).attach();
  const ids = Array.from({ length: DOSSIERS }, () => acceptBirthRegistration(seedStore, 30_000));
  seedStore.close();
  server = await startReferenceServer({ dataDir: join(dataDir, 'server') });
  // Slow read-backs widen the window in which a `sent` row waits for its confirmation.
  await admin(server.url, 'POST', '/__faults', { seed: 5, rules: [{ kind: 'slow', method: 'GET', path: '^/dossiers/[^/]+$', probability: 0.5, delayMs: 150 }] });

  const [a, b] = await Promise.all([run(dataDir, server.apiUrl, 1), run(dataDir, server.apiUrl, 2)]);
  expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
  const events = [...a.events, ...b.events];
  // Both workers really worked.
  expect(a.events.filter((e) => e.ev === 'claim').length).toBeGreaterThan(0);
  expect(b.events.filter((e) => e.ev === 'claim').length).toBeGreaterThan(0);

  const overlaps: string[] = [];
  for (const id of ids) {
    const mine = events.filter((e) => e.id === id).sort((x, y) => x.t - y.t);
    const holds: Array<{ worker: number; from: number; to: number; state: string }> = [];
    for (const w of [1, 2]) {
      const open: Event[] = [];
      for (const e of mine.filter((x) => x.worker === w)) {
        if (e.ev === 'claim') open.push(e);
        else {
          const c = open.shift();
          if (c) holds.push({ worker: w, from: c.t, to: e.t, state: c.state });
        }
      }
      for (const c of open) holds.push({ worker: w, from: c.t, to: Infinity, state: c.state });
    }
    for (const x of holds.filter((h) => h.worker === 1)) {
      for (const y of holds.filter((h) => h.worker === 2)) {
        if (x.from < y.to && y.from < x.to) overlaps.push(`${id}: worker 1 (${x.state}) ${x.from}–${x.to} and worker 2 (${y.state}) ${y.from}–${y.to}`);
      }
    }
  }
  expect(overlaps).toEqual([]);

  const onServer = await admin<ServerDossier[]>(server.url, 'GET', '/__admin/dossiers');
  expect(onServer.filter((s) => ids.includes(s.id) && s.committed).length).toBe(DOSSIERS);
  const store = openStore({ dataDir, migrations: syncMigrations });
  try {
    expect(new Outbox(store.db).counts()).toMatchObject({ confirmed: DOSSIERS, pending: 0, sending: 0, sent: 0, 'failed-retrying': 0 });
  } finally {
    store.close();
  }
});
