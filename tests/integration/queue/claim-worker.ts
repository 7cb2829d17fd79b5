/**
 * One delivery worker as its own process, for the two-workers test: the real store file, outbox and
 * uploader, with the outbox's claim and release calls logged as JSON lines (`claim` right after a claim
 * returned, `end` right before the row is let go), so the test can check that no row was ever held by
 * two workers at once. Exits 0 once no row is left to send or confirm.
 */
import { openStore } from '../../../src-main/store/store.ts';
import { OneStopRestAdapter } from '../../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';
import { syncMigrations } from '../../../src-main/features/queue/migrations/0020-outbox.ts';
import { Outbox, type ClaimedRow } from '../../../src-main/features/queue/outbox.ts';
import { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import { Uploader } from '../../../src-main/features/queue/uploader.ts';

const [dataDir, apiUrl] = process.argv.slice(2) as [string, string];
const store = openStore({ dataDir, migrations: syncMigrations, agency: () => ({ code: '000.00.31.H42', counterId: '01' }), checkIntegrity: false });
const outbox = new Outbox(store.db);
const log = (ev: string, row: ClaimedRow, extra: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ ev, id: row.dossierId, state: row.state, t: Date.now(), ...extra })}\n`);

const claimDue = outbox.claimDue.bind(outbox);
outbox.claimDue = (limit, leaseMs, now) => {
  const rows = claimDue(limit, leaseMs, now);
  for (const r of rows) log('claim', r);
  return rows;
};
for (const name of ['markConfirmed', 'markRetry', 'markQuarantined'] as const) {
  const original = outbox[name].bind(outbox) as (row: ClaimedRow, ...rest: never[]) => boolean;
  (outbox as unknown as Record<string, unknown>)[name] = (row: ClaimedRow, ...rest: never[]) => {
    log('end', row, { via: name });
    return original(row, ...rest);
  };
}

const uploader = new Uploader({
  outbox,
  source: new StoreSource(store),
  adapter: new OneStopRestAdapter({ baseUrl: apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret', chunkSize: 64 * 1024 }),
  concurrency: 3,
  backoff: { baseMs: 20, capMs: 200 },
  leaseMs: 60_000,
});
process.stdout.write('ready\n');
for (;;) {
  await uploader.drain();
  const c = outbox.counts();
  if (c.pending + c.sending + c['failed-retrying'] + c.sent === 0) break;
  await new Promise((r) => setTimeout(r, 30));
}
store.close();
process.exit(0);
