import type { Feature } from '../../kernel/feature.ts';
import { foundationHandlers } from './app-handlers.ts';

/** The app itself: version and host, settings, status and the device list. */
export const appFeature: Feature = {
  name: 'app',
  prefixes: ['app', 'devices', 'settings', 'status'],
  create: (k) => ({ handlers: foundationHandlers({ config: k.config, settings: k.settings, status: k.status, devices: k.devices.registry }) }),
};
