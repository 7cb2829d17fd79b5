import type { Feature } from '../../kernel/feature.ts';
import { reportsHandlers } from './reports-handlers.ts';
import { ReportsService } from './reports-service.ts';

/** The commune's figures for the district (Báo cáo) and this counter's health for IT. */
export const reportsFeature: Feature = {
  name: 'reports',
  prefixes: ['reports'],
  create: (k) => ({
    handlers: reportsHandlers(new ReportsService({ store: k.store, settings: k.settings, call: k.call }), () => k.settings.get().agency.place),
  }),
};
