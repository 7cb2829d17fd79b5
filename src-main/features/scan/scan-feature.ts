import type { Feature } from '../../kernel/feature.ts';
import { scanMigrations } from './migrations/0040-scan-sessions.ts';
import { createScanArea } from './scan-area.ts';

/** Scanners (eSCL, SANE, hot folder, WIA), the page pipeline and OCR; PDFs go to the store's blobs. */
export const scanFeature: Feature = {
  name: 'scan',
  prefixes: ['scan', 'documents'],
  migrations: scanMigrations,
  create: (k) => {
    const area = createScanArea({ dataDir: k.config.dataDir, trainingMode: k.trainingMode, bus: k.bus, store: () => k.store });
    return {
      handlers: area.handlers,
      probes: area.probes,
      // Sessions survive restarts; old ones no reception in progress still refers to are purged.
      prepare: async () => {
        const drafts = await k.call('reception.drafts.list', {});
        area.purgeStale(drafts.map((d) => d.scanSessionId));
      },
      close: () => area.close(),
    };
  },
};
