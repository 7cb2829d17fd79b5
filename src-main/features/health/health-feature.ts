import type { Feature } from '../../kernel/feature.ts';
import { healthHandlers } from './health-handlers.ts';
import { healthMigrations } from './migrations/0030-check-ins.ts';
import { HealthService } from './health-service.ts';

/** Health-station check-ins: queue numbers and BHYT card checks, rechecked in the background. */
export const healthFeature: Feature = {
  name: 'health',
  prefixes: ['health'],
  migrations: healthMigrations,
  create: (k) => {
    const health = new HealthService({ db: k.store.db, bus: k.bus, settings: k.settings, log: k.log });
    return { handlers: healthHandlers(health), start: () => health.start(), close: () => health.close() };
  },
};
