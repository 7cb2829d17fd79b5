import type { Feature } from '../../kernel/feature.ts';
import { adminHandlers } from './admin-handlers.ts';
import { RolloutService } from './rollout/rollout-service.ts';
import { listCrashDumps } from '../../platform/crash-dumps.ts';

/** The district IT staff's tools: credentials, rollout files, diagnostics and logs. */
export const adminFeature: Feature = {
  name: 'admin',
  prefixes: ['secrets', 'config', 'diagnostics', 'logs'],
  create: (k) => ({
    handlers: adminHandlers({
      secrets: k.secrets,
      rollout: new RolloutService(k.settings, k.secrets),
      diagnostics: { dataDir: k.config.dataDir, appInfo: () => k.call('app.info', {}), devices: () => k.devices.registry.list(), crashDumps: () => listCrashDumps(k.config.crashDumpsDir) },
    }),
  }),
};
