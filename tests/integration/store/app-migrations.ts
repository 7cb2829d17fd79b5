import { featureMigrations } from '../../../src-main/feature-list.ts';
import { storeMigrations } from '../../../src-main/store/migrations/index.ts';
import type { Migration } from '../../../src-main/store/migrations/migration.ts';

/** Every migration the app runs: the store's own and every feature's, from the one registry. */
export function appMigrations(): Migration[] {
  return [...storeMigrations, ...featureMigrations()];
}
