// A counter process for the crash and concurrency tests: opens a real store and accepts dossiers in
// a loop, printing "ACK <id> <hash>" only after `accept` has returned (i.e. the commit is durable).
import { randomBytes } from 'node:crypto';
import { openStore } from '../../../src-main/store/store.ts';
import { writeNumberingBlock } from '../../../src-main/store/repos/counter-meta.ts';
import { canonicalHash, testOutboxMigration, workerDraft } from './worker-shared.ts';

const [dataDir, counterId, countText, delegated] = process.argv.slice(2);
const count = Number(countText ?? 'Infinity');
const store = openStore({
  dataDir: dataDir!,
  migrations: [testOutboxMigration],
  agency: () => ({ code: '000.00.31.H42', counterId: counterId!, delegatedNumbering: delegated === 'delegated' }),
});
// Delegated mode issues official numbers only from a block the province granted (see
// counter-identity.test.ts for the grant over HTTP); here every process of the one database shares it.
if (delegated === 'delegated') writeNumberingBlock(store.db, { agency: '000.00.31.H42', first: 1, last: 1000 });
store.dossiers.onAccept((tx, d) => {
  tx.prepare('INSERT INTO test_outbox (dossier_id, payload_sha256) VALUES (?, ?)').run(d.id, canonicalHash(d));
});
process.stdout.write('READY\n');
for (let i = 0; i < count; i++) {
  const page = store.blobs.put(randomBytes(2000 + (i % 7) * 500));
  const d = store.dossiers.accept(workerDraft(i, counterId!, page));
  process.stdout.write(`ACK ${d.id} ${canonicalHash(d)} ${d.officialCode ?? d.provisionalCode}\n`);
}
store.close();
