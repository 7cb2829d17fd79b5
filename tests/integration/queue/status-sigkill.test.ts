import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../../src-main/store/store.ts';
import { OneStopRestAdapter } from '../../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';
import { toPortalDate } from '../../../src-main/domain/dossier/portal-date.ts';
import { featureMigrations } from '../../../src-main/feature-list.ts';
import { Outbox } from '../../../src-main/features/queue/outbox.ts';
import { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import { seeded } from '../../../src-main/reference-server/faults.ts';
import { startReferenceServer, type ReferenceServer } from '../../../src-main/reference-server/server.ts';
import { drainWatched, workBudget } from './drain-watch.ts';
import { admin, AGENCY, type ServerDossier } from './fixtures.ts';
import { acceptBirthRegistration } from './store-dossier.ts';
import { cleanUpKillRun, startUploader } from './uploader-process.ts';

/**
 * SIGKILLs aimed at status updates, with pulls and province moves in between: the uploader child makes
 * the officer's moves itself (4 ↔ 5 / 4 ↔ 6 loops, then 9 and 10), pulls every 300 ms and is killed at
 * random moments, while the province moves some dossiers on its own. At the end every dossier and every
 * status update is at the province exactly once, no local move was refused, and every local history
 * equals the province's. SYNC_STATUS_SEED replays a run.
 */
const DOSSIERS = Number(process.env.SYNC_STATUS_DOSSIERS ?? 30);
const MOVES = Number(process.env.SYNC_STATUS_MOVES ?? 8);
const KILLS = Number(process.env.SYNC_STATUS_KILLS ?? 6);
const PROVINCE_MOVES = Math.ceil(DOSSIERS / 2);
const SEED = Number(process.env.SYNC_STATUS_SEED ?? Date.now() % 100_000);
const KILL_AFTER = { min: 1000, spread: 3000 };
console.log(`status SIGKILL test seed ${SEED} (replay: SYNC_STATUS_SEED=${SEED})`);
const random = seeded(SEED);

const dirs: string[] = [];
let server: ReferenceServer | undefined;
afterAll(() => cleanUpKillRun(dirs, server));

const budget = workBudget({ kills: KILLS, killAfterMaxMs: KILL_AFTER.min + KILL_AFTER.spread, dossiers: DOSSIERS, statusUpdates: DOSSIERS * MOVES, bytes: DOSSIERS * 20_000 });

it(`${DOSSIERS} dossiers × ${MOVES} local moves through ${KILLS} SIGKILLs and pulls: each update once, histories equal (seed ${SEED})`, { timeout: budget.totalMs }, async () => {
  const clientDir = mkdtempSync(join(tmpdir(), 'sync-status-kill-client-'));
  const serverDir = mkdtempSync(join(tmpdir(), 'sync-status-kill-server-'));
  dirs.push(clientDir, serverDir);
  const seedStore = openStore({ dataDir: clientDir, migrations: featureMigrations(), agency: () => ({ code: AGENCY, counterId: '01' }) });
  new StoreSource(seedStore).attach();
  const ids = Array.from({ length: DOSSIERS }, () => acceptBirthRegistration(seedStore, 20_000));
  seedStore.close();
  server = await startReferenceServer({ dataDir: serverDir });
  const srv = server;
  const args = ['--moves', String(MOVES), '--seed', String(SEED)];

  // The province moves dossiers that are in processing there (4 ↔ 5 / 4 ↔ 6), now and then.
  let provinceMoves = 0;
  const provinceMove = async () => {
    if (provinceMoves >= PROVINCE_MOVES) return;
    const held = (await admin<ServerDossier[]>(srv.url, 'GET', '/__admin/dossiers')).filter((s) => ['4', '5', '6'].includes(s.TrangThaiHoSo));
    const d = held[Math.floor(random() * held.length)];
    if (!d) return;
    const to = d.TrangThaiHoSo === '4' ? (random() < 0.5 ? '5' : '6') : '4';
    await admin(srv.url, 'POST', `/__admin/dossiers/${d.id}/status`, { TrangThaiHoSo: to, NoiDungXuLy: 'Chuyên viên xử lý' });
    provinceMoves++;
  };

  const refused: string[] = [];
  for (let kills = 0; kills < KILLS; kills++) {
    const child = startUploader(clientDir, srv.apiUrl, args);
    try {
      await budget.childStarted(child);
      const until = Date.now() + KILL_AFTER.min + random() * KILL_AFTER.spread;
      while (Date.now() < until) {
        await new Promise((r) => setTimeout(r, 150));
        await provinceMove();
      }
    } finally {
      child.kill('SIGKILL');
      await child.exited;
      refused.push(...child.lines.filter((l) => l.startsWith('refused')));
    }
  }
  const drain = await drainWatched(clientDir, srv.apiUrl, budget, args, provinceMove);

  const onServer = new Map((await admin<ServerDossier[]>(srv.url, 'GET', '/__admin/dossiers')).map((s) => [s.id, s]));
  const store = openStore({ dataDir: clientDir, migrations: featureMigrations() });
  const rest = new OneStopRestAdapter({ baseUrl: srv.apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret' });
  let updates = 0;
  try {
    const outbox = new Outbox(store.db);
    expect(outbox.counts()).toMatchObject({ confirmed: DOSSIERS, pending: 0, sending: 0, sent: 0, 'failed-retrying': 0, quarantined: 0 });
    for (const id of ids) {
      const s = onServer.get(id);
      expect(s?.committed, id).toBe(true);
      const local = outbox.statuses.forDossier(id);
      updates += local.length;
      expect(local.every((e) => e.state === 'sent'), id).toBe(true);
      // Every local update applied at the province exactly once: same keys, each applied, one progress record each.
      expect(s!.statusUpdates.map((u) => [u.key, u.TrangThaiHoSo, u.applied])).toEqual(local.map((e) => [e.idempotencyKey, String(e.toStatus), true]));
      const province = (await rest.state(id))!.progress.slice(1);
      const fromCounter = province.filter((p) => p.by !== 'Chuyên viên xử lý');
      expect(fromCounter.map((p) => String(p.status))).toEqual(local.map((e) => String(e.toStatus)));
      // The local history after acceptance is the province's, event for event.
      const h = store.dossiers.get(id).statusHistory;
      const tail = h.slice(h.findIndex((e) => e.status === 2) + 1).map((e) => `${e.status}@${toPortalDate(new Date(e.at))}`);
      expect(tail, id).toEqual(province.map((p) => `${p.status}@${p.at}`));
      expect(store.dossiers.get(id).status).toBe(Number(s!.TrangThaiHoSo));
    }
  } finally {
    store.close();
  }
  expect(refused).toEqual([]);
  console.log(`status SIGKILL seed ${SEED}: ${DOSSIERS} dossiers, ${updates} status updates, ${provinceMoves} province moves, ${KILLS} kills, final drain ${(drain.ms / 1000).toFixed(1)} s`);
  expect(updates).toBe(DOSSIERS * MOVES);
  expect(provinceMoves).toBeGreaterThan(0);
});
