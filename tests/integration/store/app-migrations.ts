import { storeMigrations } from '../../../src-main/store/migrations/index.ts';
import type { Migration } from '../../../src-main/store/migrations/migration.ts';
import { healthMigrations } from '../../../src-main/services/health-migrations.ts';
import { scanMigrations } from '../../../src-main/services/scan-migrations.ts';
import { syncMigrations } from '../../../src-main/sync/migrations/0020-outbox.ts';

/** Every migration the app runs today, as core.ts hands them to openStore (store's own included). */
export function appMigrations(): Migration[] {
  return [...storeMigrations, ...healthMigrations, ...syncMigrations, ...scanMigrations];
}
