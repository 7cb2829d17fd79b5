import { storeMigrations } from '../../../src-main/store/migrations/index.ts';
import type { Migration } from '../../../src-main/store/migrations/migration.ts';
import { healthMigrations } from '../../../src-main/features/health/migrations/0030-check-ins.ts';
import { scanMigrations } from '../../../src-main/features/scan/migrations/0040-scan-sessions.ts';
import { syncMigrations } from '../../../src-main/features/queue/migrations/0020-outbox.ts';

/** Every migration the app runs today, as core.ts hands them to openStore (store's own included). */
export function appMigrations(): Migration[] {
  return [...storeMigrations, ...healthMigrations, ...syncMigrations, ...scanMigrations];
}
