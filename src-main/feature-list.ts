import type { Feature } from './kernel/feature.ts';
import type { Migration } from './store/migrations/migration.ts';
import { appFeature } from './features/app/app-feature.ts';
import { adminFeature } from './features/admin/admin-feature.ts';
import { trainingFeature } from './features/training/training-feature.ts';
import { calendarFeature } from './features/calendar/calendar-feature.ts';
import { cardFeature } from './features/card/card-feature.ts';
import { scanFeature } from './features/scan/scan-feature.ts';
import { printFeature } from './features/print/print-feature.ts';
import { identityFeature } from './features/identity/identity-feature.ts';
import { healthFeature } from './features/health/health-feature.ts';
import { dossiersFeature } from './features/dossiers/dossiers-feature.ts';
import { receptionFeature } from './features/reception/reception-feature.ts';
import { signingFeature } from './features/signing/signing-feature.ts';
import { queueFeature } from './features/queue/queue-feature.ts';
import { reportsFeature } from './features/reports/reports-feature.ts';

/**
 * Every feature of the counter, in the order they are created and started (and closed in reverse).
 * Adding a feature is its own folder plus one line here.
 */
export const features: readonly Feature[] = [
  appFeature,
  adminFeature,
  trainingFeature,
  calendarFeature,
  cardFeature,
  scanFeature,
  printFeature,
  identityFeature,
  healthFeature,
  dossiersFeature,
  receptionFeature,
  signingFeature,
  queueFeature,
  reportsFeature,
];

/** The one list of schema steps beyond the store's own (0001–0019): every feature's, for the store to order. */
export function featureMigrations(list: readonly Feature[] = features): Migration[] {
  return list.flatMap((f) => f.migrations ?? []);
}
