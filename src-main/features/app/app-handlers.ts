import type { HandlersOf } from '../../rpc/handlers.ts';
import type { CoreConfig } from '../../kernel/kernel.ts';
import type { SettingsService } from '../../kernel/settings-service.ts';
import type { StatusService } from '../../kernel/status-service.ts';
import type { DeviceRegistry } from '../../devices/registry.ts';

export interface FoundationDeps {
  config: CoreConfig;
  settings: SettingsService;
  status: StatusService;
  devices: DeviceRegistry;
}

export function foundationHandlers(d: FoundationDeps): HandlersOf<'app.info' | 'devices.list' | 'settings.get' | 'settings.set' | 'status.get'> {
  return {
    'app.info': () => ({
      name: 'One-Stop Counter',
      version: d.config.version,
      host: d.config.host,
      trainingMode: d.config.trainingMode ?? false,
      platform: process.platform,
      nodeVersion: process.version,
      electronVersion: d.config.electronVersion,
      dataDir: d.config.dataDir,
    }),
    'devices.list': (input) => d.devices.list(input.kind, input.refresh),
    'settings.get': () => d.settings.get(),
    'settings.set': (patch) => d.settings.set(patch),
    'status.get': () => d.status.get(),
  };
}
