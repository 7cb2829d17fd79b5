import type { Feature } from '../../kernel/feature.ts';
import { storeHandlers } from './dossiers-handlers.ts';
import { dossierViewHandlers } from './dossier-view-handlers.ts';
import { CounterIdentityService } from './counter-identity-service.ts';

/** Dossiers and procedures in the store, its users and audit, its maintenance; the detail view and returning results. */
export const dossiersFeature: Feature = {
  name: 'dossiers',
  prefixes: ['dossiers', 'procedures', 'users', 'audit', 'store'],
  create: (k) => {
    // The counter identity presented to the province: a clash with another PC of the agency refuses accepts.
    const counterIdentity = new CounterIdentityService({
      store: k.store,
      settings: () => k.settings.get(),
      clientSecret: () => k.secrets.get('server.clientSecret'),
      log: (message, fields) => k.log('warn', message, fields),
    });
    const unguard = k.store.dossiers.guardAccept(() => counterIdentity.guard());
    return {
      handlers: {
        ...storeHandlers({ store: k.store, settings: k.settings, keyKind: k.keyProvider.kind }),
        // The result is digitised through a scan session and its signatures checked by the signing feature.
        ...dossierViewHandlers({
          store: k.store,
          verify: (pdf) => k.call('signing.verifyBytes', { pdfBase64: Buffer.from(pdf).toString('base64') }),
          scanner: {
            pages: async (sessionId) => (await k.call('scan.get', { sessionId })).pages,
            buildPdf: (sessionId) => k.call('scan.buildPdf', { sessionId, componentId: null }),
          },
        }),
      },
      start: () => counterIdentity.start(),
      close: () => {
        unguard();
        counterIdentity.close();
      },
    };
  },
};
