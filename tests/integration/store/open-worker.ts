// A process that opens a counter store once and prints its installation tag: the first-open tests
// start several at the same moment on one new data folder.
import { openStore } from '../../../src-main/store/store.ts';
import { featureMigrations } from '../../../src-main/feature-list.ts';

const store = openStore({ dataDir: process.argv[2]!, migrations: featureMigrations() });
process.stdout.write(`TAG ${store.installation.tag} ${store.migration.applied.length}\n`);
store.close();
