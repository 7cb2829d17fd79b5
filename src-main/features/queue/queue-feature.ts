import type { Feature } from '../../kernel/feature.ts';
import { syncMigrations } from './migrations/0020-outbox.ts';
import { syncHandlers } from './queue-handlers.ts';
import { SyncService } from './queue-service.ts';
import { auditedListings } from '../../kernel/personal-data-audit.ts';
import { CounterIdentityService } from './counter-identity-service.ts';

/** Delivery to the province: the outboxes are written in the store's transactions; the engine runs only in apps. */
export const queueFeature: Feature = {
  name: 'queue',
  prefixes: ['queue'],
  migrations: syncMigrations,
  create: (k) => {
    const sync = new SyncService({
      store: k.store,
      bus: k.bus,
      status: k.status,
      settings: () => k.settings.get(),
      clientSecret: () => k.secrets.get('server.clientSecret'),
      run: k.background,
      log: (message, fields) => k.log('warn', message, fields),
    });
    // The counter identity presented to the province: a clash with another PC of the agency refuses accepts.
    const counterIdentity = new CounterIdentityService({
      store: k.store,
      settings: () => k.settings.get(),
      clientSecret: () => k.secrets.get('server.clientSecret'),
      log: (message, fields) => k.log('warn', message, fields),
    });
    const unguard = k.store.dossiers.guardAccept(() => counterIdentity.guard());
    return {
      // The queue export lists applicants: audited like any other listing of personal data.
      handlers: auditedListings(syncHandlers(sync), k.store.audit),
      start: () => counterIdentity.start(),
      close: () => {
        unguard();
        counterIdentity.close();
        return sync.close();
      },
    };
  },
};
