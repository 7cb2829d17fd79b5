/**
 * The app's delivery side as its own process, so the SIGKILL tests can kill it at any instant: opens
 * the real store (with the outbox migrations and the source's hooks), runs the sync engine against the
 * server. Flags:
 *   --until-drained   exit 0 once nothing is left to send or confirm (after a last status pull)
 *   --moves M         the officer's side too: every dossier gets M local status moves (4 ↔ 5 / 4 ↔ 6
 *                     loops, then 9 and 10), one every few ms, made from whatever the local status is
 *   --seed S          seed of those moves
 * Prints `ready` once the engine runs, and `refused <code>` for a local move the store refused.
 */
import { canMoveTo } from '../../../src-main/domain/dossier/status.ts';
import { openStore } from '../../../src-main/store/store.ts';
import { OneStopRestAdapter } from '../../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';
import { featureMigrations } from '../../../src-main/feature-list.ts';
import { Outbox } from '../../../src-main/features/queue/outbox.ts';
import { pullStatus } from '../../../src-main/features/queue/status-puller.ts';
import { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import { SyncEngine } from '../../../src-main/features/queue/sync-engine.ts';
import { seeded } from '../../../src-main/reference-server/faults.ts';

const [dataDir, apiUrl, ...flags] = process.argv.slice(2) as [string, string, ...string[]];
const flag = (name: string) => {
  const i = flags.indexOf(name);
  return i >= 0 ? flags[i + 1] : undefined;
};
const untilDrained = flags.includes('--until-drained');
const moves = Number(flag('--moves') ?? 0);
const random = seeded(Number(flag('--seed') ?? 1) + process.pid);

const store = openStore({ dataDir, migrations: featureMigrations(), agency: () => ({ code: '000.00.31.H42', counterId: '01' }), checkIntegrity: false });
const outbox = new Outbox(store.db);
const source = new StoreSource(store);
source.attach();
const adapter = new OneStopRestAdapter({ baseUrl: apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret', chunkSize: 256 * 1024 });
const engine = new SyncEngine({
  outbox,
  source,
  adapter,
  concurrency: 3,
  backoff: { baseMs: 50, capMs: 800 },
  leaseMs: 60_000,
  tickMs: 200,
  pullEveryMs: moves ? 300 : 1_000,
  offlineEveryMs: 200,
});
engine.start();
store.dossiers.onChange((_tx, _d, change) => {
  if (change.kind === 'status') setImmediate(() => engine.kick());
});
process.stdout.write('ready\n');

/** The next move of one dossier: loops while moves are left, then 9 and 10; undefined when done. */
function nextMove(status: number, made: number): number | undefined {
  if (status === 10 || made >= moves) return undefined;
  const left = moves - made;
  const wanted = left <= 2 ? [9, 10] : status === 4 ? [5, 6] : [4];
  const allowed = wanted.filter((s) => canMoveTo(status, s));
  return allowed.length ? (allowed[Math.floor(random() * allowed.length)] as number) : undefined;
}

let movesDone = moves === 0;
if (moves) {
  const ids = (store.db.prepare('SELECT dossier_id AS id FROM sync_outbox ORDER BY created_at').all() as Array<{ id: string }>).map((r) => r.id);
  const mover = setInterval(() => {
    const open = ids.filter((id) => {
      const d = store.dossiers.get(id);
      return nextMove(d.status, outbox.statuses.forDossier(id).length) !== undefined;
    });
    if (open.length === 0) {
      clearInterval(mover);
      movesDone = true;
      return;
    }
    const id = open[Math.floor(random() * open.length)] as string;
    const d = store.dossiers.get(id);
    const to = nextMove(d.status, outbox.statuses.forDossier(id).length) as number;
    try {
      store.dossiers.changeStatus(id, to, 'can-bo-01', `Chuyển ${to}`);
    } catch (err) {
      process.stdout.write(`refused ${(err as { code?: string }).code ?? String(err)}\n`);
    }
  }, 60);
}

if (untilDrained) {
  const check = setInterval(() => {
    const c = outbox.counts();
    const s = outbox.statuses.counts();
    if (movesDone && c.pending + c.sending + c['failed-retrying'] + c.sent + s.pending + s.sending + s['failed-retrying'] === 0) {
      clearInterval(check);
      void (async () => {
        await engine.stop();
        // The last answers of the province come back, so the local histories can be compared with it.
        if (moves) await pullStatus(adapter, outbox, source);
        store.close();
        process.exit(0);
      })();
    }
  }, 100);
}
