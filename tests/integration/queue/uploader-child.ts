/**
 * The app's delivery side as its own process, so the fault test can SIGKILL it at any instant:
 * opens the real store (with the outbox migration), runs the sync engine against the server, and
 * with --until-drained exits 0 once nothing is left to send or confirm. It opens the store with the
 * outbox migrations only: the parent already migrated it with the whole feature list, and a child
 * restarted six times should not load every feature's code each time.
 */
import { openStore } from '../../../src-main/store/store.ts';
import { syncMigrations } from '../../../src-main/features/queue/migrations/0020-outbox.ts';
import { Outbox } from '../../../src-main/features/queue/outbox.ts';
import { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import { SyncEngine } from '../../../src-main/features/queue/sync-engine.ts';
import { OneStopRestAdapter } from '../../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';

const [dataDir, apiUrl, mode] = process.argv.slice(2) as [string, string, string | undefined];
const store = openStore({ dataDir, migrations: syncMigrations, agency: () => ({ code: '000.00.31.H42', counterId: '01' }), checkIntegrity: false });
const outbox = new Outbox(store.db);
const engine = new SyncEngine({
  outbox,
  source: new StoreSource(store),
  adapter: new OneStopRestAdapter({ baseUrl: apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret', chunkSize: 256 * 1024 }),
  concurrency: 3,
  backoff: { baseMs: 50, capMs: 800 },
  leaseMs: 60_000,
  tickMs: 200,
  pullEveryMs: 1_000,
  offlineEveryMs: 200,
});
engine.start();
process.stdout.write('ready\n');
if (mode === '--until-drained') {
  const check = setInterval(() => {
    const c = outbox.counts();
    if (c.pending + c.sending + c['failed-retrying'] + c.sent === 0) {
      clearInterval(check);
      void engine.stop().then(() => {
        store.close();
        process.exit(0);
      });
    }
  }, 100);
}
